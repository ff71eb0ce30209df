// The YAML 1.2 core schema regexes, written out by hand (std::regex is slow and can recurse).
#include "source/yaml_scalar.h"

namespace trustlint::internal {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Consumes a run of characters matching `pred`; returns how many.
template <typename Pred>
std::size_t run(std::string_view text, std::size_t& i, Pred pred) {
  std::size_t start = i;
  while (i < text.size() && pred(text[i])) ++i;
  return i - start;
}

bool all_of(std::string_view digits, bool (*pred)(char)) {
  if (digits.empty()) return false;
  for (char c : digits) {
    if (!pred(c)) return false;
  }
  return true;
}

bool is_octal_digit(char c) { return c >= '0' && c <= '7'; }

}  // namespace

bool is_yaml_null(std::string_view t) {
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

bool is_yaml_bool(std::string_view t) {
  return t == "true" || t == "True" || t == "TRUE" || t == "false" || t == "False" || t == "FALSE";
}

// [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+
bool is_yaml_int(std::string_view t) {
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o') return all_of(t.substr(2), is_octal_digit);
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x') return all_of(t.substr(2), is_hex_digit);
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  return all_of(t, is_digit);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.nan|\.NaN|\.NAN
bool is_yaml_float(std::string_view t) {
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.remove_prefix(1);
  if (t == ".inf" || t == ".Inf" || t == ".INF") return true;
  std::size_t i = 0;
  std::size_t int_digits = run(t, i, is_digit);
  std::size_t frac_digits = 0;
  bool dot = i < t.size() && t[i] == '.';
  if (dot) {
    ++i;
    frac_digits = run(t, i, is_digit);
  }
  if (int_digits == 0 && frac_digits == 0) return false;  // ".", "", "e3"
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (run(t, i, is_digit) == 0) return false;
  }
  return i == t.size();
}

NodeKind resolve_plain_scalar(std::string_view text) {
  if (is_yaml_null(text)) return NodeKind::null;
  if (is_yaml_bool(text)) return NodeKind::boolean;
  if (is_yaml_int(text) || is_yaml_float(text)) return NodeKind::number;
  return NodeKind::string;
}

}  // namespace trustlint::internal
