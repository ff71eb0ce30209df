// GlobNfa: shift-and simulation of a glob's NFA, one bit per pattern position.
#include "condition/glob_nfa.h"

#include <algorithm>

#include "condition/text.h"

namespace trustlint::internal {

namespace {

constexpr char32_t kStarToken = 0x200000;
constexpr char32_t kAnyToken = 0x200001;

void set_bit(std::vector<std::uint64_t>& bits, std::size_t words, std::size_t mask, std::size_t pos) {
  bits[mask * words + pos / 64] |= std::uint64_t{1} << (pos % 64);
}

}  // namespace

GlobNfa::GlobNfa(const GlobPieces& pieces, bool ignore_case) : ignore_case_(ignore_case) {
  // Tokens: one per code point, `*` runs collapsed (so no star follows a star, which keeps the
  // epsilon closure to a single shift).
  std::vector<char32_t> tokens;
  for (const GlobPiece& piece : pieces) {
    if (piece.kind == GlobPiece::Kind::star) {
      if (tokens.empty() || tokens.back() != kStarToken) tokens.push_back(kStarToken);
    } else if (piece.kind == GlobPiece::Kind::any_char) {
      tokens.push_back(kAnyToken);
    } else {
      for (std::size_t i = 0; i < piece.text.size();) {
        char32_t c = next_code_point(piece.text, i);
        tokens.push_back(ignore_case_ ? ascii_lower(c) : c);
      }
    }
  }
  positions_ = tokens.size() + 1;
  words_ = (positions_ + 63) / 64;
  star_.assign(words_, 0);

  // Dense masks: index 0 holds the `?` positions; each ASCII character of the pattern gets its
  // own mask (`?` positions included). Non-ASCII characters go to the sparse list.
  std::uint32_t mask_count = 1;
  for (char32_t t : tokens) {
    if (t < 128 && ascii_[t] == 0) ascii_[t] = mask_count++;
  }
  masks_.assign(std::size_t{mask_count} * words_, 0);
  for (std::size_t pos = 0; pos < tokens.size(); ++pos) {
    const char32_t t = tokens[pos];
    if (t == kStarToken) {
      set_bit(star_, words_, 0, pos);
      ++star_count_;
    } else if (t == kAnyToken) {
      for (std::uint32_t m = 0; m < mask_count; ++m) set_bit(masks_, words_, m, pos);
    } else if (t < 128) {
      set_bit(masks_, words_, ascii_[t], pos);
    } else {
      sparse_.emplace_back(t, static_cast<std::uint32_t>(pos));
    }
  }
  std::sort(sparse_.begin(), sparse_.end());
}

bool GlobNfa::matches(std::string_view text) const {
  const std::size_t w_count = words_;
  std::vector<Word> state(w_count, 0), moved(w_count, 0);
  // Start: position 0, closed under "a star may match nothing".
  state[0] = 1;
  if (star_[0] & 1) state[0] |= 2;

  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (ignore_case_) c = ascii_lower(c);
    // moved = positions whose token consumes c.
    if (c < 128) {
      const Word* mask = &masks_[std::size_t{ascii_[c]} * w_count];
      for (std::size_t w = 0; w < w_count; ++w) moved[w] = state[w] & mask[w];
    } else {
      for (std::size_t w = 0; w < w_count; ++w) moved[w] = state[w] & masks_[w];
      auto it = std::lower_bound(sparse_.begin(), sparse_.end(), std::make_pair(c, std::uint32_t{0}));
      for (; it != sparse_.end() && it->first == c; ++it) {
        const std::size_t pos = it->second;
        const Word bit = Word{1} << (pos % 64);
        moved[pos / 64] |= state[pos / 64] & bit;
      }
    }
    // next = shift(moved) | (state & star), then the closure over stars (one shift suffices).
    Word carry = 0, closure_carry = 0, any = 0;
    for (std::size_t w = 0; w < w_count; ++w) {
      Word next = (moved[w] << 1) | carry | (state[w] & star_[w]);
      carry = moved[w] >> 63;
      const Word stars = next & star_[w];
      next |= (stars << 1) | closure_carry;
      closure_carry = stars >> 63;
      state[w] = next;
      any |= next;
    }
    if (any == 0) return false;
  }
  const std::size_t last = positions_ - 1;
  return (state[last / 64] >> (last % 64)) & 1;
}

}  // namespace trustlint::internal
