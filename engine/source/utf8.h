// UTF-8 helpers shared by the readers, the policy checks, the condition operators and the
// renderers: decode one code point with the reason a sequence is malformed (or totally, for
// matching), encode a code point, count code points, describe a character, and make any bytes
// safe to print (visible_text, cut_utf8): every value quoted or cut for a message goes through
// these. The one place the engine reads UTF-8 bytes. Pure functions; safe from several threads.
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

// True for 0x80–0xBF, the bytes that continue a multi-byte sequence (never start a code point).
constexpr bool is_utf8_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0u) == 0x80u; }

// Decoding that never fails, for matching: the code point starting at text[pos], pos moved past
// it. A malformed sequence (as decode_utf8 judges it) yields kInvalidByteBase + its first byte
// and moves one byte, so two texts with the same invalid byte still compare equal.
inline constexpr char32_t kInvalidByteBase = 0x110000;
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Whether every sequence of `text` is well-formed (decode_utf8 finds no problem).
bool is_valid_utf8(std::string_view text);

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
