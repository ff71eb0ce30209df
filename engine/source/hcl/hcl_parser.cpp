// HclParser bodies and expressions (hcl_parser.h), after HashiCorp's HCL native syntax
// specification: attributes end at a newline, blocks have labels and a braced body, expressions
// have six binary precedence levels under the conditional, postfix attribute/index/splat
// operators, tuple and object constructors and `for` expressions.
#include "source/hcl/hcl_parser.h"

#include "source/diagnostic_sink.h"
#include "source/utf8.h"

namespace trustlint::internal {

namespace {

bool is_id_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}
bool is_id_continue(char c) { return is_id_start(c) || (c >= '0' && c <= '9') || c == '-'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Binary operators by precedence level, lowest first (the specification's table).
const std::vector<std::vector<std::string_view>>& operators() {
  static const std::vector<std::vector<std::string_view>> ops{
      {"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}};
  return ops;
}

}  // namespace

std::size_t HclLiteral::origin_of(std::size_t i) const {
  std::size_t at = 0;
  std::size_t lo = 0, hi = breaks.size();
  while (lo < hi) {  // last break with index <= i
    const std::size_t mid = (lo + hi) / 2;
    if (breaks[mid].first <= i) {
      at = mid;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return breaks.empty() ? 0 : breaks[at].second + (i - breaks[at].first);
}

const HclAttribute* HclBody::attribute(const std::string& name) const {
  for (const HclAttribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

HclParser::Depth::Depth(HclParser& parser) : p(parser), ok(true) {
  if (++p.depth_ > p.limits_.max_depth) {
    ok = p.fail(p.pos_, "HCL is nested deeper than the limit of " + std::to_string(p.limits_.max_depth) + " levels",
                "TL007");
  }
}

Diagnostics HclParser::take_diagnostics() { return std::move(diagnostics_); }

bool HclParser::fail(std::size_t at, std::string message, const char* code) {
  if (diagnostics_.empty()) diagnostics_.push_back(make_error(code, std::move(message), file_.point(std::min(at, t_.size()))));
  return false;
}

std::string HclParser::found_here() const {
  if (at_end()) return "end of input";
  if (at_newline()) return "end of line";
  return quote(t_.substr(pos_, decode_utf8(t_, pos_).length));
}

void HclParser::skip_space() {
  while (!at_end()) {
    const char c = t_[pos_];
    if (c == ' ' || c == '\t') {
      ++pos_;
    } else if (c == '\r' && peek(1) == '\n' && !newlines_) {
      pos_ += 2;
    } else if (c == '\n' && !newlines_) {
      ++pos_;
    } else if (c == '#' || (c == '/' && peek(1) == '/')) {
      while (!at_end() && t_[pos_] != '\n') ++pos_;
    } else if (c == '/' && peek(1) == '*') {
      const std::size_t close = t_.find("*/", pos_ + 2);
      if (close == std::string_view::npos || close + 2 > end_) {
        fail(pos_, "unterminated comment: no \"*/\" closes it");
        pos_ = end_;
        return;
      }
      pos_ = close + 2;
    } else {
      return;
    }
  }
}

void HclParser::skip_space_and_newlines() {
  NewlineScope s(*this, false);
  skip_space();
}

bool HclParser::at_identifier() const { return !at_end() && is_id_start(t_[pos_]); }

std::string HclParser::read_identifier() {
  const std::size_t begin = pos_;
  while (!at_end() && is_id_continue(t_[pos_])) ++pos_;
  return std::string(t_.substr(begin, pos_ - begin));
}

bool HclParser::keyword_ahead(std::string_view word) const {
  return t_.substr(pos_, word.size()) == word && !(pos_ + word.size() < end_ && is_id_continue(t_[pos_ + word.size()]));
}

HclExprPtr HclParser::make(HclExprKind kind, std::size_t begin) {
  auto e = std::make_unique<HclExpr>();
  e->kind = kind;
  e->begin = begin;
  e->end = pos_;
  ++nodes_;
  return e;
}

// ---- bodies ----

bool HclParser::parse_file(HclBody& body) {
  Diagnostics bad = check_utf8(file_);
  if (!bad.empty()) {
    diagnostics_ = std::move(bad);
    return false;
  }
  return parse_body(body, true) && diagnostics_.empty();
}

bool HclParser::parse_body(HclBody& body, bool top) {
  NewlineScope s(*this, true);
  while (true) {
    skip_space_and_newlines();
    if (!diagnostics_.empty()) return false;
    if (at_end()) return top ? true : fail(pos_, "unexpected end of input: a block is not closed with '}'");
    if (peek() == '}') return top ? fail(pos_, "unexpected '}': no block is open") : true;
    if (!at_identifier()) return fail(pos_, "unexpected " + found_here() + ", expected an attribute name or a block type");
    const std::size_t begin = pos_;
    std::string name = read_identifier();
    const std::size_t name_end = pos_;
    skip_space();
    if (peek() == '=' && peek(1) != '=') {
      ++pos_;
      if (body.attribute(name) != nullptr) return fail(begin, "attribute " + quote(name) + " is defined twice in this body");
      HclAttribute a{std::move(name), begin, name_end, nullptr};
      if (!parse_expr(a.expr)) return false;
      body.attributes.push_back(std::move(a));
      if (!end_of_item(top)) return false;
      continue;
    }
    if (!parse_block(body, std::move(name), begin) || !end_of_item(top)) return false;
  }
}

bool HclParser::end_of_item(bool top) {
  skip_space();
  if (at_end() || at_newline()) return true;
  if (!top && peek() == '}') return true;
  return fail(pos_, "unexpected " + found_here() + ", expected a newline after the attribute or block");
}

bool HclParser::parse_block(HclBody& body, std::string type, std::size_t begin) {
  HclBlock block;
  block.type = std::move(type);
  block.begin = begin;
  block.type_end = pos_;
  while (true) {
    skip_space();
    if (peek() == '{') break;
    if (peek() == '"') {
      HclExprPtr label;
      if (!parse_quoted(label)) return false;
      if (label->parts.size() > 1 || (label->parts.size() == 1 && label->parts[0].kind != HclTemplatePart::Kind::literal)) {
        return fail(label->begin, "a block label is a plain string: no ${...} or %{...} in it");
      }
      block.labels.push_back(label->parts.empty() ? std::string() : label->parts[0].literal.text);
    } else if (at_identifier()) {
      block.labels.push_back(read_identifier());
    } else if (peek() == '=') {
      return fail(pos_, "unexpected '=' after the block labels");
    } else {
      return fail(pos_, "unexpected " + found_here() + ", expected '=' for an attribute or '{' for a block");
    }
  }
  ++pos_;
  Depth d(*this);
  if (!d.ok || !parse_body(block.body, false)) return false;
  ++pos_;  // '}'
  block.end = pos_;
  body.blocks.push_back(std::move(block));
  return true;
}

// ---- expressions ----

bool HclParser::parse_expr(HclExprPtr& out) {
  Depth d(*this);
  if (!d.ok) return false;
  skip_space();
  const std::size_t begin = pos_;
  if (!parse_binary(out, 0)) return false;
  skip_space();
  if (peek() != '?') return true;
  ++pos_;
  auto e = make(HclExprKind::conditional, begin);
  e->items.push_back(std::move(out));
  e->items.emplace_back();
  e->items.emplace_back();
  if (!parse_expr(e->items[1])) return false;
  skip_space();
  if (peek() != ':') return fail(pos_, "unexpected " + found_here() + ", expected ':' of the conditional");
  ++pos_;
  if (!parse_expr(e->items[2])) return false;
  e->end = pos_;
  out = std::move(e);
  return true;
}

bool HclParser::parse_binary(HclExprPtr& out, int level) {
  if (level == static_cast<int>(operators().size())) return parse_unary(out);
  const std::size_t begin = pos_;
  if (!parse_binary(out, level + 1)) return false;
  while (true) {
    skip_space();
    std::string_view op;
    for (std::string_view candidate : operators()[static_cast<std::size_t>(level)]) {
      if (t_.substr(pos_, candidate.size()) == candidate) {
        op = candidate;
        break;
      }
    }
    // `=>` of a for expression, `<<` of a heredoc never start an operator here.
    if (op.empty() || (op == "<" && peek(1) == '<')) return true;
    pos_ += op.size();
    auto e = make(HclExprKind::binary, begin);
    e->name = std::string(op);
    e->items.push_back(std::move(out));
    e->items.emplace_back();
    skip_space();
    if (!parse_binary(e->items[1], level + 1)) return false;
    e->end = pos_;
    out = std::move(e);
  }
}

bool HclParser::parse_unary(HclExprPtr& out) {
  skip_space();
  if (peek() == '-' || (peek() == '!' && peek(1) != '=')) {
    Depth d(*this);
    if (!d.ok) return false;
    const std::size_t begin = pos_;
    auto e = make(HclExprKind::unary, begin);
    e->name = std::string(1, t_[pos_++]);
    e->items.emplace_back();
    if (!parse_unary(e->items[0])) return false;
    e->end = pos_;
    out = std::move(e);
    return true;
  }
  return parse_term(out) && parse_postfix(out);
}

bool HclParser::parse_postfix(HclExprPtr& out) {
  while (true) {
    const std::size_t save = pos_;
    skip_space();
    const std::size_t begin = out->begin;
    if (peek() == '.' && peek(1) == '.') {  // the `...` of an expanded argument or grouping
      pos_ = save;
      return true;
    }
    if (peek() == '.' && !is_digit(peek(1)) && peek(1) != '*' && !is_id_start(peek(1))) return fail(pos_ + 1, "expected an attribute name after '.'");
    if (peek() == '.') {
      ++pos_;
      HclExprPtr e;
      if (peek() == '*') {
        ++pos_;
        e = make(HclExprKind::splat, begin);
      } else if (is_digit(peek())) {
        const std::size_t digits = pos_;
        while (is_digit(peek())) ++pos_;
        e = make(HclExprKind::index, begin);
        auto key = make(HclExprKind::literal, digits);
        key->value.kind = NodeKind::number;
        key->value.text = std::string(t_.substr(digits, pos_ - digits));
        e->items.push_back(std::move(out));
        e->items.push_back(std::move(key));
        out = std::move(e);
        continue;
      } else {
        e = make(HclExprKind::get_attr, begin);
        e->name = read_identifier();
      }
      e->end = pos_;
      e->items.insert(e->items.begin(), std::move(out));
      out = std::move(e);
      continue;
    }
    if (peek() != '[') {
      pos_ = save;
      return true;
    }
    ++pos_;
    NewlineScope s(*this, false);
    skip_space();
    HclExprPtr e;
    if (peek() == '*') {
      ++pos_;
      e = make(HclExprKind::splat, begin);
      e->items.push_back(std::move(out));
    } else {
      e = make(HclExprKind::index, begin);
      e->items.push_back(std::move(out));
      e->items.emplace_back();
      if (!parse_expr(e->items[1])) return false;
    }
    skip_space();
    if (peek() != ']') return fail(pos_, "unexpected " + found_here() + ", expected ']'");
    ++pos_;
    e->end = pos_;
    out = std::move(e);
  }
}

bool HclParser::parse_term(HclExprPtr& out) {
  if (nodes_ >= limits_.max_nodes) {
    return fail(pos_, "HCL has more than the limit of " + group_thousands(limits_.max_nodes) + " expressions", "TL008");
  }
  const char c = peek();
  if (is_digit(c)) return parse_number(out);
  if (c == '"') return parse_quoted(out);
  if (c == '<' && peek(1) == '<') return parse_heredoc(out);
  if (c == '[') return parse_tuple(out);
  if (c == '{') return parse_object(out);
  if (c == '(') {
    const std::size_t begin = pos_++;
    NewlineScope s(*this, false);
    auto e = make(HclExprKind::parens, begin);
    e->items.emplace_back();
    if (!parse_expr(e->items[0])) return false;
    skip_space();
    if (peek() != ')') return fail(pos_, "unexpected " + found_here() + ", expected ')'");
    ++pos_;
    e->end = pos_;
    out = std::move(e);
    return true;
  }
  if (at_identifier()) return parse_name_term(out);
  if (c == '\'') return fail(pos_, "unexpected \"'\": HCL strings use double quotes");
  return fail(pos_, "unexpected " + found_here() + ", expected an expression");
}

bool HclParser::parse_number(HclExprPtr& out) {
  const std::size_t begin = pos_;
  while (is_digit(peek())) ++pos_;
  if (peek() == '.' && is_digit(peek(1))) {
    ++pos_;
    while (is_digit(peek())) ++pos_;
  }
  if ((peek() == 'e' || peek() == 'E') && (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
    pos_ += 2;
    while (is_digit(peek())) ++pos_;
  }
  out = make(HclExprKind::literal, begin);
  out->value.kind = NodeKind::number;
  out->value.text = std::string(t_.substr(begin, pos_ - begin));
  return true;
}

bool HclParser::parse_name_term(HclExprPtr& out) {
  const std::size_t begin = pos_;
  std::string name = read_identifier();
  while (peek() == ':' && peek(1) == ':' && pos_ + 2 < end_ && is_id_start(t_[pos_ + 2])) {  // provider::ns::fn
    pos_ += 2;
    name += "::" + read_identifier();
  }
  if (name == "true" || name == "false" || name == "null") {
    out = make(HclExprKind::literal, begin);
    out->value.kind = name == "null" ? NodeKind::null : NodeKind::boolean;
    out->value.text = name == "null" ? "" : name;
    return true;
  }
  if (peek() == '(') {
    out = make(HclExprKind::call, begin);
    out->name = std::move(name);
    return parse_call_args(*out);
  }
  out = make(HclExprKind::variable, begin);
  out->name = std::move(name);
  return true;
}

bool HclParser::parse_call_args(HclExpr& call) {
  ++pos_;  // '('
  NewlineScope s(*this, false);
  while (true) {
    skip_space();
    if (peek() == ')') break;
    call.items.emplace_back();
    if (!parse_expr(call.items.back())) return false;
    skip_space();
    if (peek() == '.' && peek(1) == '.' && peek(2) == '.') {
      pos_ += 3;
      call.expand = true;
      skip_space();
      if (peek() != ')') return fail(pos_, "unexpected " + found_here() + ", expected ')' after '...'");
      break;
    }
    if (peek() == ',') {
      ++pos_;
      continue;
    }
    if (peek() != ')') return fail(pos_, "unexpected " + found_here() + ", expected ',' or ')' in the arguments of " + call.name + "()");
  }
  ++pos_;
  call.end = pos_;
  return true;
}

bool HclParser::parse_tuple(HclExprPtr& out) {
  const std::size_t begin = pos_++;
  NewlineScope s(*this, false);
  skip_space();
  if (keyword_ahead("for")) return parse_for(out, begin, ']');
  out = make(HclExprKind::tuple, begin);
  while (true) {
    skip_space();
    if (peek() == ']') break;
    out->items.emplace_back();
    if (!parse_expr(out->items.back())) return false;
    skip_space();
    if (peek() == ',') {
      ++pos_;
      continue;
    }
    if (peek() != ']') return fail(pos_, "unexpected " + found_here() + ", expected ',' or ']' in the list");
  }
  ++pos_;
  out->end = pos_;
  return true;
}

bool HclParser::parse_object(HclExprPtr& out) {
  const std::size_t begin = pos_++;
  NewlineScope s(*this, true);
  skip_space_and_newlines();
  if (keyword_ahead("for")) {
    NewlineScope inner(*this, false);
    return parse_for(out, begin, '}');
  }
  out = make(HclExprKind::object, begin);
  while (true) {
    skip_space_and_newlines();
    if (!diagnostics_.empty()) return false;
    if (peek() == '}') break;
    HclExprPtr key, value;
    if (!parse_expr(key)) return false;
    skip_space();
    if (peek() != '=' && peek() != ':') return fail(pos_, "unexpected " + found_here() + ", expected '=' or ':' after the object key");
    ++pos_;
    if (!parse_expr(value)) return false;
    out->items.push_back(std::move(key));
    out->items.push_back(std::move(value));
    skip_space();
    if (peek() == ',') {
      ++pos_;
      continue;
    }
    if (at_newline() || peek() == '}') continue;
    return fail(pos_, "unexpected " + found_here() + ", expected ',', a newline or '}' after the object item");
  }
  ++pos_;
  out->end = pos_;
  return true;
}

bool HclParser::parse_for(HclExprPtr& out, std::size_t begin, char close) {
  out = make(close == ']' ? HclExprKind::for_tuple : HclExprKind::for_object, begin);
  pos_ += 3;
  skip_space();
  if (!at_identifier()) return fail(pos_, "expected a variable name after 'for'");
  out->value_var = read_identifier();
  skip_space();
  if (peek() == ',') {
    ++pos_;
    skip_space();
    if (!at_identifier()) return fail(pos_, "expected a second variable name after ','");
    out->key_var = std::move(out->value_var);
    out->value_var = read_identifier();
    skip_space();
  }
  if (!keyword_ahead("in")) return fail(pos_, "unexpected " + found_here() + ", expected 'in'");
  pos_ += 2;
  out->items.resize(close == ']' ? 3 : 4);
  if (!parse_expr(out->items[0])) return false;
  skip_space();
  if (peek() != ':') return fail(pos_, "unexpected " + found_here() + ", expected ':' in the for expression");
  ++pos_;
  if (!parse_expr(out->items[1])) return false;
  skip_space();
  if (close == '}') {
    if (peek() != '=' || peek(1) != '>') return fail(pos_, "unexpected " + found_here() + ", expected '=>' in the for expression");
    pos_ += 2;
    if (!parse_expr(out->items[2])) return false;
    skip_space();
    if (peek() == '.' && peek(1) == '.' && peek(2) == '.') {
      pos_ += 3;
      out->expand = true;
      skip_space();
    }
  }
  if (keyword_ahead("if")) {
    pos_ += 2;
    if (!parse_expr(out->items.back())) return false;
    skip_space();
  }
  if (peek() != close) return fail(pos_, "unexpected " + found_here() + ", expected '" + std::string(1, close) + "'");
  ++pos_;
  out->end = pos_;
  return true;
}

Result<HclBody> read_hcl(const SourceFile& file, const Limits& limits) {
  HclParser parser(file, limits);
  HclBody body;
  if (!parser.parse_file(body)) return Result<HclBody>::failure(parser.take_diagnostics());
  return Result<HclBody>(std::move(body), parser.take_diagnostics());
}

Result<std::vector<HclTemplatePart>> read_hcl_template(const SourceFile& file, const Limits& limits) {
  HclParser parser(file, limits);
  std::vector<HclTemplatePart> parts;
  if (!parser.parse_template_file(parts)) return Result<std::vector<HclTemplatePart>>::failure(parser.take_diagnostics());
  return Result<std::vector<HclTemplatePart>>(std::move(parts), parser.take_diagnostics());
}

}  // namespace trustlint::internal
