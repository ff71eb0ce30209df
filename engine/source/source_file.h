// SourceFile: the bytes of one input (a file or stdin) with a line index, so that any byte
// offset can be turned into a Span (1-based line, code-point column). Reading enforces
// Limits::max_bytes and checks UTF-8 before any parser sees the text.
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/options.h"
#include "trustlint/result.h"

namespace trustlint::internal {

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  // Span covering bytes [begin, end) of text(). REQUIRES: begin <= end <= text().size().
  Span span(std::size_t begin, std::size_t end) const;
  // Span of a single point (begin == end).
  Span point(std::size_t offset) const { return span(offset, offset); }
  // The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::size_t code_points_before(std::size_t offset) const;
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  // Code points before byte kStride*i, so a column costs at most kStride bytes of scanning
  // even on a 16 MB single-line file.
  static constexpr std::size_t kStride = 64;
  std::vector<std::size_t> code_point_checkpoints_;
};

// Reads a file ("-" = stdin) within limits.max_bytes. Errors: TL001 cannot read, TL002 too large.
// The returned text has a leading UTF-8 byte-order mark removed (offsets then count from after it).
Result<SourceFile> read_source_file(const std::string& path, const Limits& limits);

// The TL002 error for an input longer than limits.max_bytes, located at the first byte past the
// limit (line and column counted over `head`, the input's first max_bytes + 1 bytes at least,
// a leading byte-order mark removed).
Diagnostic too_large_error(const std::string& name, std::string_view head, const Limits& limits);

// Checks that text is well-formed UTF-8 (no overlong forms, no surrogates, nothing past
// U+10FFFF). On failure returns a TL003 diagnostic located at the first bad byte.
Diagnostics check_utf8(const SourceFile& file);

}  // namespace trustlint::internal
