// IAM's wildcard matching (StringLike, ArnLike, Action): `*` matches any run of characters
// (including none, including ':' '/' and newlines), `?` exactly one character (code point);
// everything else is literal, the whole value must match (semantics.md §2.5).
// Linear time in the text whatever the pattern (RE2 underneath): a thousand `*` cannot blow up.
// Immutable after construction; matches() is safe to call from several threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace trustlint::internal {

class GlobMatcher {
 public:
  explicit GlobMatcher(std::string_view pattern, bool ignore_case = false);
  GlobMatcher(GlobMatcher&&) noexcept;
  GlobMatcher& operator=(GlobMatcher&&) noexcept;
  ~GlobMatcher();

  bool matches(std::string_view text) const;
  const std::string& pattern() const { return pattern_; }
  bool has_wildcard() const { return has_wildcard_; }

 private:
  std::string pattern_;
  bool ignore_case_ = false;
  bool has_wildcard_ = false;
  struct Impl;
  std::unique_ptr<Impl> impl_;  // null when the pattern has no wildcard (plain comparison)
};

// One-off convenience for the reference implementation and tests.
bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case = false);

}  // namespace trustlint::internal
