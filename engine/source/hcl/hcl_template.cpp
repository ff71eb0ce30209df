// HclParser templates (hcl_parser.h): quoted strings with escapes, heredocs (<<EOF and the
// indentation-stripping <<-EOF), templatefile() files; `${...}` interpolations and `%{if}`/
// `%{for}` directives with `~` strip markers, `$${` and `%%{` escapes. Each literal byte keeps
// the file offset it came from.
#include "source/diagnostic_sink.h"
#include "source/hcl/hcl_parser.h"
#include "source/utf8.h"

namespace trustlint::internal {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void add(HclLiteral& l, std::string_view bytes, std::size_t from) {
  if (bytes.empty()) return;
  if (l.breaks.empty() || l.breaks.back().second + (l.text.size() - l.breaks.back().first) != from) {
    l.breaks.emplace_back(l.text.size(), from);
  }
  l.text.append(bytes);
}

// Removes trailing white space (a `${~` after it).
void trim_right(HclLiteral& l) {
  std::size_t n = l.text.size();
  while (n > 0 && is_space(l.text[n - 1])) --n;
  l.text.resize(n);
  while (!l.breaks.empty() && l.breaks.back().first >= n && n > 0) l.breaks.pop_back();
  if (n == 0) l.breaks.clear();
}

HclLiteral& literal_part(std::vector<HclTemplatePart>& parts, std::size_t at) {
  if (parts.empty() || parts.back().kind != HclTemplatePart::Kind::literal) {
    parts.emplace_back();
    parts.back().begin = at;
  }
  return parts.back().literal;
}

}  // namespace

bool HclParser::parse_quoted(HclExprPtr& out) {
  const std::size_t begin = pos_++;
  out = make(HclExprKind::template_, begin);
  Stop stop = Stop::end;
  if (!parse_parts(out->parts, Mode::quoted, stop)) return false;
  if (stop != Stop::end) return fail(pos_, "%{else}, %{endif} or %{endfor} without the %{if} or %{for} it closes");
  if (at_end()) return fail(begin, "unterminated string: no '\"' closes it");
  ++pos_;
  out->end = pos_;
  return true;
}

bool HclParser::parse_heredoc(HclExprPtr& out) {
  const std::size_t begin = pos_;
  pos_ += 2;
  const bool flush = peek() == '-';
  if (flush) ++pos_;
  if (!at_identifier()) return fail(pos_, "expected the heredoc's marker (such as EOF) after '<<'");
  const std::string marker = read_identifier();
  if (peek() == '\r') ++pos_;
  if (peek() != '\n') return fail(pos_, "unexpected " + found_here() + ", expected a newline after <<" + marker);
  ++pos_;
  const std::size_t content = pos_;
  std::size_t marker_line = std::string_view::npos, close = 0, indent = std::string_view::npos;
  for (std::size_t p = content; p <= end_;) {
    std::size_t line_end = t_.find('\n', p);
    if (line_end == std::string_view::npos || line_end > end_) line_end = end_;
    std::size_t q = p;
    while (q < line_end && (t_[q] == ' ' || t_[q] == '\t')) ++q;
    std::size_t r = line_end;
    if (r > q && t_[r - 1] == '\r') --r;
    if (t_.substr(q, r - q) == marker) {
      marker_line = p;
      close = q + marker.size();
      break;
    }
    if (q < r) indent = std::min(indent, q - p);
    if (line_end == end_) break;
    p = line_end + 1;
  }
  if (marker_line == std::string_view::npos) return fail(begin, "unterminated heredoc: no line " + quote(marker) + " closes it");
  out = make(HclExprKind::template_, begin);
  out->heredoc = true;
  const std::size_t saved_end = end_;
  end_ = marker_line;
  pos_ = content;
  heredoc_indent_ = flush && indent != std::string_view::npos ? indent : 0;
  Stop stop = Stop::end;
  const bool ok = parse_parts(out->parts, Mode::heredoc, stop);
  end_ = saved_end;
  heredoc_indent_ = 0;
  if (!ok) return false;
  if (stop != Stop::end) return fail(pos_, "%{else}, %{endif} or %{endfor} without the %{if} or %{for} it closes");
  pos_ = close;
  out->end = pos_;
  return true;
}

bool HclParser::parse_template_file(std::vector<HclTemplatePart>& parts) {
  Diagnostics bad = check_utf8(file_);
  if (!bad.empty()) {
    diagnostics_ = std::move(bad);
    return false;
  }
  Stop stop = Stop::end;
  if (!parse_parts(parts, Mode::file, stop)) return false;
  if (stop != Stop::end) return fail(pos_, "%{else}, %{endif} or %{endfor} without the %{if} or %{for} it closes");
  return true;
}

bool HclParser::parse_parts(std::vector<HclTemplatePart>& parts, Mode mode, Stop& stop) {
  bool line_start = mode == Mode::heredoc && heredoc_indent_ > 0 && (pos_ == 0 || t_[pos_ - 1] == '\n');
  bool strip = strip_pending_;
  strip_pending_ = false;
  stop = Stop::end;
  while (!at_end()) {
    const char c = t_[pos_];
    if (mode == Mode::quoted && c == '"') return true;
    if (mode == Mode::quoted && (c == '\n' || c == '\r')) {
      return fail(pos_, "a quoted string ends at the end of its line: close it with '\"', or use a heredoc (<<EOF)");
    }
    if (line_start) {
      for (std::size_t n = 0; n < heredoc_indent_ && (peek() == ' ' || peek() == '\t'); ++n) ++pos_;
      line_start = false;
      continue;
    }
    if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {  // $${ and %%{ are literal
      add(literal_part(parts, pos_), t_.substr(pos_ + 1, 2), pos_ + 1);
      pos_ += 3;
      strip = false;
      continue;
    }
    if ((c == '$' || c == '%') && peek(1) == '{') {
      const std::size_t begin = pos_;
      pos_ += 2;
      if (peek() == '~' && !parts.empty() && parts.back().kind == HclTemplatePart::Kind::literal) trim_right(parts.back().literal);
      if (peek() == '~') ++pos_;
      bool strip_after = false;
      if (c == '$') {
        NewlineScope s(*this, false);
        parts.emplace_back();
        HclTemplatePart& part = parts.back();
        part.kind = HclTemplatePart::Kind::interpolation;
        part.begin = begin;
        if (!parse_expr(part.expr) || !close_directive(strip_after)) return false;
        part.end = pos_;
      } else {
        if (!parse_directive(parts, mode, stop) || !close_directive(strip_after)) return false;
        if (stop != Stop::end) {  // a closing directive: the caller's body ends here
          strip_pending_ = strip_after;
          return true;
        }
        strip_pending_ = strip_after;
        if (!parse_directive_body(parts.back(), mode)) return false;
        strip_after = strip_pending_;
        strip_pending_ = false;
      }
      strip = strip_after;
      continue;
    }
    if (strip && is_space(c)) {
      ++pos_;
      continue;
    }
    strip = false;
    if (mode == Mode::quoted && c == '\\') {
      if (!parse_escape(literal_part(parts, pos_))) return false;
      continue;
    }
    if (c == '\n') {
      add(literal_part(parts, pos_), "\n", pos_);
      ++pos_;
      line_start = mode == Mode::heredoc && heredoc_indent_ > 0;
      continue;
    }
    // A run of ordinary bytes at once (a 10 MB template is one append).
    std::size_t run = pos_ + 1;
    while (run < end_) {
      const char d = t_[run];
      if (d == '$' || d == '%' || d == '"' || d == '\\' || d == '\n' || d == '\r') break;
      ++run;
    }
    add(literal_part(parts, pos_), t_.substr(pos_, run - pos_), pos_);
    pos_ = run;
  }
  return true;  // at the end: parse_quoted reports a missing quote
}

// `%{ if cond }`, `%{ for v in coll }` (their bodies are read by parse_directive_body), or a
// closing `%{ else }` / `%{ endif }` / `%{ endfor }`, which sets `stop`.
bool HclParser::parse_directive(std::vector<HclTemplatePart>& parts, Mode /*mode*/, Stop& stop) {
  NewlineScope s(*this, false);
  skip_space();
  const std::size_t at = pos_;
  if (!at_identifier()) return fail(pos_, "expected if, for, else, endif or endfor after '%{'");
  const std::string word = read_identifier();
  if (word == "else" || word == "endif" || word == "endfor") {
    stop = word == "else" ? Stop::else_ : word == "endif" ? Stop::endif : Stop::endfor;
    return true;
  }
  parts.emplace_back();
  HclTemplatePart& part = parts.back();
  part.begin = at;
  if (word == "if") {
    part.kind = HclTemplatePart::Kind::if_directive;
    return parse_expr(part.expr);
  }
  if (word != "for") return fail(at, "unknown template directive " + quote(word) + ": HCL has if, else, endif, for and endfor");
  part.kind = HclTemplatePart::Kind::for_directive;
  skip_space();
  if (!at_identifier()) return fail(pos_, "expected a variable name after 'for'");
  part.value_var = read_identifier();
  skip_space();
  if (peek() == ',') {
    ++pos_;
    skip_space();
    if (!at_identifier()) return fail(pos_, "expected a second variable name after ','");
    part.key_var = std::move(part.value_var);
    part.value_var = read_identifier();
    skip_space();
  }
  if (!keyword_ahead("in")) return fail(pos_, "unexpected " + found_here() + ", expected 'in'");
  pos_ += 2;
  return parse_expr(part.expr);
}

bool HclParser::parse_directive_body(HclTemplatePart& part, Mode mode) {
  Depth d(*this);
  if (!d.ok) return false;
  const bool is_if = part.kind == HclTemplatePart::Kind::if_directive;
  Stop stop = Stop::end;
  if (!parse_parts(part.body, mode, stop)) return false;
  if (is_if && stop == Stop::else_ && !parse_parts(part.else_body, mode, stop)) return false;
  const Stop wanted = is_if ? Stop::endif : Stop::endfor;
  if (stop != wanted) {
    return fail(part.begin, std::string("this %{") + (is_if ? "if" : "for") + "} has no %{" + (is_if ? "endif" : "endfor") + "}");
  }
  part.end = pos_;
  return true;
}

bool HclParser::close_directive(bool& strip_after) {
  NewlineScope s(*this, false);
  skip_space();
  strip_after = peek() == '~';
  if (strip_after) ++pos_;
  if (peek() != '}') return fail(pos_, "unexpected " + found_here() + ", expected '}' to close the template sequence");
  ++pos_;
  return true;
}

bool HclParser::parse_escape(HclLiteral& lit) {
  const std::size_t at = pos_;
  const char e = peek(1);
  const char* simple = e == 'n' ? "\n" : e == 'r' ? "\r" : e == 't' ? "\t" : e == '"' ? "\"" : e == '\\' ? "\\" : nullptr;
  if (simple != nullptr) {
    add(lit, simple, at);
    pos_ += 2;
    return true;
  }
  if (e != 'u' && e != 'U') return fail(at, "unknown escape sequence \\" + std::string(e == '\0' ? "" : std::string(1, e)) + ": HCL has \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN");
  const std::size_t digits = e == 'u' ? 4 : 8;
  char32_t cp = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char h = peek(2 + i);
    const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
    if (v < 0) return fail(at, "\\" + std::string(1, e) + " takes " + std::to_string(digits) + " hexadecimal digits");
    cp = cp * 16 + static_cast<char32_t>(v);
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail(at, "the escape names no Unicode scalar value");
  std::string bytes;
  append_utf8(bytes, cp);
  for (char b : bytes) add(lit, std::string_view(&b, 1), at);
  pos_ += 2 + digits;
  return true;
}

}  // namespace trustlint::internal
