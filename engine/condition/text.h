// Small text helpers shared by the condition operators: ASCII case folding (IAM folds ASCII
// only, docs/semantics.md#string-operators) and quoting for trace messages. UTF-8 decoding that
// never fails (next_code_point) comes from source/utf8.h, included here for the operators.
// Pure functions; safe to call from several threads.
#pragma once

#include "source/diagnostic_sink.h"  // quote()
#include "source/utf8.h"             // next_code_point(), is_valid_utf8(): the one UTF-8 decoder

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


}  // namespace trustlint::internal
