// read_json: our own located JSON parser (RFC 8259, strict). nlohmann gives no locations, so
// this parser keeps a Span for every value and key; json_scan.cpp scans the scalar tokens.
// It is iterative (an explicit stack of open containers), so nesting depth costs heap, never
// C++ stack: 100,000 '[' end in TL007 at once.
// Syntax errors are fatal (TL004, located where the parser stopped); duplicate keys (TL006) and
// long strings (TL009) are reported and parsing goes on. Read as an outline (read_json_outline)
// it checks and reports the same but keeps only the top levels of the tree.
#include <limits>
#include <optional>
#include <unordered_map>

#include "source/diagnostic_sink.h"
#include "source/json_scan.h"
#include "source/read_tree.h"
#include "source/utf8.h"

namespace trustlint::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Frame {
  Node node;               // the array or object being built
  std::size_t open = 0;    // offset of its '[' or '{'
  std::size_t comma = 0;   // offset of its last ','
  std::string key;         // objects: key of the member whose value comes next
  Span key_span;
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> seen;  // objects: first occurrence of each key
};

class JsonParser {
 public:
  JsonParser(const SourceFile& file, const Limits& limits)
      : file_(file), text_(file.text()), limits_(limits), sink_(limits.max_errors) {}
  // Values deeper than `depth` are checked and dropped; those at `depth` keep their kind and
  // offsets only (no line, text or children).
  void outline(std::size_t depth) { keep_depth_ = depth; }
  // Only the value at [begin, end).
  void range(std::size_t begin, std::size_t end) {
    text_ = text_.substr(0, end);
    pos_ = begin;
  }

  Result<Node> parse();

 private:
  enum class State { value, first_item, first_key, key, after_value, done };

  // Each step returns false after reporting a fatal error.
  bool parse_value(State& state);
  bool parse_key(State& state);
  bool parse_after_value(State& state);
  bool parse_string(std::string& out);
  bool parse_number(Node& out);
  bool parse_literal(Node& out);
  bool open_container(NodeKind kind, State& state);
  bool close_container(State& state);
  bool complete(Node node, State& state);
  bool count_node(std::size_t at);
  void check_length(const std::string& s, std::size_t begin);
  void skip_whitespace();
  bool at_end() const { return pos_ >= text_.size(); }
  bool fail(const char* code, std::size_t at, std::string message, std::string note = {});
  bool fail_end(const std::string& expected);
  std::string found_here() const;
  std::string open_note() const;

  const SourceFile& file_;
  std::string_view text_;
  const Limits& limits_;
  DiagnosticSink sink_;
  std::size_t pos_ = 0;
  std::size_t nodes_ = 0;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::size_t keep_depth_ = std::numeric_limits<std::size_t>::max();
  std::size_t released_ = 0;  // an outline of a mapped file: text before this may leave memory
  // The span of a value at depth stack_.size() ending at pos_: whole while kept, offsets only at
  // the outline's depth.
  Span value_span(std::size_t start) const {
    if (stack_.size() < keep_depth_) return file_.span(start, pos_);
    Span s;
    s.offset = start;
    s.end_offset = pos_;
    return s;
  }
};

Result<Node> JsonParser::parse() {
  skip_whitespace();
  State state = State::value;
  bool ok = true;
  if (at_end()) ok = fail("TL004", pos_, "empty input: expected a JSON value");
  while (ok && state != State::done) {
    switch (state) {
      case State::value:
      case State::first_item: ok = parse_value(state); break;
      case State::first_key:
      case State::key: ok = parse_key(state); break;
      case State::after_value: ok = parse_after_value(state); break;
      case State::done: break;
    }
  }
  if (ok) {
    skip_whitespace();
    if (!at_end()) ok = fail("TL004", pos_, "unexpected " + found_here() + " after the end of the JSON value");
  }
  Diagnostics diagnostics = std::move(sink_).finish(file_.name());
  if (!ok) return Result<Node>::failure(std::move(diagnostics));
  return Result<Node>(std::move(*root_), std::move(diagnostics));
}

bool JsonParser::parse_value(State& state) {
  skip_whitespace();
  if (at_end()) {
    if (state == State::first_item) return fail_end("a value or ']'");
    if (!stack_.empty() && stack_.back().node.kind == NodeKind::object) {
      return fail_end("a value for " + quote(stack_.back().key));
    }
    return fail_end("a value");
  }
  const char c = text_[pos_];
  if (c == ']' && state == State::first_item) return close_container(state);
  if (c == ']' && !stack_.empty() && stack_.back().node.kind == NodeKind::array) {
    return fail("TL004", stack_.back().comma, "trailing comma before ']' is not allowed in JSON");
  }
  if (c == '{') return open_container(NodeKind::object, state);
  if (c == '[') return open_container(NodeKind::array, state);
  Node node;
  const std::size_t start = pos_;
  if (c == '"') {
    node.kind = NodeKind::string;
    if (!parse_string(node.text)) return false;
    check_length(node.text, start);
  } else if (c == '-' || is_digit(c)) {
    if (!parse_number(node)) return false;
  } else if (is_letter(c)) {
    if (!parse_literal(node)) return false;
  } else {
    std::string expected = state == State::first_item ? "a value or ']'" : "a value";
    if (c == '\'') return fail("TL004", pos_, "unexpected \"'\": JSON strings use double quotes");
    if (c == '/') return fail("TL004", pos_, "unexpected '/': comments are not allowed in JSON");
    return fail("TL004", pos_, "unexpected " + found_here() + ", expected " + expected);
  }
  if (!count_node(start)) return false;
  if (stack_.size() >= keep_depth_) node.text.clear();
  if (stack_.size() <= keep_depth_) node.span = value_span(start);
  return complete(std::move(node), state);
}

bool JsonParser::parse_key(State& state) {
  skip_whitespace();
  const bool first = state == State::first_key;
  const std::string expected = first ? "a string key or '}'" : "a string key";
  if (at_end()) return fail_end(expected);
  const char c = text_[pos_];
  if (c == '}') {
    if (first) return close_container(state);
    return fail("TL004", stack_.back().comma, "trailing comma before '}' is not allowed in JSON");
  }
  if (c != '"') {
    if (c == '\'') return fail("TL004", pos_, "unexpected \"'\": JSON keys use double quotes");
    if (is_letter(c)) return fail("TL004", pos_, "unexpected " + found_here() + ": keys must be strings in double quotes");
    return fail("TL004", pos_, "unexpected " + found_here() + ", expected " + expected);
  }
  const std::size_t start = pos_;
  std::string key;
  if (!parse_string(key)) return false;
  check_length(key, start);
  Span key_span = stack_.size() <= keep_depth_ ? value_span(start) : Span{};
  Frame& top = stack_.back();
  auto [first_seen, inserted] = top.seen.emplace(key, std::pair{start, pos_});
  if (!inserted) {
    const Span first = file_.span(first_seen->second.first, first_seen->second.second);
    Diagnostic d = make_error("TL006",
                              "duplicate key " + quote(key) + " (first at line " + std::to_string(first.line) +
                                  ", column " + std::to_string(first.col) + ")",
                              file_.span(start, pos_));
    d.notes.push_back("what IAM does with a repeated JSON key is unverified (docs/semantics.md#document); remove one of them");
    sink_.add(std::move(d));
  }
  skip_whitespace();
  if (at_end()) return fail_end("':'");
  if (text_[pos_] != ':') return fail("TL004", pos_, "unexpected " + found_here() + ", expected ':' after the key");
  ++pos_;
  top.key = std::move(key);
  top.key_span = std::move(key_span);
  state = State::value;
  return true;
}

bool JsonParser::parse_after_value(State& state) {
  skip_whitespace();
  Frame& top = stack_.back();
  const bool array = top.node.kind == NodeKind::array;
  const std::string close = array ? "']'" : "'}'";
  if (at_end()) return fail_end("',' or " + close);
  const char c = text_[pos_];
  if (c == ',') {
    top.comma = pos_++;
    if (keep_depth_ != std::numeric_limits<std::size_t>::max() && pos_ - released_ > (std::size_t{1} << 22)) {
      released_ = pos_ - (std::size_t{1} << 20);
      file_.release_before(released_);
    }
    state = array ? State::value : State::key;
    return true;
  }
  if (c == (array ? ']' : '}')) return close_container(state);
  std::string message = "unexpected " + found_here() + ", expected ',' or " + close;
  if (c == '"' || c == '{' || c == '[') message += " (missing ','?)";
  return fail("TL004", pos_, std::move(message));
}

bool JsonParser::parse_string(std::string& out) {
  const std::size_t start = pos_;
  JsonScanError error;
  if (scan_json_string(text_, pos_, out, error)) return true;
  if (!error.inside_string) return fail("TL004", error.at, std::move(error.message));
  const Span s = file_.point(start);
  return fail("TL004", error.at, std::move(error.message),
              "the string starts at line " + std::to_string(s.line) + ", column " + std::to_string(s.col));
}

bool JsonParser::parse_number(Node& out) {
  const std::size_t start = pos_;
  JsonScanError error;
  if (!scan_json_number(text_, pos_, error)) {
    return fail("TL004", error.at, std::move(error.message), error.at == text_.size() ? open_note() : std::string());
  }
  out.kind = NodeKind::number;
  out.text = std::string(text_.substr(start, pos_ - start));  // the spelling, at any length
  return true;
}

bool JsonParser::parse_literal(Node& out) {
  const std::size_t start = pos_;
  std::size_t end = pos_;
  while (end < text_.size() && (is_letter(text_[end]) || is_digit(text_[end]) || text_[end] == '_')) ++end;
  const std::string_view word = text_.substr(start, end - start);
  for (const char* literal : {"true", "false", "null"}) {
    const std::string_view lit(literal);
    if (word == lit) {
      pos_ = end;
      out.kind = lit == "null" ? NodeKind::null : NodeKind::boolean;
      out.text = lit == "null" ? "" : std::string(lit);
      return true;
    }
    if (end == text_.size() && word.size() < lit.size() && lit.substr(0, word.size()) == word) {
      pos_ = end;
      return fail_end(std::string("'") + literal + "'");
    }
  }
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (lower == "true" || lower == "false" || lower == "null" || lower == "none") {
    return fail("TL004", start, "unexpected " + quote(word) + ": JSON's literals are true, false and null, in lower case");
  }
  return fail("TL004", start, "unexpected " + quote(word) + ": strings must be in double quotes");
}

bool JsonParser::open_container(NodeKind kind, State& state) {
  if (stack_.size() >= limits_.max_depth) {
    Diagnostic d = make_error("TL007", "nesting deeper than the limit of " + std::to_string(limits_.max_depth) + " levels",
                              file_.point(pos_));
    d.notes.push_back("a role trust policy needs 6 levels of arrays and objects");
    sink_.add(std::move(d));
    return false;
  }
  if (!count_node(pos_)) return false;
  Frame frame;
  frame.node.kind = kind;
  frame.open = pos_++;
  stack_.push_back(std::move(frame));
  state = kind == NodeKind::object ? State::first_key : State::first_item;
  return true;
}

bool JsonParser::close_container(State& state) {
  Frame frame = std::move(stack_.back());
  stack_.pop_back();
  ++pos_;
  if (stack_.size() <= keep_depth_) frame.node.span = value_span(frame.open);
  return complete(std::move(frame.node), state);
}

bool JsonParser::complete(Node node, State& state) {
  if (stack_.empty()) {
    root_ = std::move(node);
    state = State::done;
    return true;
  }
  Frame& top = stack_.back();
  state = State::after_value;
  if (stack_.size() > keep_depth_) return true;  // an outline drops it
  if (top.node.kind == NodeKind::array) {
    top.node.items.push_back(std::move(node));
  } else {
    top.node.members.push_back(Member{std::move(top.key), std::move(top.key_span), std::move(node)});
  }
  return true;
}

bool JsonParser::count_node(std::size_t at) {
  if (++nodes_ <= limits_.max_nodes) return true;
  return fail("TL008", at, "more than " + group_thousands(limits_.max_nodes) + " values in one input");
}

void JsonParser::check_length(const std::string& s, std::size_t begin) {
  if (s.size() <= limits_.max_string_length) return;  // bytes >= code points
  const std::size_t chars = count_code_points(s);
  if (chars <= limits_.max_string_length) return;
  sink_.error("TL009",
              "string of " + group_thousands(chars) + " characters is longer than the limit of " +
                  group_thousands(limits_.max_string_length),
              file_.span(begin, pos_));
}

void JsonParser::skip_whitespace() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    ++pos_;
  }
}

bool JsonParser::fail(const char* code, std::size_t at, std::string message, std::string note) {
  Diagnostic d = make_error(code, std::move(message), file_.point(at));
  if (!note.empty()) d.notes.push_back(std::move(note));
  sink_.add(std::move(d));
  return false;
}

bool JsonParser::fail_end(const std::string& expected) {
  return fail("TL004", text_.size(), "unexpected end of input, expected " + expected, open_note());
}

std::string JsonParser::found_here() const { return describe_json_char(text_, pos_); }

std::string JsonParser::open_note() const {
  if (stack_.empty()) return {};
  const Frame& top = stack_.back();
  const Span s = file_.point(top.open);
  return std::string("the ") + (top.node.kind == NodeKind::array ? "array" : "object") + " opened at line " +
         std::to_string(s.line) + ", column " + std::to_string(s.col) + " is not closed";
}

}  // namespace

Result<Node> read_json(const SourceFile& file, const Limits& limits) {
  JsonParser parser(file, limits);
  return parser.parse();
}

Result<Node> read_json_outline(const SourceFile& file, const Limits& limits, std::size_t depth) {
  JsonParser parser(file, limits);
  parser.outline(depth);
  return parser.parse();
}

Result<Node> read_json_range(const SourceFile& file, std::size_t begin, std::size_t end, const Limits& limits) {
  JsonParser parser(file, limits);
  parser.range(begin, end);
  return parser.parse();
}

}  // namespace trustlint::internal
