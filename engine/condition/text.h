// Small text helpers shared by the condition operators: ASCII case folding (IAM folds ASCII
// only, docs/semantics.md#string-operators), UTF-8 decoding that never fails (an invalid byte counts as one
// character of its own), and quoting for trace messages.
// Pure functions; safe to call from several threads.
#pragma once

#include "source/diagnostic_sink.h"  // quote()

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace trustlint::internal {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline char32_t ascii_lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c; }

std::string ascii_lowercase(std::string_view s);
bool equals_ignore_ascii_case(std::string_view a, std::string_view b);
bool has_non_ascii(std::string_view s);
bool is_valid_utf8(std::string_view s);

// Decodes the code point starting at s[i] and advances i past it. An invalid or truncated
// sequence yields kInvalidByteBase + that byte and advances by one byte, so that decoding is
// total and two texts with the same invalid byte still compare equal.
inline constexpr char32_t kInvalidByteBase = 0x110000;
char32_t next_code_point(std::string_view s, std::size_t& i);


}  // namespace trustlint::internal
