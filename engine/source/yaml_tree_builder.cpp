// Building the Node tree from yaml-cpp events (see yaml_tree_builder.h).
#include "source/yaml_tree_builder.h"

#include <algorithm>
#include <string_view>

#include "source/diagnostic_sink.h"
#include "source/utf8.h"
#include "source/yaml_scalar.h"
#include "source/yaml_span.h"

namespace trustlint::internal {
namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

std::size_t child_count(const Node& n) { return n.kind == NodeKind::object ? n.members.size() : n.items.size(); }
const Node& child(const Node& n, std::size_t i) { return n.kind == NodeKind::object ? n.members[i].value : n.items[i]; }

// Core-schema typing of a plain scalar; booleans are spelled "true"/"false", null as "".
void resolve_plain(Node& node) {
  node.kind = resolve_plain_scalar(node.text);
  if (node.kind == NodeKind::null) node.text.clear();
  if (node.kind == NodeKind::boolean) node.text = (node.text[0] == 't' || node.text[0] == 'T') ? "true" : "false";
}

}  // namespace

YamlTreeBuilder::YamlTreeBuilder(const SourceFile& file, std::size_t base, const Limits& limits)
    : file_(file),
      text_(file.text()),
      base_(base),
      limits_(limits) {}

std::size_t YamlTreeBuilder::offset(const YAML::Mark& mark) const {
  if (mark.pos < 0) return text_.size();
  return std::min(base_ + static_cast<std::size_t>(mark.pos), text_.size());
}

Span YamlTreeBuilder::span(std::size_t begin, std::size_t end) const {
  begin = std::min(begin, text_.size());
  return file_.span(begin, std::clamp(end, begin, text_.size()));
}

void YamlTreeBuilder::stop(const char* code, std::string message, std::size_t at) const {
  throw YamlStop{make_error(code, std::move(message), span(at, at))};
}

void YamlTreeBuilder::stop_too_many_nodes(std::size_t at) const {
  stop("TL008", "too many YAML nodes: more than " + std::to_string(limits_.max_nodes) +
                    " (limit max_nodes; every use of an alias counts)", at);
}

void YamlTreeBuilder::stop_too_deep(std::size_t at) const {
  stop("TL007", "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (limit max_depth)", at);
}

void YamlTreeBuilder::count_node(std::size_t at) {
  if (nodes_ >= limits_.max_nodes) stop_too_many_nodes(at);
  ++nodes_;
}

void YamlTreeBuilder::add_error(Diagnostic d) {
  if (limits_.max_errors == 0 || errors_ < limits_.max_errors) diagnostics_.push_back(std::move(d));
  ++errors_;
}

void YamlTreeBuilder::OnDocumentStart(const YAML::Mark& mark) {
  if (++documents_ > 1) stop("TL005", "only one YAML document is allowed", offset(mark));
  document_start_ = offset(mark);
}

void YamlTreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const std::size_t start = offset(mark);
  const std::size_t before = nodes_;
  count_node(start);
  // yaml-cpp marks an empty node at whatever token follows it (often the next key), so a null
  // spelled out is recognised in the text and anything else becomes a point after the indicator.
  const bool is_key = !frames_.empty() && frames_.back().is_map && !frames_.back().has_key;
  const std::size_t cursor = frames_.empty() ? document_start_ : frames_.back().cursor;
  const std::size_t props = anchor != 0 ? skip_yaml_properties(text_, start) : start;
  const std::size_t content = props > start ? skip_yaml_blank(text_, props) : start;
  const std::size_t literal_end = (is_key || start >= cursor) ? yaml_null_end(text_, content, is_key) : content;
  Node node;
  if (literal_end > content) {
    node.span = span(start, literal_end);
  } else if (props > start) {
    node.span = span(start, props);
  } else {
    const std::size_t at = is_key ? std::max(start, cursor) : yaml_empty_point(text_, cursor);
    node.span = span(at, at);
  }
  deliver(std::move(node), anchor, before, 0);
}

void YamlTreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                               const std::string& value) {
  const std::size_t start = offset(mark);
  const std::size_t before = nodes_;
  count_node(start);
  const std::size_t props = skip_yaml_properties(text_, start);
  const std::size_t content = props > start ? skip_yaml_blank(text_, props) : start;
  const ScalarStyle style = yaml_scalar_style(text_, content);
  Node node;
  node.kind = NodeKind::string;
  node.text = value;
  if (style == ScalarStyle::plain && value.empty()) {
    node.span = span(start, props);  // a tag with no content: "!Ref" alone
  } else {
    const std::size_t end = yaml_scalar_end(text_, content, style, value);
    if (end == std::string_view::npos) stop("TL005", "malformed YAML: missing closing quote", content);
    node.span = span(start, end);
  }
  apply_scalar_tag(node, tag, style == ScalarStyle::plain);
  check_length(node);
  deliver(std::move(node), anchor, before, 0);
}

// TL009, as the JSON reader reports it: a scalar longer than limits.max_string_length code points.
void YamlTreeBuilder::check_length(const Node& node) {
  if (node.text.size() <= limits_.max_string_length) return;  // bytes >= code points
  const std::size_t chars = count_code_points(node.text);
  if (chars <= limits_.max_string_length) return;
  add_error(make_error("TL009",
                       "string of " + group_thousands(chars) + " characters is longer than the limit of " +
                           group_thousands(limits_.max_string_length),
                       node.span));
}

void YamlTreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const std::size_t start = offset(mark);
  const std::size_t end = yaml_word_end(text_, start);
  const std::size_t before = nodes_;
  const auto it = anchors_.find(anchor);
  const Node* target = nullptr;
  if (it != anchors_.end()) target = it->second.owned ? &*it->second.owned : find_in_tree(it->second.path);
  if (target == nullptr) {  // the anchored node is still open: the alias is inside it
    count_node(start);
    const std::string name(text_.substr(start, end - start));
    add_error(make_error("TL010", "unsupported YAML construct: recursive alias " + name, span(start, end)));
    Node placeholder;
    placeholder.span = span(start, end);
    deliver(std::move(placeholder), 0, before, 0);
    return;
  }
  const AnchorRecord& record = it->second;
  if (record.nodes > limits_.max_nodes - std::min(nodes_, limits_.max_nodes)) stop_too_many_nodes(start);
  if (frames_.size() + record.height > limits_.max_depth) stop_too_deep(start);
  Node copy = *target;  // copy before deliver(), which may move the tree that target points into
  copy.span = span(start, end);
  nodes_ += record.nodes;
  deliver(std::move(copy), 0, before, record.height);
}

void YamlTreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                      YAML::EmitterStyle::value /*style*/) {
  open_collection(mark, tag, anchor, false);
}

void YamlTreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                 YAML::EmitterStyle::value /*style*/) {
  open_collection(mark, tag, anchor, true);
}

void YamlTreeBuilder::open_collection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                      bool is_map) {
  const std::size_t start = offset(mark);
  const std::size_t before = nodes_;
  count_node(start);
  if (frames_.size() + 1 > limits_.max_depth) stop_too_deep(start);
  Frame f;
  f.is_map = is_map;
  f.start = start;
  f.anchor = anchor;
  f.nodes_before = before;
  const std::size_t props = skip_yaml_properties(text_, start);
  f.content = props > start ? skip_yaml_blank(text_, props) : start;
  f.bracketed = f.content < text_.size() && text_[f.content] == (is_map ? '{' : '[');
  f.cursor = f.bracketed ? f.content + 1 : f.content;
  f.node.kind = is_map ? NodeKind::object : NodeKind::array;
  apply_collection_tag(f.node, tag, start);
  frames_.push_back(std::move(f));
}

void YamlTreeBuilder::close_collection() {
  if (frames_.empty()) return;
  Frame f = std::move(frames_.back());
  frames_.pop_back();
  std::size_t end = f.cursor;
  // A compact mapping inside a flow sequence ("[[a]: b]") starts where its first key starts.
  if (f.bracketed && f.first_child != f.content) end = yaml_flow_end(text_, f.cursor, f.is_map ? '}' : ']');
  f.node.span = span(f.start, end);
  deliver(std::move(f.node), f.anchor, f.nodes_before, f.height + 1);
}

void YamlTreeBuilder::deliver(Node node, YAML::anchor_t anchor, std::size_t nodes_before, std::size_t height) {
  if (frames_.empty()) {
    remember_anchor(anchor, node, nodes_before, height, true);
    root_ = std::move(node);
    return;
  }
  Frame& f = frames_.back();
  if (f.first_child == std::string::npos) f.first_child = node.span.offset;
  f.cursor = std::max<std::size_t>(f.cursor, node.span.end_offset);
  f.height = std::max(f.height, height);
  if (!f.is_map) {
    remember_anchor(anchor, node, nodes_before, height, true);
    f.node.items.push_back(std::move(node));
    return;
  }
  if (!f.has_key) {
    f.has_key = true;
    f.drop_value = !node.is_scalar();
    remember_anchor(anchor, node, nodes_before, height, false);
    if (f.drop_value) {
      add_error(make_error("TL010", "unsupported YAML construct: non-scalar key", node.span));
      return;
    }
    f.key = std::move(node.text);
    f.key_span = std::move(node.span);
    return;
  }
  f.has_key = false;
  if (f.drop_value) {
    remember_anchor(anchor, node, nodes_before, height, false);
    return;
  }
  const auto [first, inserted] = f.seen.try_emplace(f.key, f.key_span);
  if (!inserted) {
    Diagnostic d = make_error("TL006", "duplicate key \"" + f.key + "\"", f.key_span);
    d.notes.push_back("first defined at line " + std::to_string(first->second.line) + ", column " +
                      std::to_string(first->second.col));
    add_error(std::move(d));
  }
  remember_anchor(anchor, node, nodes_before, height, true);
  f.node.members.push_back(Member{std::move(f.key), std::move(f.key_span), std::move(node)});
}

// Anchored nodes that sit in the tree are found again by their path (no copy until an alias
// uses them); keys and dropped values are copied, and the copy counts against max_nodes.
void YamlTreeBuilder::remember_anchor(YAML::anchor_t anchor, const Node& node, std::size_t nodes_before,
                                      std::size_t height, bool in_tree) {
  if (anchor == 0) return;
  AnchorRecord record;
  record.nodes = nodes_ - nodes_before;
  record.height = height;
  if (in_tree && !outside_tree()) {
    for (const Frame& f : frames_) record.path.push_back(child_count(f.node));
  } else {
    if (record.nodes > limits_.max_nodes - std::min(nodes_, limits_.max_nodes)) stop_too_many_nodes(node.span.offset);
    nodes_ += record.nodes;
    record.owned = node;
  }
  anchors_[anchor] = std::move(record);
}

// Inside a mapping key, or inside the value of a non-scalar key (which will be dropped).
bool YamlTreeBuilder::outside_tree() const {
  for (std::size_t k = 0; k + 1 < frames_.size(); ++k) {
    if (frames_[k].is_map && (!frames_[k].has_key || frames_[k].drop_value)) return true;
  }
  return false;
}

// INVARIANT: frames_[k + 1] is the open child of frames_[k], at index child_count(frames_[k].node).
const Node* YamlTreeBuilder::find_in_tree(const std::vector<std::size_t>& path) const {
  const Node* node = nullptr;
  std::size_t level = 0;
  for (std::size_t index : path) {
    if (node != nullptr) {
      if (index >= child_count(*node)) return nullptr;
      node = &child(*node, index);
    } else if (level < frames_.size() && index < child_count(frames_[level].node)) {
      node = &child(frames_[level].node, index);
    } else if (level < frames_.size() && index == child_count(frames_[level].node)) {
      ++level;  // the path goes on inside the open child
    } else {
      return nullptr;
    }
  }
  return node;  // nullptr when the anchored node is still open
}

void YamlTreeBuilder::apply_scalar_tag(Node& node, const std::string& tag, bool plain) {
  if (tag == "?") return resolve_plain(node);  // yaml-cpp's mark for an untagged plain scalar
  if (tag == "!") return;                      // quoted, block, or explicitly "!": a string
  if (tag.rfind(kCoreTagPrefix, 0) != 0) {
    node.tag = tag;
    if (plain) resolve_plain(node);
    return;
  }
  const std::string name = tag.substr(kCoreTagPrefix.size());
  bool valid = true;
  if (name == "str") {
    return;
  } else if (name == "null") {
    valid = is_yaml_null(node.text);
  } else if (name == "bool") {
    valid = is_yaml_bool(node.text);
  } else if (name == "int") {
    valid = is_yaml_int(node.text);
  } else if (name == "float") {
    valid = is_yaml_int(node.text) || is_yaml_float(node.text);
  } else {
    node.tag = "!!" + name;  // !!binary, !!timestamp, ...: kept, typed like an untagged scalar
    if (plain) resolve_plain(node);
    return;
  }
  if (!valid) {
    add_error(make_error("TL010", "unsupported YAML construct: !!" + name + " \"" + node.text + "\"", node.span));
    return;
  }
  resolve_plain(node);
}

void YamlTreeBuilder::apply_collection_tag(Node& node, const std::string& tag, std::size_t at) {
  if (tag == "?" || tag == "!") return;
  if (tag.rfind(kCoreTagPrefix, 0) != 0) {
    node.tag = tag;
    return;
  }
  const std::string name = tag.substr(kCoreTagPrefix.size());
  const bool is_map = node.kind == NodeKind::object;
  if ((name == "map" && is_map) || (name == "seq" && !is_map)) return;
  if (name == "map" || name == "seq" || name == "str" || name == "null" || name == "bool" || name == "int" ||
      name == "float") {
    add_error(make_error("TL010", "unsupported YAML construct: !!" + name + " on a " + (is_map ? "mapping" : "sequence"),
                         span(at, at)));
    return;
  }
  node.tag = "!!" + name;
}

}  // namespace trustlint::internal
