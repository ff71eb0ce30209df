// UTF-8 helpers shared by the readers and the policy checks: decode one code point with the
// reason a sequence is malformed, encode a code point, count code points, and describe a
// character for a message. Pure functions; safe to call from several threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trustlint::internal {

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;         // bytes consumed (1 for a bad byte, so scanning can go on)
  const char* problem = nullptr;  // nullptr when well-formed, else why not ("overlong encoding")
};

// Decodes the sequence starting at text[pos]. Rejects overlong forms, surrogates (U+D800–DFFF),
// code points past U+10FFFF, stray continuation bytes and truncated sequences.
// REQUIRES: pos < text.size().
Utf8Char decode_utf8(std::string_view text, std::size_t pos);

void append_utf8(std::string& out, char32_t code_point);

// Bytes that start a code point (everything but 0x80–0xBF); exact for well-formed text.
std::size_t count_code_points(std::string_view text);

// "'x'" for printable ASCII, else "U+00A0"; for messages.
std::string describe_code_point(char32_t code_point);

}  // namespace trustlint::internal
