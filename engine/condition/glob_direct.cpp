// GlobDirect: segments between stars, matched first-anchored, last-anchored, the rest leftmost.
#include "condition/glob_direct.h"

namespace trustlint::internal {
namespace {

constexpr char kAny = static_cast<char>(0x80);  // `?` inside a segment (patterns are ASCII)

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

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
  }
}

bool GlobDirect::segment_at(const std::string& segment, std::string_view text, std::size_t at) const {
  for (std::size_t k = 0; k < segment.size(); ++k) {
    const char p = segment[k];
    if (p == kAny) continue;
    const char t = ignore_case_ ? fold(text[at + k]) : text[at + k];
    if (p != t) return false;
  }
  return true;
}

bool GlobDirect::matches(std::string_view text) const {
  if (!has_star_) return text.size() == segments_.front().size() && segment_at(segments_.front(), text, 0);
  if (text.size() < min_length_) return false;
  const std::string& first = segments_.front();
  const std::string& last = segments_.back();
  if (!segment_at(first, text, 0)) return false;
  const std::size_t end = text.size() - last.size();  // where the last segment starts
  if (!segment_at(last, text, end)) return false;
  std::size_t pos = first.size();
  for (std::size_t s = 1; s + 1 < segments_.size(); ++s) {
    const std::string& middle = segments_[s];
    bool found = false;
    for (std::size_t at = pos; at + middle.size() <= end; ++at) {
      if (segment_at(middle, text, at)) {
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
