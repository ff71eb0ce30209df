// GlobMatcher: IAM wildcards on RE2 (anchored, UTF-8, `.` matches newline), with GlobNfa as the
// fallback that keeps matching linear when RE2 declines a pattern.
#include "condition/glob.h"

#include <mutex>

#include <re2/re2.h>

#include "condition/glob_direct.h"
#include "condition/glob_nfa.h"
#include "condition/text.h"

namespace trustlint::internal {

namespace {

// RE2's DFA caches sets of pattern positions; with many `*` those sets multiply, the cache
// overflows and RE2 falls back to an NFA that is O(text × program) with a large constant
// (5,000 `*a` against 100 KB: seconds). The bit-parallel NFA handles those patterns better.
constexpr std::size_t kMaxStarsForRe2 = 64;
// Generous, but bounded: a policy value is at most a few KB (docs/semantics.md#size).
constexpr std::int64_t kRe2MaxMem = 8 << 20;

void append_literal_regex(std::string& out, std::string_view text, bool ignore_case) {
  for (char c : text) {
    const char lower = ascii_lower(c);
    if (ignore_case && lower >= 'a' && lower <= 'z') {
      out += '[';
      out += lower;
      out += static_cast<char>(lower - 'a' + 'A');
      out += ']';
    } else {
      out += RE2::QuoteMeta(re2::StringPiece(&c, 1));
    }
  }
}

}  // namespace

GlobPieces parse_glob(std::string_view pattern) {
  GlobPieces pieces;
  for (char c : pattern) {
    if (c == '*' || c == '?') {
      pieces.push_back({c == '*' ? GlobPiece::Kind::star : GlobPiece::Kind::any_char, {}});
    } else {
      if (pieces.empty() || pieces.back().kind != GlobPiece::Kind::literal) pieces.push_back({});
      pieces.back().text += c;
    }
  }
  return pieces;
}

std::string glob_text(const GlobPieces& pieces) {
  std::string out;
  for (const GlobPiece& piece : pieces) {
    switch (piece.kind) {
      case GlobPiece::Kind::star: out += '*'; break;
      case GlobPiece::Kind::any_char: out += '?'; break;
      case GlobPiece::Kind::literal:
        for (char c : piece.text) {
          if (c == '*') out += "${*}";
          else if (c == '?') out += "${?}";
          else out += c;
        }
        break;
    }
  }
  return out;
}

// RE2 is compiled on first use, once (a policy's ASCII texts are matched by GlobDirect, and
// compiling is most of the cost of a glob that is matched a few times: lint of many small files).
struct GlobMatcher::Impl {
  GlobNfa nfa;
  GlobDirect direct;  // for ASCII texts, when usable (several times faster than RE2 on them)
  std::string regex;  // empty when RE2 is not to be used (too many `*`)
  Impl(const GlobPieces& pieces, bool ignore_case) : nfa(pieces, ignore_case), direct(pieces, ignore_case) {}

  // The compiled pattern, or null when RE2 declined it (or it is not to be used).
  const RE2* re() {
    std::call_once(once_, [this] {
      if (regex.empty()) return;
      RE2::Options options;
      options.set_encoding(RE2::Options::EncodingUTF8);
      options.set_dot_nl(true);
      options.set_never_capture(true);
      options.set_log_errors(false);
      options.set_max_mem(kRe2MaxMem);
      auto compiled = std::make_unique<RE2>(regex, options);
      if (compiled->ok()) re_ = std::move(compiled);
    });
    return re_.get();
  }

 private:
  std::once_flag once_;
  std::unique_ptr<RE2> re_;
};

GlobMatcher::GlobMatcher(std::string_view pattern, bool ignore_case)
    : GlobMatcher(parse_glob(pattern), ignore_case) {}

GlobMatcher::GlobMatcher(const GlobPieces& pieces, bool ignore_case)
    : pattern_(glob_text(pieces)), ignore_case_(ignore_case) {
  for (const GlobPiece& piece : pieces) {
    if (piece.kind != GlobPiece::Kind::literal) has_wildcard_ = true;
  }
  if (!has_wildcard_) {
    for (const GlobPiece& piece : pieces) literal_ += piece.text;
    if (ignore_case_) literal_ = ascii_lowercase(literal_);
    return;
  }
  impl_ = std::make_unique<Impl>(pieces, ignore_case);
  if (impl_->nfa.star_count() > kMaxStarsForRe2) return;

  std::string& regex = impl_->regex;
  bool previous_star = false;
  for (const GlobPiece& piece : pieces) {
    if (piece.kind == GlobPiece::Kind::star) {
      if (!previous_star) regex += ".*";
      previous_star = true;
      continue;
    }
    previous_star = false;
    if (piece.kind == GlobPiece::Kind::any_char) regex += '.';
    else append_literal_regex(regex, piece.text, ignore_case);
  }
}

GlobMatcher::GlobMatcher(GlobMatcher&&) noexcept = default;
GlobMatcher& GlobMatcher::operator=(GlobMatcher&&) noexcept = default;
GlobMatcher::~GlobMatcher() = default;

bool GlobMatcher::uses_fallback() const { return impl_ && impl_->re() == nullptr; }
bool GlobMatcher::uses_direct() const { return impl_ && impl_->direct.usable(); }

bool GlobMatcher::matches(std::string_view text) const {
  if (!impl_) return ignore_case_ ? equals_ignore_ascii_case(text, literal_) : text == literal_;
  if (impl_->direct.usable() && !has_non_ascii(text)) return impl_->direct.matches(text);
  return matches_without_direct(text);
}

bool GlobMatcher::matches(std::string_view text, bool text_ascii) const {
  if (!impl_) return ignore_case_ ? equals_ignore_ascii_case(text, literal_) : text == literal_;
  if (impl_->direct.usable() && text_ascii) return impl_->direct.matches(text);
  return matches_without_direct(text);
}

bool GlobMatcher::matches_without_direct(std::string_view text) const {
  if (!impl_) return matches(text);
  // RE2 in UTF-8 mode does not let `.` match an invalid byte; the NFA counts it as a character.
  const RE2* re = impl_->re();
  if (re != nullptr && (!has_non_ascii(text) || is_valid_utf8(text))) {
    return re->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                            RE2::ANCHOR_BOTH, nullptr, 0);
  }
  return impl_->nfa.matches(text);
}

bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case) {
  // One-off matches skip RE2's compilation: the bit-parallel NFA is linear and cheap to build.
  return glob_match(parse_glob(pattern), text, ignore_case);
}

bool glob_match(const GlobPieces& pieces, std::string_view text, bool ignore_case) {
  bool wildcard = false;
  for (const GlobPiece& piece : pieces) wildcard = wildcard || piece.kind != GlobPiece::Kind::literal;
  if (!wildcard) {
    std::string literal;
    for (const GlobPiece& piece : pieces) literal += piece.text;
    return ignore_case ? equals_ignore_ascii_case(text, literal) : text == literal;
  }
  return GlobNfa(pieces, ignore_case).matches(text);
}

}  // namespace trustlint::internal
