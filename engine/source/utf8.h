// UTF-8 helpers shared by the readers, the policy checks and the renderers: decode one code
// point with the reason a sequence is malformed, encode a code point, count code points,
// describe a character, and make any bytes safe to print (visible_text, cut_utf8): every value
// quoted or cut for a message goes through these. Pure functions; safe from several threads.
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

// `text` made safe for any output: control characters (C0, DEL, C1) and invisible direction
// marks written as escapes ("\n", "\t", "\r", "\u0000", "\u202E"), bytes that are not
// UTF-8 as "\xE9"; everything else unchanged. The result is valid UTF-8 without control
// characters, and visible_text(visible_text(s)) == visible_text(s).
std::string visible_text(std::string_view text);

// `text` cut after `max_code_points` code points, never inside a UTF-8 sequence, with "…"
// appended when cut. Invalid bytes count as one code point each.
std::string cut_utf8(std::string_view text, std::size_t max_code_points);

// True for code points visible_text escapes.
bool needs_escape(char32_t code_point);

}  // namespace trustlint::internal
