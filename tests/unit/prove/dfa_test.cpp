// Dfa construction: the fixed automata and the Boolean operations, each against set operations
// on every short string; minimality and the state budget of products.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "prove/automaton.h"
#include "unit/prove/glob_reference.h"

using trustlint::internal::Alphabet;
using trustlint::internal::Dfa;
using trustlint::internal::StateBudget;
using trustlint::test::all_strings;
using trustlint::test::first_disagreement;
using trustlint::test::RandomGlobs;
using trustlint::test::reference_match;

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::dfa_alphabet") {
  const Alphabet a("abca-");
  CHECK(a.chars() == "abc-");
  CHECK(a.index('a') == 0);
  CHECK(a.index('-') == 3);
  CHECK(a.index('z') == -1);
  CHECK(a.contains("cab-"));
  CHECK_FALSE(a.contains("cab:"));
  CHECK(Alphabet().index('\0') == -1);
  CHECK(Alphabet().size() == 0);
}

TEST_CASE("prove::dfa_fixed automata agree with their definitions") {
  const Alphabet alphabet("ab:");
  const auto strings = all_strings("ab:", 6);
  CHECK(Dfa::nothing(alphabet).empty());
  CHECK(Dfa::nothing(alphabet).state_count() == 1);
  CHECK(Dfa::everything(alphabet).state_count() == 1);
  for (const std::string& s : strings) {
    CHECK(Dfa::everything(alphabet).contains(s));
    CHECK_FALSE(Dfa::nothing(alphabet).contains(s));
  }
  for (const std::string w : {"", "a", "ab", "b:a", "aaaa", "a:a:a"}) {
    const Dfa d = Dfa::literal(w, alphabet);
    INFO("literal \"", w, "\"");
    CHECK(d.state_count() == w.size() + 2);
    CHECK(first_disagreement(strings, [&](const std::string& s) { return d.contains(s); },
                             [&](const std::string& s) { return s == w; }) == "<none>");
  }
  CHECK(Dfa::literal("abc", alphabet).empty());
  for (std::size_t lo = 0; lo <= 4; ++lo) {
    for (std::size_t hi = 0; hi <= 5; ++hi) {
      const Dfa d = Dfa::length_between(lo, hi, alphabet);
      INFO("length_between ", lo, " ", hi);
      CHECK(first_disagreement(strings, [&](const std::string& s) { return d.contains(s); },
                               [&](const std::string& s) {
                                 return s.size() >= lo && (hi == 0 || s.size() <= hi);
                               }) == "<none>");
    }
  }
  for (const std::string& w : all_strings("ab:", 4)) {
    const Dfa d = Dfa::without_substring(w, alphabet);
    INFO("without_substring \"", w, "\"");
    CHECK(first_disagreement(strings, [&](const std::string& s) { return d.contains(s); },
                             [&](const std::string& s) {
                               return s.find(w) == std::string::npos;
                             }) == "<none>");
  }
  CHECK(Dfa::without_substring("c", alphabet).state_count() == 1);
}

TEST_CASE("prove::dfa_boolean operations agree with set operations") {
  const Alphabet alphabet("ab:");
  const auto strings = all_strings("ab:", 6);
  RandomGlobs globs("ab:", 7);
  for (int n = 0; n < 300; ++n) {
    const std::string g = globs.next(6), h = globs.next(6);
    StateBudget budget;
    const Dfa a = Dfa::glob(g, alphabet, budget), b = Dfa::glob(h, alphabet, budget);
    const Dfa both = a.intersect(b, budget), either = a.unite(b, budget);
    const Dfa only_a = a.minus(b, budget), not_a = a.complement();
    INFO("globs \"", g, "\" and \"", h, "\"");
    REQUIRE_FALSE(budget.exceeded);
    auto in_a = [&](const std::string& s) { return reference_match(g, s); };
    auto in_b = [&](const std::string& s) { return reference_match(h, s); };
    auto agree = [&](const Dfa& d, auto slow) {
      return first_disagreement(strings, [&](const std::string& s) { return d.contains(s); },
                                slow);
    };
    CHECK(agree(both, [&](const std::string& s) { return in_a(s) && in_b(s); }) == "<none>");
    CHECK(agree(either, [&](const std::string& s) { return in_a(s) || in_b(s); }) == "<none>");
    CHECK(agree(only_a, [&](const std::string& s) { return in_a(s) && !in_b(s); }) == "<none>");
    CHECK(agree(not_a, [&](const std::string& s) { return !in_a(s); }) == "<none>");
    CHECK_FALSE(not_a.contains("c"));  // the complement stays within the alphabet
    // Minimal: a product is never bigger than the automaton built for the same language again.
    CHECK(both.equivalent(b.intersect(a, budget), budget));
    CHECK(either.equivalent(not_a.complement().unite(b, budget), budget));
    CHECK(only_a.equivalent(a.intersect(b.complement(), budget), budget));
  }
}

TEST_CASE("prove::dfa_product stops at the state budget") {
  const Alphabet alphabet("ab");
  StateBudget roomy;
  const Dfa a = Dfa::glob("*a?????", alphabet, roomy), b = Dfa::glob("*b????", alphabet, roomy);
  REQUIRE_FALSE(roomy.exceeded);
  // Either condition on the last six characters: the union must remember most of them.
  CHECK(a.unite(b, roomy).state_count() > 32);
  CHECK_FALSE(roomy.exceeded);
  StateBudget tiny;
  tiny.max_states = 8;
  const Dfa d = a.unite(b, tiny);
  CHECK(tiny.exceeded);
  CHECK(d.empty());
  StateBudget tiny_subset;
  tiny_subset.max_states = 8;
  CHECK_FALSE(a.subset_of(a, tiny_subset));  // true, but proving it visits 64 pairs
  CHECK(tiny_subset.exceeded);
}

TEST_SUITE_END();
