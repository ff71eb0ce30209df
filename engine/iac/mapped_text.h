// MappedText: a string decoded out of the user's file (a JSON string literal, a YAML scalar, a
// URL-encoded document, the result of a CloudFormation !Sub) together with the file offset each
// of its bytes came from, so that a policy parsed from it can be located in the file itself.
// Plain value type and pure functions; safe to call from several threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "source/source_file.h"
#include "trustlint/diagnostic.h"

namespace trustlint::internal {

struct MappedText {
  std::string text;
  // origin[i]: file offset of the character that produced text[i] (the '\' of an escape, the
  // '%' of a percent escape, the '$' of a substituted ${Name}); origin[text.size()] is the end
  // (the closing quote). INVARIANT: origin.size() == text.size() + 1, origin is non-decreasing.
  std::vector<std::size_t> origin;

  void append(std::string_view bytes, std::size_t from);  // every byte from file offset `from`
  void finish(std::size_t end) { origin.push_back(end); }
};

// The value of the JSON string literal whose opening quote is at file_text[begin], with each
// escape (\" \n \u0022, surrogate pairs) mapped to where it starts.
// REQUIRES: the literal is well-formed (the JSON reader accepted it).
MappedText decode_json_literal(std::string_view file_text, std::size_t begin);

// A scalar whose value is `value` and whose source is file_text[begin, end) (a YAML plain,
// quoted or block scalar): each byte of the value is matched, in order, to the same byte in the
// source (skipping indentation, quotes and folded line breaks); a byte with no match nearby (an
// escape) takes the position just past the previous match. The end is just past the last match.
MappedText align_scalar(std::string_view file_text, std::size_t begin, std::size_t end, std::string_view value);

// RFC 3986 percent-decoding ("%7B" → "{"; '+' stays '+'). On a malformed escape returns false
// with bad_at = the index in in.text of its '%'.
bool percent_decode(const MappedText& in, MappedText& out, std::size_t& bad_at);

// The span in `file` of bytes [inner.offset, inner.end_offset) of `text`.
Span map_span(const Span& inner, const MappedText& text, const SourceFile& file);

}  // namespace trustlint::internal
