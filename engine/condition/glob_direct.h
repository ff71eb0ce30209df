// GlobDirect: IAM's `*` and `?` (docs/semantics.md#string-operators) matched directly over bytes,
// for the common glob: an ASCII pattern with short pieces, against an ASCII text (one byte is then
// one character). The pattern is cut at its stars into segments of literal bytes and `?`; the
// first segment must match at the start, the last at the end, the others in order, each at its
// leftmost place (exact for `*`-separated segments), eight bytes at a time. Time O(text × longest
// segment), at most kMaxSegment compares per text byte, so still linear. GlobMatcher uses it
// where it applies, RE2 or the NFA elsewhere. Immutable after construction; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "condition/glob.h"

namespace trustlint::internal {

class GlobDirect {
 public:
  static constexpr std::size_t kMaxSegment = 64;
  static constexpr std::size_t kMaxStars = 64;

  GlobDirect(const GlobPieces& pieces, bool ignore_case);
  // False when the pattern has a non-ASCII byte, a segment over kMaxSegment bytes or more than
  // kMaxStars stars; then matches() must not be called.
  bool usable() const { return usable_; }
  // REQUIRES: usable() and `text` all ASCII.
  bool matches(std::string_view text) const;

 private:
  // Segment `s` matches `text` at `at` (REQUIRES: the segment fits there).
  bool segment_at(std::size_t s, std::string_view text, std::size_t at) const;

  // Segments between stars; `?` is the byte kAny (never an ASCII byte). Literal bytes folded to
  // lowercase when ignore_case_.
  std::vector<std::string> segments_;
  // For each segment: its bytes with `?` as 0, and a mask of 0xFF for a literal byte and 0 for
  // `?`, so that a word of text matches iff ((text ^ bytes) & mask) == 0.
  std::vector<std::string> bytes_, masks_;
  bool has_star_ = false;
  bool ignore_case_ = false;
  bool usable_ = true;
  std::size_t min_length_ = 0;  // the sum of the segments' lengths
};

}  // namespace trustlint::internal
