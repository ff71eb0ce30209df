// SourceFile: the bytes of one input (a file or stdin) with a line index, so that any byte
// offset can be turned into a Span (1-based line, code-point column). Reading enforces
// Limits::max_bytes and checks UTF-8 before any parser sees the text. A file may also be mapped
// (map_source_file) rather than copied, so that a reader streaming a large export keeps only
// the pages it works on resident (release_before).
// Immutable after construction (release_before changes no byte); safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/options.h"
#include "trustlint/result.h"

namespace trustlint::internal {

// Byte offsets, 4 bytes each while the text is under 4 GiB (an index of a 70 MB export: 7 MB).
class OffsetList {
 public:
  void reserve(std::size_t n, bool wide);
  void push_back(std::size_t value);
  std::size_t operator[](std::size_t i) const { return wide_ ? big_[i] : small_[i]; }
  std::size_t size() const { return wide_ ? big_.size() : small_.size(); }
  // Index of the first entry greater than `value` (entries are non-decreasing).
  std::size_t upper_bound(std::size_t value) const;

 private:
  bool wide_ = false;
  std::vector<std::uint32_t> small_;
  std::vector<std::uint64_t> big_;
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  // `text` stays valid as long as `keep` lives (a mapping of the file).
  SourceFile(std::string name, std::string_view text, std::shared_ptr<const void> keep, std::size_t mapped_from);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  // A mapped file: lets the pages wholly before `offset` leave memory (they are read again from
  // the file if touched). Does nothing for a text held in memory.
  void release_before(std::size_t offset) const;

  // Span covering bytes [begin, end) of text(). REQUIRES: begin <= end <= text().size().
  Span span(std::size_t begin, std::size_t end) const;
  // Span of a single point (begin == end).
  Span point(std::size_t offset) const { return span(offset, offset); }
  // The text of 1-based line `line`, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::size_t code_points_before(std::size_t offset) const;
  void index();
  std::string name_;
  std::shared_ptr<const void> keep_;  // owns the bytes text_ views (a string, or a mapping)
  std::string_view text_;
  std::size_t mapped_from_ = 0;  // a mapping: how many bytes precede text_ in it (a byte-order mark)
  bool mapped_ = false;
  OffsetList line_starts_;
  // Code points before byte kStride*i, so a column costs at most kStride bytes of scanning
  // even on a 16 MB single-line file.
  static constexpr std::size_t kStride = 64;
  OffsetList code_point_checkpoints_;
};

// A regular file on disk mapped into memory rather than read (its byte-order mark skipped), for
// a reader that streams it; nullopt when `path` is not a regular file that can be mapped
// (stdin, a pipe, an empty file) or is larger than limits.max_bytes: read_source_file then
// reads it, or says why not.
std::optional<SourceFile> map_source_file(const std::string& path, const Limits& limits);

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
