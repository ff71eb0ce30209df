// YAML's character classes (YAML 1.2 §5: white space, line breaks, flow indicators), shared by
// the pre-scan that runs before yaml-cpp and the span finder that runs after it, so the two read
// a document's characters alike. Pure inline functions; thread-safe.
#pragma once

namespace trustlint::internal::yaml_chars {

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_break(char c) { return c == '\n' || c == '\r'; }
inline bool is_space(char c) { return is_blank(c) || is_break(c); }
inline bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

}  // namespace trustlint::internal::yaml_chars
