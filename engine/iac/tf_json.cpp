// read_tf_json (tf_json.h): Terraform JSON configuration syntax to the HCL syntax tree. Which
// properties are blocks is Terraform's schema (the JSON has no other way to say it): at the top
// resource/data (two labels), variable/module/output/provider (one), locals/terraform; inside a
// resource or data source the nested blocks a trust policy is written with (statement,
// principals, condition, dynamic, content, ...). A "//" property of a body is a comment.
#include "iac/tf_json.h"

#include <algorithm>
#include <map>

#include "source/read_tree.h"

namespace trustlint::internal {

namespace {

enum class Ctx { root, attributes, variable, resource };

// The number of labels of block type `key` in a body of `ctx`; -1 when it is an attribute.
int block_labels(Ctx ctx, const std::string& key) {
  static const std::map<std::string, int> top{{"resource", 2}, {"data", 2},      {"variable", 1}, {"module", 1},
                                              {"output", 1},   {"provider", 1},  {"check", 1},    {"locals", 0},
                                              {"terraform", 0}, {"moved", 0},    {"import", 0},   {"removed", 0}};
  static const std::map<std::string, int> nested{
      {"statement", 0},   {"principals", 0},    {"not_principals", 0}, {"condition", 0},    {"dynamic", 1},
      {"content", 0},     {"lifecycle", 0},     {"inline_policy", 0},  {"provisioner", 1},  {"connection", 0},
      {"timeouts", 0},    {"precondition", 0},  {"postcondition", 0}};
  const std::map<std::string, int>* table = ctx == Ctx::root ? &top : ctx == Ctx::resource ? &nested : nullptr;
  if (ctx == Ctx::variable) return key == "validation" ? 0 : -1;
  if (table == nullptr) return -1;
  const auto it = table->find(key);
  return it == table->end() ? -1 : it->second;
}

Ctx child_ctx(Ctx parent, const std::string& type) {
  if (parent == Ctx::resource) return Ctx::resource;
  if (type == "resource" || type == "data") return Ctx::resource;
  if (type == "variable") return Ctx::variable;
  return Ctx::attributes;
}

class Converter {
 public:
  Converter(const SourceFile& file, const Limits& limits, TfJsonStrings& strings) : file_(file), limits_(limits), strings_(strings) {}

  bool body(const Node& v, Ctx ctx, HclBody& out) {
    if (v.kind != NodeKind::object) return fail(v.span, "a block body in Terraform JSON is an object, not " + std::string(article(v.kind)));
    for (const Member& m : v.members) {
      if (m.key == "//") continue;  // the JSON syntax's comment property
      const int labels = block_labels(ctx, m.key);
      if (labels < 0) {
        HclAttribute a;
        a.name = m.key;
        a.name_begin = m.key_span.offset;
        a.name_end = m.key_span.end_offset;
        const bool iterator = ctx == Ctx::resource && m.key == "iterator" && m.value.kind == NodeKind::string;
        if (iterator) {  // dynamic "x" { iterator = name }: a bare name in HCL, a string in JSON
          a.expr = std::make_unique<HclExpr>();
          a.expr->kind = HclExprKind::variable;
          a.expr->name = m.value.text;  // "name", or "${name}" as hcl2json writes it
          if (a.expr->name.starts_with("${") && a.expr->name.ends_with("}")) a.expr->name = a.expr->name.substr(2, a.expr->name.size() - 3);
          a.expr->begin = m.value.span.offset;
          a.expr->end = m.value.span.end_offset;
        } else if (!expr(m.value, a.expr)) {
          return false;
        }
        out.attributes.push_back(std::move(a));
        continue;
      }
      std::vector<std::string> names;
      if (!blocks(m.key, m.key_span, m.value, labels, names, child_ctx(ctx, m.key), out, false)) return false;
    }
    return true;
  }

  Diagnostics take() { return std::move(diagnostics_); }

 private:
  static const char* article(NodeKind k) {
    switch (k) {
      case NodeKind::null: return "null";
      case NodeKind::boolean: return "a boolean";
      case NodeKind::number: return "a number";
      case NodeKind::string: return "a string";
      case NodeKind::array: return "an array";
      case NodeKind::object: return "an object";
    }
    return "a value";
  }

  bool fail(const Span& at, std::string message, const char* code = "TL066") {
    diagnostics_.push_back(make_error(code, std::move(message), at));
    return false;
  }

  // A block property: labels as nested object keys, then the body (an object, or an array of
  // objects for several blocks of the type). `at` is the key of the innermost label.
  bool blocks(const std::string& type, const Span& at, const Node& v, int left, std::vector<std::string>& labels, Ctx ctx,
              HclBody& out, bool in_array) {
    if (v.kind == NodeKind::array && !in_array) {
      for (const Node& item : v.items) {
        if (!blocks(type, at, item, left, labels, ctx, out, true)) return false;
      }
      return true;
    }
    if (v.kind != NodeKind::object) {
      return fail(v.span, "\"" + type + "\" in Terraform JSON is " + (left > 0 ? "an object whose keys are the block's labels" : "a block body (an object or an array of objects)") +
                              ", not " + article(v.kind));
    }
    if (left > 0) {
      for (const Member& m : v.members) {
        labels.push_back(m.key);
        const bool ok = blocks(type, m.key_span, m.value, left - 1, labels, ctx, out, false);
        labels.pop_back();
        if (!ok) return false;
      }
      return true;
    }
    HclBlock b;
    b.type = type;
    b.labels = labels;
    b.begin = at.offset;
    b.type_end = at.end_offset;
    b.end = v.span.end_offset;
    if (!body(v, ctx, b.body)) return false;
    out.blocks.push_back(std::move(b));
    return true;
  }

  bool expr(const Node& n, HclExprPtr& out) {
    out = std::make_unique<HclExpr>();
    out->begin = n.span.offset;
    out->end = n.span.end_offset;
    switch (n.kind) {
      case NodeKind::null:
      case NodeKind::boolean:
      case NodeKind::number:
        out->kind = HclExprKind::literal;
        out->value = n;
        return true;
      case NodeKind::string: return templated(n.span, out);
      case NodeKind::array:
        out->kind = HclExprKind::tuple;
        for (const Node& item : n.items) {
          out->items.emplace_back();
          if (!expr(item, out->items.back())) return false;
        }
        return true;
      case NodeKind::object:
        out->kind = HclExprKind::object;
        for (const Member& m : n.members) {
          out->items.emplace_back(std::make_unique<HclExpr>());
          out->items.back()->begin = m.key_span.offset;
          out->items.back()->end = m.key_span.end_offset;
          if (!templated(m.key_span, out->items.back())) return false;
          out->items.emplace_back();
          if (!expr(m.value, out->items.back())) return false;
        }
        return true;
    }
    return false;
  }

  // The string literal at `at` (quotes included) as an HCL template, located in the file.
  bool templated(const Span& at, HclExprPtr& out) {
    out->kind = HclExprKind::template_;
    MappedText text = decode_json_literal(file_.text(), at.offset);
    const bool plain = text.text.find("${") == std::string::npos && text.text.find("%{") == std::string::npos;
    if (plain) {
      if (!text.text.empty()) {
        HclTemplatePart part;
        part.begin = text.origin.front();
        part.end = text.origin.back();
        part.literal.text = text.text;
        remap(part.literal, text, [](std::size_t i) { return i; });
        out->parts.push_back(std::move(part));
      }
    } else {
      const SourceFile inner(file_.name(), text.text);
      Result<std::vector<HclTemplatePart>> parts = read_hcl_template(inner, limits_);
      if (!parts.has_value()) {
        for (Diagnostic& d : parts.take_diagnostics()) {
          if (d.span.known()) d.span = file_.span(at_(text, d.span.offset), std::max(at_(text, d.span.offset), at_(text, d.span.end_offset)));
          else d.span.file = file_.name();
          diagnostics_.push_back(std::move(d));
        }
        return false;
      }
      out->parts = std::move(parts).value();
      for (HclTemplatePart& p : out->parts) remap(p, text);
    }
    strings_.emplace_back(at.offset, std::move(text));
    return true;
  }

  static std::size_t at_(const MappedText& t, std::size_t decoded) { return t.origin[std::min(decoded, t.text.size())]; }

  template <class Old>
  static void remap(HclLiteral& lit, const MappedText& t, Old old) {
    std::vector<std::pair<std::size_t, std::size_t>> breaks;
    std::size_t prev = 0;
    for (std::size_t i = 0; i < lit.text.size(); ++i) {
      const std::size_t o = at_(t, old(i));
      if (i == 0 || o != prev + 1) breaks.emplace_back(i, o);
      prev = o;
    }
    lit.breaks = std::move(breaks);
  }

  void remap(HclTemplatePart& p, const MappedText& t) {
    p.begin = at_(t, p.begin);
    p.end = at_(t, p.end);
    if (p.kind == HclTemplatePart::Kind::literal) {
      const HclLiteral old = p.literal;
      remap(p.literal, t, [&old](std::size_t i) { return old.origin_of(i); });
    }
    if (p.expr) remap(*p.expr, t);
    for (HclTemplatePart& q : p.body) remap(q, t);
    for (HclTemplatePart& q : p.else_body) remap(q, t);
  }

  void remap(HclExpr& e, const MappedText& t) {
    e.begin = at_(t, e.begin);
    e.end = std::max(e.begin, at_(t, e.end));
    if (e.kind == HclExprKind::literal) {
      e.value.span = file_.span(e.begin, e.end);
    }
    for (HclExprPtr& i : e.items) {
      if (i) remap(*i, t);
    }
    for (HclTemplatePart& p : e.parts) remap(p, t);
  }

  const SourceFile& file_;
  const Limits& limits_;
  TfJsonStrings& strings_;
  Diagnostics diagnostics_;
};

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_tf_json_name(const std::string& name) { return ends_with(name, ".tf.json") || ends_with(name, ".tfvars.json"); }

Result<HclBody> read_tf_json(const SourceFile& file, const Limits& limits, bool attributes_only, TfJsonStrings& strings) {
  // A string here is an expression (source code, as an HCL heredoc is), not a value: the policy
  // values built from it are checked against limits.max_string_length later.
  Limits json = limits;
  json.max_string_length = std::max(limits.max_string_length, limits.max_bytes);
  Result<Node> tree = read_tree(file, InputFormat::json, json);
  if (!tree.has_value() || has_errors(tree.diagnostics())) return Result<HclBody>::failure(tree.take_diagnostics());
  Converter convert(file, limits, strings);
  HclBody body;
  if (tree.value().kind != NodeKind::object) {
    return Result<HclBody>::failure(make_error("TL066", "a Terraform JSON file is one JSON object (of blocks and attributes)", tree.value().span));
  }
  if (!convert.body(tree.value(), attributes_only ? Ctx::attributes : Ctx::root, body)) return Result<HclBody>::failure(convert.take());
  return Result<HclBody>(std::move(body), tree.take_diagnostics());
}

std::string tf_json_text(const SourceFile& file, const TfJsonStrings& strings, std::size_t begin, std::size_t end) {
  const auto it = std::upper_bound(strings.begin(), strings.end(), begin,
                                   [](std::size_t at, const std::pair<std::size_t, MappedText>& s) { return at < s.first; });
  if (it != strings.begin()) {
    const MappedText& t = std::prev(it)->second;
    if (begin <= t.origin.back() && end <= t.origin.back() + 1) {
      std::string out;
      for (std::size_t i = 0; i < t.text.size(); ++i) {
        if (t.origin[i] >= begin && t.origin[i] < end) out += t.text[i];
      }
      return out;
    }
  }
  return file.text().substr(begin, end - begin);
}

}  // namespace trustlint::internal
