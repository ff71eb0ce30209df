// Tests for GlobMatcher / glob_match (docs/semantics.md#string-operators): the direct path, the RE2 path, the NFA
// fallback, each agreeing with a slow, obvious reference matcher.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "condition/glob.h"
#include "condition/glob_direct.h"
#include "condition/glob_nfa.h"

using trustlint::internal::glob_match;
using trustlint::internal::GlobDirect;
using trustlint::internal::GlobMatcher;
using trustlint::internal::GlobNfa;
using trustlint::internal::GlobPiece;
using trustlint::internal::GlobPieces;
using trustlint::internal::parse_glob;

namespace {

// Obvious reference: recursive over bytes (ASCII-only inputs), exponential but tiny inputs.
bool reference_match(std::string_view p, std::string_view t) {
  if (p.empty()) return t.empty();
  if (p[0] == '*') return reference_match(p.substr(1), t) || (!t.empty() && reference_match(p, t.substr(1)));
  if (t.empty()) return false;
  if (p[0] == '?' || p[0] == t[0]) return reference_match(p.substr(1), t.substr(1));
  return false;
}

}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::glob anchored whole-value match (docs/semantics.md#string-operators)") {
  struct Row {
    const char* pattern;
    const char* text;
    bool want;
  };
  const Row rows[] = {
      {"owner:acme:project:*:environment:preview", "owner:acme:project:web:environment:preview", true},
      {"owner:acme:project:*:environment:preview", "owner:acme:project:web:environment:production", false},
      {"owner:acme:*", "owner:acme:", true},                  // `*` matches the empty run
      {"owner:acme:*", "xowner:acme:a", false},               // anchored at the start
      {"*:preview", "a:preview:x", false},                    // anchored at the end
      {"a*b", "a:/x/y:b", true},                              // `*` crosses ':' and '/'
      {"a*b", "a\nb", true},                                  // and newlines (docs/semantics.md#string-operators, u)
      {"a?c", "abc", true},
      {"a?c", "ac", false},
      {"a?c", "abbc", false},
      {"a?c", "a\xC3\xA9" "c", true},                         // `?` is one code point (é)
      {"a??c", "a\xC3\xA9" "c", false},
      {"a?c", "a\nc", true},
      {"", "", true},
      {"", "a", false},
      {"*", "", true},
      {"***", "anything", true},
      {"a.c", "abc", false},                                  // regex metacharacters are literal
      {"a+(b)[c]{1}|^$\\", "a+(b)[c]{1}|^$\\", true},
      {"abc", "ABC", false},                                  // case-sensitive
  };
  for (const Row& r : rows) {
    const std::string r_pattern_str = r.pattern;
    CAPTURE(r_pattern_str);
    const std::string r_text_str = r.text;
    CAPTURE(r_text_str);
    CHECK(glob_match(r.pattern, r.text) == r.want);
    CHECK(GlobNfa(parse_glob(r.pattern), false).matches(r.text) == r.want);
  }
}

TEST_CASE("condition::glob ignore_case folds ASCII only (docs/semantics.md#string-operators)") {
  CHECK(glob_match("Owner:*", "OWNER:acme", true));
  CHECK(glob_match("owner", "OWNER", true));
  CHECK_FALSE(glob_match("\xC3\xA9*", "\xC3\x89x", true));  // é vs É: not folded
  CHECK(GlobNfa(parse_glob("Owner:*"), true).matches("oWNER:x"));
}

TEST_CASE("condition::glob literal wildcard pieces (docs/semantics.md#policy-variables escapes)") {
  GlobPieces pieces = parse_glob("a*");
  pieces.push_back({GlobPiece::Kind::literal, "*?"});
  GlobMatcher m(pieces);
  CHECK(m.pattern() == "a*${*}${?}");
  CHECK(m.matches("axyz*?"));
  CHECK_FALSE(m.matches("axyz*x"));
  CHECK(glob_match(pieces, "a*?"));
  CHECK_FALSE(glob_match(pieces, "ab?"));
  GlobMatcher literal(GlobPieces{{GlobPiece::Kind::literal, "x*"}});
  CHECK_FALSE(literal.has_wildcard());
  CHECK(literal.matches("x*"));
  CHECK_FALSE(literal.matches("xy"));
}

TEST_CASE("condition::glob invalid UTF-8 text: one byte is one character (docs/semantics.md#string-operators)") {
  CHECK(glob_match("a*", "a\xFF\xFE"));
  CHECK(glob_match("a?b", "a\xFF" "b"));
  CHECK_FALSE(glob_match("a?b", "a\xFF\xFE" "b"));
}

TEST_CASE("condition::glob pathological patterns stay linear (docs/semantics.md#string-operators)") {
  std::string text(100 * 1024, 'a');
  text.back() = 'b';
  const std::string stars(1000, '*');
  GlobMatcher many_stars(stars + "c");
  CHECK_FALSE(many_stars.matches(text));
  CHECK(GlobMatcher(stars).matches(text));

  std::string alternating;
  for (int i = 0; i < 1000; ++i) alternating += "*a";
  GlobMatcher alt(alternating);
  CHECK(alt.uses_fallback());
  CHECK_FALSE(alt.matches(text));            // ends in 'b'
  CHECK(GlobMatcher(alternating + "*").matches(text));
  CHECK(GlobMatcher(alternating + "?").matches(text));

  std::string questions(20000, '?');
  CHECK_FALSE(GlobMatcher(questions).matches(text));
}

TEST_CASE("condition::glob RE2 path and NFA agree with a reference (docs/semantics.md#string-operators)") {
  std::mt19937 rng(20261129);
  const std::string pattern_alphabet = "ab*?:";
  const std::string text_alphabet = "ab:";
  for (int iter = 0; iter < 3000; ++iter) {
    std::string p, t;
    const int pl = static_cast<int>(rng() % 8), tl = static_cast<int>(rng() % 9);
    for (int i = 0; i < pl; ++i) p += pattern_alphabet[rng() % pattern_alphabet.size()];
    for (int i = 0; i < tl; ++i) t += text_alphabet[rng() % text_alphabet.size()];
    CAPTURE(p);
    CAPTURE(t);
    const bool want = reference_match(p, t);
    const GlobMatcher matcher(p);
    CHECK(matcher.matches(t) == want);
    CHECK(matcher.matches_without_direct(t) == want);  // RE2
    CHECK(GlobNfa(parse_glob(p), false).matches(t) == want);
    const GlobDirect direct(parse_glob(p), false);
    REQUIRE(direct.usable());
    CHECK(direct.matches(t) == want);
  }
}

TEST_CASE("condition::glob direct path: when it applies, IgnoreCase, literal wildcards (docs/semantics.md#string-operators)") {
  CHECK(GlobMatcher("owner:acme:project:*:environment:prod?ction").uses_direct());
  CHECK_FALSE(GlobMatcher("owner:\xC3\xA9*").uses_direct());                 // a non-ASCII literal
  CHECK_FALSE(GlobMatcher(std::string(GlobDirect::kMaxSegment + 1, 'a') + "*").uses_direct());
  std::string stars;
  for (std::size_t i = 0; i <= GlobDirect::kMaxStars; ++i) stars += "a*";
  CHECK_FALSE(GlobMatcher(stars).uses_direct());
  // Non-ASCII texts go to RE2 or the NFA: `?` is one code point there.
  CHECK(GlobMatcher("a?b").matches("a\xC3\xA9" "b"));
  CHECK_FALSE(GlobMatcher("a??b").matches("a\xC3\xA9" "b"));
  // IgnoreCase folds ASCII on both sides.
  const GlobMatcher folded("STS:Assume*", true);
  CHECK(folded.uses_direct());
  CHECK(folded.matches("sts:assumerolewithwebidentity"));
  CHECK(folded.matches("StS:ASSUMERole"));
  CHECK_FALSE(folded.matches("sts:tagsession"));
  // A literal `*` or `?` (a policy-variable escape) stays literal.
  const GlobMatcher literal(GlobPieces{{GlobPiece::Kind::literal, "a*"}, {GlobPiece::Kind::star, {}},
                                       {GlobPiece::Kind::literal, "?b"}});
  CHECK(literal.uses_direct());
  CHECK(literal.matches("a*xx?b"));
  CHECK_FALSE(literal.matches("axx?b"));
  CHECK_FALSE(literal.matches("a*xxzb"));
  // Random ASCII patterns with IgnoreCase against the NFA, on a wider alphabet.
  std::mt19937 rng(7);
  const std::string alphabet = "aAbB*?:-";
  for (int iter = 0; iter < 3000; ++iter) {
    std::string p, t;
    for (int i = 0, n = static_cast<int>(rng() % 10); i < n; ++i) p += alphabet[rng() % alphabet.size()];
    for (int i = 0, n = static_cast<int>(rng() % 12); i < n; ++i) t += "aAbB:-"[rng() % 6];
    CAPTURE(p);
    CAPTURE(t);
    const GlobMatcher m(p, true);
    CHECK(m.matches(t) == GlobNfa(parse_glob(p), true).matches(t));
    CHECK(m.matches(t) == m.matches_without_direct(t));
  }
}

TEST_CASE("condition::glob direct path on long segments, eight bytes at a time (docs/semantics.md#string-operators)") {
  // Segments of 0 to 40 bytes (whole words, a last partial word, `?` anywhere in a word) against
  // texts made from the pattern (so that most match) with one byte changed in some; with and
  // without IgnoreCase, against the NFA.
  std::mt19937 rng(20261206);
  const std::string alphabet = "aAbBzZ@[`{:-09";  // the bytes around 'A'..'Z' and 'a'..'z' too
  auto pick = [&](const std::string& from) { return from[rng() % from.size()]; };
  for (int iter = 0; iter < 4000; ++iter) {
    std::string p, t;
    const int segments = 1 + static_cast<int>(rng() % 4);
    for (int s = 0; s < segments; ++s) {
      if (s > 0) {
        p += '*';
        for (int i = 0, n = static_cast<int>(rng() % 5); i < n; ++i) t += pick(alphabet);
      }
      for (int i = 0, n = static_cast<int>(rng() % 41); i < n; ++i) {
        const char c = rng() % 9 == 0 ? '?' : pick(alphabet);
        p += c;
        char in_text = c == '?' ? pick(alphabet) : c;
        if (rng() % 2 && in_text >= 'a' && in_text <= 'z') in_text = static_cast<char>(in_text - 'a' + 'A');
        t += in_text;
      }
    }
    if (!t.empty() && rng() % 3 == 0) t[rng() % t.size()] = pick(alphabet);
    CAPTURE(p);
    CAPTURE(t);
    for (bool ignore_case : {false, true}) {
      const GlobDirect direct(parse_glob(p), ignore_case);
      REQUIRE(direct.usable());
      CHECK(direct.matches(t) == GlobNfa(parse_glob(p), ignore_case).matches(t));
    }
  }
}

TEST_CASE("condition::glob NFA across word boundaries (docs/semantics.md#string-operators)") {
  // Patterns longer than 64 positions exercise the carries between bitset words.
  std::string p, t;
  for (int i = 0; i < 70; ++i) p += (i % 7 == 3) ? "*" : (i % 5 == 0 ? "?" : "x");
  for (int i = 0; i < 200; ++i) t += 'x';
  CHECK(GlobNfa(parse_glob(p), false).matches(t) == reference_match(p, t));
  std::string long_literal(130, 'q');
  CHECK(GlobNfa(parse_glob(long_literal + "*"), false).matches(long_literal + "zz"));
  CHECK_FALSE(GlobNfa(parse_glob(long_literal + "?"), false).matches(long_literal));
  CHECK(GlobNfa(parse_glob(long_literal + "?"), false).matches(long_literal + "\xE2\x82\xAC"));
}

TEST_SUITE_END();
