// JSON scalar scanners: strings (RFC 8259 docs/semantics.md#open-questions) and numbers (docs/semantics.md#misconfigurations).
#include "source/json_scan.h"

#include "source/utf8.h"

namespace trustlint::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr long kHexInvalid = -1;
constexpr long kHexTruncated = -2;  // the input ends before four hex digits, all present ones valid

long hex4(std::string_view text, std::size_t at) {
  long v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (at + i >= text.size()) return kHexTruncated;
    const int h = hex_value(text[at + i]);
    if (h < 0) return kHexInvalid;
    v = v * 16 + h;
  }
  return v;
}

bool fail(JsonScanError& error, std::size_t at, std::string message) {
  error.at = at;
  error.message = std::move(message);
  return false;
}

bool end_inside_string(std::string_view text, JsonScanError& error) {
  error.inside_string = true;
  return fail(error, text.size(), "unexpected end of input inside a string");
}

// REQUIRES: text[pos] == '\\'. Appends the escaped character and moves pos past the escape.
bool scan_escape(std::string_view text, std::size_t& pos, std::string& out, JsonScanError& error) {
  const std::size_t esc = pos;
  if (esc + 1 >= text.size()) return end_inside_string(text, error);
  const char e = text[esc + 1];
  const char* simple = nullptr;
  switch (e) {
    case '"': simple = "\""; break;
    case '\\': simple = "\\"; break;
    case '/': simple = "/"; break;
    case 'b': simple = "\b"; break;
    case 'f': simple = "\f"; break;
    case 'n': simple = "\n"; break;
    case 'r': simple = "\r"; break;
    case 't': simple = "\t"; break;
    default: break;
  }
  if (simple != nullptr) {
    out += simple;
    pos += 2;
    return true;
  }
  if (e != 'u') {
    if (e > 0x20 && e < 0x7F) return fail(error, esc, std::string("invalid escape '\\") + e + "' in a string");
    return fail(error, esc, "invalid escape: '\\' followed by " + describe_json_char(text, esc + 1));
  }
  const UnicodeEscape u = decode_unicode_escape(text, esc);
  using Problem = UnicodeEscape::Problem;
  switch (u.problem) {
    case Problem::kNone: break;
    case Problem::kTruncated: return end_inside_string(text, error);
    case Problem::kBadHex: return fail(error, esc, "invalid \\u escape: expected four hex digits");
    case Problem::kLoneLow:
      return fail(error, esc, "lone low surrogate \\u" + std::string(text.substr(esc + 2, 4)) +
                                  " (it must follow a high surrogate \\uD800–\\uDBFF)");
    case Problem::kLoneHigh:
      return fail(error, esc, "lone high surrogate \\u" + std::string(text.substr(esc + 2, 4)) +
                                  " (a low surrogate \\uDC00–\\uDFFF must follow)");
  }
  pos = esc + u.length;
  append_utf8(out, u.code_point);
  return true;
}

}  // namespace

UnicodeEscape decode_unicode_escape(std::string_view text, std::size_t pos) {
  UnicodeEscape u;
  const long unit = hex4(text, pos + 2);
  if (unit == kHexTruncated) {
    u.problem = UnicodeEscape::Problem::kTruncated;
    return u;
  }
  if (unit == kHexInvalid) {
    u.problem = UnicodeEscape::Problem::kBadHex;
    return u;
  }
  u.code_point = static_cast<char32_t>(unit);
  u.length = 6;
  if (unit >= 0xDC00 && unit <= 0xDFFF) {
    u.problem = UnicodeEscape::Problem::kLoneLow;
    return u;
  }
  if (unit < 0xD800 || unit > 0xDBFF) return u;
  // A high surrogate must be followed by an escaped low surrogate.
  const std::size_t next = pos + 6;
  const bool has_backslash = next < text.size() && text[next] == '\\';
  if (next >= text.size() || (has_backslash && next + 1 >= text.size())) {
    u.problem = UnicodeEscape::Problem::kTruncated;
    u.length = 0;
    return u;
  }
  long low = kHexInvalid;
  if (has_backslash && text[next + 1] == 'u') {
    low = hex4(text, next + 2);
    if (low == kHexTruncated) {
      u.problem = UnicodeEscape::Problem::kTruncated;
      u.length = 0;
      return u;
    }
  }
  if (low < 0xDC00 || low > 0xDFFF) {
    u.problem = UnicodeEscape::Problem::kLoneHigh;
    return u;
  }
  u.code_point = static_cast<char32_t>(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
  u.length = 12;
  return u;
}

bool scan_json_string(std::string_view text, std::size_t& pos, std::string& out, JsonScanError& error) {
  ++pos;  // the opening quote
  for (;;) {
    const std::size_t run = pos;
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) break;
      ++pos;
    }
    out.append(text.substr(run, pos - run));
    if (pos >= text.size()) return end_inside_string(text, error);
    const char c = text[pos];
    if (c == '"') {
      ++pos;
      return true;
    }
    if (c == '\\') {
      if (!scan_escape(text, pos, out, error)) return false;
      continue;
    }
    if (c == '\0') return fail(error, pos, "NUL byte inside a string");
    if (c == '\n' || c == '\r') {
      return fail(error, pos, "line break inside a string: a JSON string must end on its line (write \\n for a line break)");
    }
    return fail(error, pos, "control character " + describe_code_point(static_cast<unsigned char>(c)) +
                                " inside a string: write it as an escape");
  }
}

bool scan_json_number(std::string_view text, std::size_t& pos, JsonScanError& error) {
  const std::size_t start = pos;
  auto digits = [&] {
    while (pos < text.size() && is_digit(text[pos])) ++pos;
  };
  auto need_digit = [&](const char* after) {
    if (pos >= text.size()) return fail(error, pos, std::string("unexpected end of input, expected a digit after ") + after);
    return fail(error, pos, "unexpected " + describe_json_char(text, pos) + ", expected a digit after " + after);
  };
  if (text[pos] == '-') ++pos;
  if (pos >= text.size() || !is_digit(text[pos])) return need_digit("'-'");
  if (text[pos] == '0') {
    ++pos;
    if (pos < text.size() && is_digit(text[pos])) return fail(error, start, "numbers cannot have leading zeros in JSON");
  } else {
    digits();
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (pos >= text.size() || !is_digit(text[pos])) return need_digit("'.'");
    digits();
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    if (pos >= text.size() || !is_digit(text[pos])) return need_digit("the exponent");
    digits();
  }
  return true;
}

std::string describe_json_char(std::string_view text, std::size_t pos) {
  if (text[pos] == '\0') return "NUL byte";
  const Utf8Char c = decode_utf8(text, pos);
  if (c.problem != nullptr) return "byte that is not UTF-8";
  return describe_code_point(c.code_point);
}

}  // namespace trustlint::internal
