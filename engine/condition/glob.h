// IAM's wildcard matching (StringLike, ArnLike, Action): `*` matches any run of characters
// (including none, including ':' '/' and newlines), `?` exactly one character (code point);
// everything else is literal, the whole value must match (docs/semantics.md#string-operators).
// Linear time in the text whatever the pattern: a direct matcher (glob_direct.h) for ASCII texts
// against short ASCII patterns, RE2 otherwise, and a bit-parallel NFA (glob_nfa.h) where RE2
// declines or would thrash, so a thousand `*` cannot blow up.
// Immutable after construction; matches() is safe to call from several threads.
//
// The engine has one more glob matcher, on purpose: prove/value_set.h's glob_matches, which the
// prover runs on the names of its own glob lists (team, project, environment segments). The two
// differ in what they read, so neither can stand in for the other:
//   - here a policy value: `?` is one code point of any UTF-8 text, a `*` or `?` may be literal
//     (GlobPieces from ${*}, ${?} and substituted variables), IgnoreCase folds ASCII, and the
//     text is untrusted, so matching is linear-time whatever the pattern (RE2, or the NFA);
//   - there a prover glob over Vercel's ASCII name alphabets: `?` is one byte (one character of
//     those alphabets), every `*`/`?` is a wildcard, always case-sensitive, and a greedy
//     two-pointer match builds nothing (names are short, and it runs very often).
// Where both apply (valid UTF-8, `?` only against ASCII) they must agree: fuzz/fuzz_glob.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::internal {

// A glob split into pieces, so that a `*` or `?` can also be literal: policy-variable escapes
// ${*} ${?} and substituted variable values are literal text inside StringLike (docs/semantics.md#policy-variables).
struct GlobPiece {
  enum class Kind { literal, star, any_char };
  Kind kind = Kind::literal;
  std::string text;  // kind literal only
};
using GlobPieces = std::vector<GlobPiece>;

// IAM syntax: every `*` and `?` is a wildcard, nothing can be escaped.
GlobPieces parse_glob(std::string_view pattern);
// The pieces written back in policy syntax; a literal `*`/`?` is shown as ${*}/${?}.
std::string glob_text(const GlobPieces& pieces);

class GlobNfa;

class GlobMatcher {
 public:
  explicit GlobMatcher(std::string_view pattern, bool ignore_case = false);
  explicit GlobMatcher(const GlobPieces& pieces, bool ignore_case = false);
  GlobMatcher(GlobMatcher&&) noexcept;
  GlobMatcher& operator=(GlobMatcher&&) noexcept;
  ~GlobMatcher();

  bool matches(std::string_view text) const;
  // matches() for a caller that has already asked has_non_ascii(text) (REQUIRES: `text_ascii`
  // is its negation): a text met by many patterns is scanned once.
  bool matches(std::string_view text, bool text_ascii) const;
  const std::string& pattern() const { return pattern_; }
  bool has_wildcard() const { return has_wildcard_; }
  // True when matching runs on the bit-parallel NFA instead of RE2 (RE2 refused the pattern,
  // or it has so many `*` that RE2's DFA would thrash). For tests and benchmarks.
  bool uses_fallback() const;
  // True when ASCII texts are matched by GlobDirect (glob_direct.h). For tests and benchmarks.
  bool uses_direct() const;
  // matches() without GlobDirect (RE2, or the NFA): for tests that compare the paths.
  bool matches_without_direct(std::string_view text) const;

 private:
  std::string pattern_;
  std::string literal_;  // the whole pattern when it has no wildcard (ASCII-folded if ignore_case)
  bool ignore_case_ = false;
  bool has_wildcard_ = false;
  struct Impl;
  std::unique_ptr<Impl> impl_;  // null when the pattern has no wildcard (plain comparison)
};

// One-off convenience for the reference implementation and tests.
bool glob_match(std::string_view pattern, std::string_view text, bool ignore_case = false);
// Matches without building RE2 (the linear NFA only): for patterns built per request, e.g.
// StringLike values with substituted policy variables.
bool glob_match(const GlobPieces& pieces, std::string_view text, bool ignore_case = false);

}  // namespace trustlint::internal
