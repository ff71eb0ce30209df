// GlobNfa: the glob matcher that never depends on the pattern's shape. It simulates the
// pattern's NFA with one bit per pattern position (shift-and), so matching costs
// O(text × pattern / 64) and never backtracks. GlobMatcher uses it when RE2 cannot take a
// pattern, and for text that is not valid UTF-8 (one invalid byte = one character).
// Immutable after construction; matches() is safe to call from several threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "condition/glob.h"

namespace trustlint::internal {

class GlobNfa {
 public:
  GlobNfa(const GlobPieces& pieces, bool ignore_case);

  bool matches(std::string_view text) const;
  std::size_t star_count() const { return star_count_; }

 private:
  using Word = std::uint64_t;
  bool ignore_case_ = false;
  std::size_t positions_ = 0;  // tokens + 1; bit i = "the first i tokens are matched"
  std::size_t words_ = 0;
  std::size_t star_count_ = 0;
  std::vector<Word> star_;                  // positions holding a `*`
  std::vector<Word> masks_;                 // dense masks, words_ each; mask 0 = `?` positions only
  std::array<std::uint32_t, 128> ascii_{};  // ASCII character → mask index
  // INVARIANT: sorted by code point; positions of non-ASCII literal tokens.
  std::vector<std::pair<char32_t, std::uint32_t>> sparse_;
};

}  // namespace trustlint::internal
