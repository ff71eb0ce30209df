// Scanners for JSON's scalar tokens (strings with their escapes, numbers), used by the located
// JSON parser in json_reader.cpp. Pure functions over the text: on malformed input they return
// false and say where and why, and the parser turns that into a TL004 diagnostic.
// Safe to call from several threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace trustlint::internal {

struct JsonScanError {
  std::size_t at = 0;          // byte offset of the problem (text.size() when the input ended)
  std::string message;
  bool inside_string = false;  // the input ended inside a string
};

// One \uXXXX escape of a JSON string's source text, text[pos] being its backslash: the one
// decoder of these escapes (the reader, the IAM character check and the IaC text maps use it).
// A high surrogate followed by an escaped low surrogate is combined into one code point.
struct UnicodeEscape {
  enum class Problem {
    kNone,
    kTruncated,  // the text ends before the escape (or the low half of a pair) is complete
    kBadHex,     // not four hex digits after "\u"
    kLoneLow,    // a low surrogate \uDC00–\uDFFF with no high one before it
    kLoneHigh,   // a high surrogate \uD800–\uDBFF with no escaped low one after it
  };
  char32_t code_point = 0;  // a lone surrogate: the unit itself
  std::size_t length = 0;   // source bytes: 6, 12 for a pair (0 when truncated or not hex)
  Problem problem = Problem::kNone;
};
// REQUIRES: text[pos] == '\\' and text[pos + 1] == 'u'.
UnicodeEscape decode_unicode_escape(std::string_view text, std::size_t pos);

// REQUIRES: text[pos] == '"'. On success `out` holds the unescaped value (\uXXXX surrogate
// pairs combined) and pos is just past the closing quote. Rejects raw control characters and
// NUL, unknown escapes, bad \u escapes and lone surrogates.
bool scan_json_string(std::string_view text, std::size_t& pos, std::string& out, JsonScanError& error);

// REQUIRES: text[pos] is '-' or a digit. RFC 8259 number grammar; on success pos is past the
// number and the spelling is text[start, pos) (kept as written, at any length).
bool scan_json_number(std::string_view text, std::size_t& pos, JsonScanError& error);

// The character at text[pos] for a message: "'x'", "U+00A0", "NUL byte". REQUIRES: pos < size.
std::string describe_json_char(std::string_view text, std::size_t pos);

}  // namespace trustlint::internal
