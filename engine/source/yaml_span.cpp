// Scanning YAML source text for node ends (see yaml_span.h). The rules follow YAML 1.2 and
// yaml-cpp's scanner closely enough for well-formed input, which is all these functions see: the
// reader calls them only for nodes yaml-cpp has accepted.
#include "source/yaml_span.h"

#include <algorithm>

#include "source/yaml_chars.h"

namespace trustlint::internal {
namespace {

using yaml_chars::is_blank;
using yaml_chars::is_break;
using yaml_chars::is_flow_indicator;
using yaml_chars::is_space;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True when `pos` is past the end or holds white space or a flow indicator.
bool ends_token(std::string_view t, std::size_t pos) {
  return pos >= t.size() || is_space(t[pos]) || is_flow_indicator(t[pos]);
}

std::size_t line_end(std::string_view t, std::size_t i) {
  while (i < t.size() && !is_break(t[i])) ++i;
  return i;
}

// Past one line break ("\r\n", "\n" or a lone "\r") at `i`.
std::size_t past_break(std::string_view t, std::size_t i) {
  if (i < t.size() && t[i] == '\r') ++i;
  if (i < t.size() && t[i] == '\n') ++i;
  return i;
}

std::size_t quoted_end(std::string_view t, std::size_t pos, char quote) {
  std::size_t i = pos + 1;
  while (i < t.size()) {
    if (quote == '"' && t[i] == '\\') {
      i += 2;
    } else if (t[i] == quote) {
      if (quote == '\'' && i + 1 < t.size() && t[i + 1] == '\'') {
        i += 2;  // '' is an escaped quote
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

// A block scalar ends at its last content line: lines indented at least as deep as the first
// non-blank line after the header.
std::size_t block_end(std::string_view t, std::size_t pos, std::string_view value) {
  std::size_t i = pos + 1;
  while (i < t.size() && (t[i] == '+' || t[i] == '-' || is_digit(t[i]))) ++i;
  const std::size_t header_end = i;
  if (value.empty()) return header_end;
  std::size_t end = header_end;
  std::size_t indent = std::string_view::npos;
  i = line_end(t, i);
  while (i < t.size()) {
    const std::size_t start = past_break(t, i);
    std::size_t j = start;
    while (j < t.size() && t[j] == ' ') ++j;
    const std::size_t k = line_end(t, j);
    i = k;
    if (std::all_of(t.begin() + static_cast<std::ptrdiff_t>(j), t.begin() + static_cast<std::ptrdiff_t>(k), is_blank)) {
      continue;
    }
    if (indent == std::string_view::npos) indent = j - start;
    if (j - start < indent) break;
    end = k;
  }
  return end;
}

// Matches a plain scalar's source against its value: characters match one to one, blanks inside
// a line match literally, and a line break with the blanks around it folds to one space (or to
// n-1 newlines for n breaks). The end is just past the last matched non-blank character.
std::size_t plain_end(std::string_view t, std::size_t pos, std::string_view value) {
  std::size_t i = pos;
  std::size_t j = 0;
  std::size_t end = pos;
  while (j < value.size() && i < t.size()) {
    const char c = t[i];
    if (!is_space(c)) {
      if (c != value[j]) break;
      ++i;
      ++j;
      end = i;
      continue;
    }
    std::size_t k = i;
    while (k < t.size() && is_blank(t[k])) ++k;
    if (k < t.size() && is_break(t[k])) {
      std::size_t breaks = 0;
      while (k < t.size() && is_space(t[k])) {
        if (is_break(t[k])) {
          k = past_break(t, k);
          ++breaks;
        } else {
          ++k;
        }
      }
      if (breaks == 1) {
        if (value[j] != ' ') break;
        ++j;
      } else {
        for (std::size_t b = 1; b < breaks; ++b, ++j) {
          if (j >= value.size() || value[j] != '\n') return end;
        }
      }
      i = k;
      continue;
    }
    if (value.substr(j, k - i) != t.substr(i, k - i)) break;
    j += k - i;
    i = k;
  }
  return end;
}

}  // namespace

std::size_t skip_yaml_blank(std::string_view t, std::size_t pos) {
  std::size_t i = std::min(pos, t.size());
  while (i < t.size()) {
    if (is_space(t[i])) {
      ++i;
    } else if (t[i] == '#' && (i == 0 || is_space(t[i - 1]))) {
      i = line_end(t, i);
    } else {
      break;
    }
  }
  return i;
}

std::size_t skip_yaml_properties(std::string_view t, std::size_t pos) {
  std::size_t i = std::min(pos, t.size());
  std::size_t end = i;
  while (i < t.size() && (t[i] == '!' || t[i] == '&')) {
    if (t[i] == '!' && i + 1 < t.size() && t[i + 1] == '<') {
      const std::size_t close = t.find('>', i);
      i = close == std::string_view::npos ? t.size() : close + 1;
    } else {
      i = yaml_word_end(t, i);
    }
    end = i;
    while (i < t.size() && is_blank(t[i])) ++i;  // properties of one node share a line here
  }
  return end;
}

ScalarStyle yaml_scalar_style(std::string_view t, std::size_t pos) {
  if (pos >= t.size()) return ScalarStyle::plain;
  switch (t[pos]) {
    case '"': return ScalarStyle::double_quoted;
    case '\'': return ScalarStyle::single_quoted;
    case '|': return ScalarStyle::literal;
    case '>': return ScalarStyle::folded;
    default: return ScalarStyle::plain;
  }
}

std::size_t yaml_scalar_end(std::string_view t, std::size_t pos, ScalarStyle style, std::string_view value) {
  if (pos >= t.size()) return t.size();
  switch (style) {
    case ScalarStyle::double_quoted: return quoted_end(t, pos, '"');
    case ScalarStyle::single_quoted: return quoted_end(t, pos, '\'');
    case ScalarStyle::literal:
    case ScalarStyle::folded: return block_end(t, pos, value);
    case ScalarStyle::plain: return plain_end(t, pos, value);
  }
  return pos;
}

std::size_t yaml_word_end(std::string_view t, std::size_t pos) {
  std::size_t i = std::min(pos + 1, t.size());
  while (!ends_token(t, i)) ++i;
  return i;
}

std::size_t yaml_flow_end(std::string_view t, std::size_t pos, char close) {
  std::size_t i = std::min(pos, t.size());
  while (true) {
    i = skip_yaml_blank(t, i);
    if (i < t.size() && t[i] == ',') {
      ++i;
    } else {
      break;
    }
  }
  return i < t.size() && t[i] == close ? i + 1 : pos;
}

std::size_t yaml_null_end(std::string_view t, std::size_t pos, bool allow_key) {
  if (pos >= t.size()) return pos;
  for (std::string_view spelling : {"~", "null", "Null", "NULL"}) {
    if (t.substr(pos, spelling.size()) != spelling) continue;
    const std::size_t end = pos + spelling.size();
    std::size_t k = end;
    while (k < t.size() && is_blank(t[k])) ++k;
    const bool indicator = k < t.size() && t[k] == ':' && ends_token(t, k + 1);
    if (!ends_token(t, end) && !(indicator && k == end)) continue;  // "nullable", "~x"
    if (indicator && !allow_key) return pos;
    return end;
  }
  return pos;
}

std::size_t yaml_empty_point(std::string_view t, std::size_t pos) {
  const std::size_t i = skip_yaml_blank(t, pos);
  if (i < t.size() && (t[i] == ':' || t[i] == '-' || t[i] == '?') && ends_token(t, i + 1)) return i + 1;
  return std::min(pos, t.size());
}

}  // namespace trustlint::internal
