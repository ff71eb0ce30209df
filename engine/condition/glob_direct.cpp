// GlobDirect: segments between stars, matched first-anchored, last-anchored, the rest leftmost;
// each segment compared eight bytes at a time under its mask.
#include "condition/glob_direct.h"

#include <cstdint>
#include <cstring>

namespace trustlint::internal {
namespace {

constexpr char kAny = static_cast<char>(0x80);  // `?` inside a segment (patterns are ASCII)
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// fold() of eight ASCII bytes at once: a byte from 'A' to 'Z' gains 0x20. (Every byte is below
// 0x80, so no sum below carries into the next byte.)
std::uint64_t fold8(std::uint64_t w) {
  const std::uint64_t from_a = w + kOnes * (0x80 - 'A');  // high bit: the byte is 'A' or above
  const std::uint64_t past_z = w + kOnes * (0x7F - 'Z');  // high bit: the byte is above 'Z'
  return w | (((from_a & ~past_z) & (kOnes * 0x80)) >> 2);
}

std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

}  // namespace

GlobDirect::GlobDirect(const GlobPieces& pieces, bool ignore_case) : ignore_case_(ignore_case) {
  segments_.emplace_back();
  std::size_t stars = 0;
  bool previous_star = false;
  for (const GlobPiece& piece : pieces) {
    switch (piece.kind) {
      case GlobPiece::Kind::star:
        has_star_ = true;
        if (!previous_star) segments_.emplace_back(), ++stars;
        previous_star = true;
        continue;
      case GlobPiece::Kind::any_char: segments_.back() += kAny; break;
      case GlobPiece::Kind::literal:
        for (char c : piece.text) {
          if (static_cast<unsigned char>(c) >= 0x80) usable_ = false;
          segments_.back() += ignore_case ? fold(c) : c;
        }
        break;
    }
    previous_star = false;
  }
  if (stars > kMaxStars) usable_ = false;
  for (const std::string& s : segments_) {
    if (s.size() > kMaxSegment) usable_ = false;
    min_length_ += s.size();
    std::string mask(s.size(), static_cast<char>(0xFF));
    std::string bytes = s;
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (s[k] == kAny) mask[k] = bytes[k] = 0;
    }
    masks_.push_back(std::move(mask));
    bytes_.push_back(std::move(bytes));
  }
}

bool GlobDirect::segment_at(std::size_t s, std::string_view text, std::size_t at) const {
  const std::string& bytes = bytes_[s];
  const std::string& mask = masks_[s];
  const std::size_t n = bytes.size();
  const char* t = text.data() + at;
  if (n >= 8) {
    // Whole words, then the last eight bytes (overlapping the words before when n is not a
    // multiple of eight).
    auto word_differs = [&](std::size_t k) {
      const std::uint64_t w = ignore_case_ ? fold8(load8(t + k)) : load8(t + k);
      return ((w ^ load8(bytes.data() + k)) & load8(mask.data() + k)) != 0;
    };
    for (std::size_t k = 0; k + 8 <= n; k += 8) {
      if (word_differs(k)) return false;
    }
    return n % 8 == 0 || !word_differs(n - 8);
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (mask[k] == 0) continue;
    const char c = ignore_case_ ? fold(t[k]) : t[k];
    if (c != bytes[k]) return false;
  }
  return true;
}

bool GlobDirect::matches(std::string_view text) const {
  if (!has_star_) return text.size() == segments_.front().size() && segment_at(0, text, 0);
  if (text.size() < min_length_) return false;
  const std::string& first = segments_.front();
  const std::string& last = segments_.back();
  if (!segment_at(0, text, 0)) return false;
  const std::size_t end = text.size() - last.size();  // where the last segment starts
  if (!segment_at(segments_.size() - 1, text, end)) return false;
  std::size_t pos = first.size();
  for (std::size_t s = 1; s + 1 < segments_.size(); ++s) {
    const std::string& middle = segments_[s];
    bool found = false;
    for (std::size_t at = pos; at + middle.size() <= end; ++at) {
      if (segment_at(s, text, at)) {
        pos = at + middle.size();
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return pos <= end;
}

}  // namespace trustlint::internal
