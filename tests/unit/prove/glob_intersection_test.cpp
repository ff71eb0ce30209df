// glob_intersection: the union of the returned globs is exactly the intersection (on every short
// string and as automata), no returned glob contains another, and the cap is honoured.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "prove/automaton.h"
#include "unit/prove/glob_reference.h"

using trustlint::internal::Alphabet;
using trustlint::internal::Dfa;
using trustlint::internal::glob_for_literal;
using trustlint::internal::glob_intersection;
using trustlint::internal::StateBudget;
using trustlint::test::all_strings;
using trustlint::test::first_disagreement;
using trustlint::test::RandomGlobs;
using trustlint::test::reference_match;

namespace {

const Alphabet kVercel("abcdefghijklmnopqrstuvwxyz0123456789-");

// Checks `globs` as an answer for a ∩ b over the alphabet.
void check_answer(const std::vector<std::string>& globs, const std::string& a,
                  const std::string& b, const Alphabet& alphabet) {
  StateBudget budget;
  Dfa unite = Dfa::nothing(alphabet);
  for (const std::string& g : globs) unite = unite.unite(Dfa::glob(g, alphabet, budget), budget);
  const Dfa want = Dfa::glob(a, alphabet, budget).intersect(Dfa::glob(b, alphabet, budget), budget);
  REQUIRE_FALSE(budget.exceeded);
  CHECK(unite.equivalent(want, budget));
  for (std::size_t i = 0; i < globs.size(); ++i) {
    const Dfa gi = Dfa::glob(globs[i], alphabet, budget);
    CHECK_FALSE(gi.empty());
    for (std::size_t j = 0; j < globs.size(); ++j) {
      if (i != j) CHECK_FALSE(gi.subset_of(Dfa::glob(globs[j], alphabet, budget), budget));
    }
  }
}

}  // namespace

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::glob_intersection equals the intersection on random globs") {
  const auto strings = all_strings("ab:", 7);
  RandomGlobs globs("ab:", 1129);
  for (int n = 0; n < 300; ++n) {
    const std::string a = globs.next(6), b = globs.next(6);
    // Over "ab" too, where every glob needing ':' must be dropped.
    for (const Alphabet& alphabet : {Alphabet("ab:"), Alphabet("ab")}) {
      INFO("globs \"", a, "\" and \"", b, "\" over \"", alphabet.chars(), "\"");
      const auto result = glob_intersection(a, b, alphabet);
      REQUIRE(result.has_value());
      CHECK(first_disagreement(
                strings,
                [&](const std::string& s) {
                  if (!alphabet.contains(s)) return false;
                  for (const std::string& g : *result) {
                    if (reference_match(g, s)) return true;
                  }
                  return false;
                },
                [&](const std::string& s) {
                  return alphabet.contains(s) && reference_match(a, s) && reference_match(b, s);
                }) == "<none>");
      check_answer(*result, a, b, alphabet);
    }
  }
}

TEST_CASE("prove::glob_intersection targeted cases") {
  using Globs = std::vector<std::string>;
  CHECK(glob_intersection("acme*", "*-evil", kVercel) == Globs{"acme*-evil"});
  CHECK(glob_intersection("acme", "acme", kVercel) == Globs{"acme"});
  CHECK(glob_intersection("acme", "acme-evil", kVercel) == Globs{});
  CHECK(glob_intersection("*", "a?c", kVercel) == Globs{"a?c"});
  CHECK(glob_intersection("a*", "*a", kVercel) == Globs{"a", "a*a"});
  CHECK(glob_intersection("**", "***", kVercel) == Globs{"*"});
  CHECK(glob_intersection("?", "?", Alphabet("")) == Globs{});
  // ':' is outside a segment alphabet, so a segment pattern needing one matches nothing.
  CHECK(glob_intersection("acme:*", "*", kVercel) == Globs{});

  const Alphabet subject("abcdefghijklmnopqrstuvwxyz0123456789-:");
  const std::string pinned = "owner:acme:project:*:environment:production";
  const std::string loose = "owner:*:project:web*:environment:*";
  const auto both = glob_intersection(pinned, loose, subject);
  REQUIRE(both.has_value());
  // The loose '*' after "owner:" may swallow "acme:project:…", hence the two longer globs.
  CHECK(*both == Globs{"owner:acme:project:*:project:web*:environment:production",
                       "owner:acme:project:project:web*:environment:production",
                       "owner:acme:project:web*:environment:production"});
  check_answer(*both, pinned, loose, subject);
  const auto crossing = glob_intersection("owner:acme*", "*:environment:preview", subject);
  REQUIRE(crossing.has_value());
  check_answer(*crossing, "owner:acme*", "*:environment:preview", subject);
}

TEST_CASE("prove::glob_intersection gives up past max_globs") {
  // "*a*b*" ∩ "*b*a*": the two orders, plus the overlaps; more than one glob is needed.
  const auto some = glob_intersection("*a*b*", "*b*a*", kVercel);
  REQUIRE(some.has_value());
  CHECK(some->size() > 1);
  check_answer(*some, "*a*b*", "*b*a*", kVercel);
  CHECK(glob_intersection("*a*b*", "*b*a*", kVercel, 1) == std::nullopt);
  CHECK(glob_intersection("*a*b*", "*b*a*", kVercel, some->size()) == some);
  // Hostile sizes end quickly: ~200 globs would be needed here.
  CHECK(glob_intersection(std::string(200, '?') + "*", "*" + std::string(150, 'a') + "*",
                          kVercel) == std::nullopt);
  CHECK(glob_intersection("*a*b*c*d*e*f*", "*f*e*d*c*b*a*", kVercel) == std::nullopt);
}

TEST_CASE("prove::glob_for_literal") {
  CHECK(glob_for_literal("owner:acme:project:web") == "owner:acme:project:web");
  CHECK(glob_for_literal("") == "");
  CHECK(glob_for_literal("a*b") == std::nullopt);
  CHECK(glob_for_literal("a?b") == std::nullopt);
}

TEST_SUITE_END();
