// Dfa queries against brute force: emptiness, inclusion and equivalence with witnesses checked by
// the direct matcher, and examples checked to be the shortlex-first members.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "prove/automaton.h"
#include "unit/prove/glob_reference.h"

using trustlint::internal::Alphabet;
using trustlint::internal::Dfa;
using trustlint::internal::StateBudget;
using trustlint::test::all_strings;
using trustlint::test::RandomGlobs;
using trustlint::test::reference_match;

namespace {

constexpr std::size_t kMaxLen = 6;

// The first enumerated string (shortlex order) accepted by d and not in `avoid`.
std::optional<std::string> first_enumerated(const std::vector<std::string>& strings, const Dfa& d,
                                            const std::vector<std::string>& avoid = {}) {
  for (const std::string& s : strings) {
    if (d.contains(s) && std::find(avoid.begin(), avoid.end(), s) == avoid.end()) return s;
  }
  return std::nullopt;
}

// An example is right when it is a member and either it is the first enumerated member, or it is
// longer than every enumerated string and no enumerated string is a member.
void check_example(const std::optional<std::string>& example, const Dfa& d,
                   const std::vector<std::string>& strings,
                   const std::vector<std::string>& avoid = {}) {
  const auto first = first_enumerated(strings, d, avoid);
  if (!example) {
    CHECK_FALSE(first.has_value());
    return;
  }
  CHECK(d.contains(*example));
  CHECK(std::find(avoid.begin(), avoid.end(), *example) == avoid.end());
  if (example->size() <= kMaxLen) {
    CHECK(first == example);
  } else {
    CHECK_FALSE(first.has_value());
  }
}

}  // namespace

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::dfa_queries agree with brute force on random globs") {
  const Alphabet alphabet("ab:");
  const auto strings = all_strings("ab:", kMaxLen);
  RandomGlobs globs("ab:", 42);
  int subsets = 0, equivalents = 0, empties = 0;
  for (int n = 0; n < 400; ++n) {
    const std::string g = globs.next(5), h = n % 5 == 0 ? g + "*" : globs.next(5);
    StateBudget budget;
    const Dfa a = Dfa::glob(g, alphabet, budget), b = Dfa::glob(h, alphabet, budget);
    const Dfa both = a.intersect(b, budget), only_a = a.minus(b, budget);
    INFO("globs \"", g, "\" and \"", h, "\"");

    // Examples: members, shortest, first in alphabet order (checked on several languages).
    for (const Dfa* d : {&a, &b, &both, &only_a}) {
      check_example(d->shortest_example(), *d, strings);
      CHECK(d->empty() == !d->shortest_example().has_value());
    }
    empties += both.empty() ? 1 : 0;

    // Inclusion: true needs every enumerated member of a in b; false needs a witness that the
    // reference puts in a and not in b.
    const bool sub = a.subset_of(b, budget);
    if (sub) {
      ++subsets;
      for (const std::string& s : strings) {
        if (reference_match(g, s)) CHECK(reference_match(h, s));
      }
    } else {
      const auto witness = only_a.shortest_example();
      REQUIRE(witness.has_value());
      CHECK(reference_match(g, *witness));
      CHECK_FALSE(reference_match(h, *witness));
    }
    CHECK(sub == only_a.empty());
    const bool eq = a.equivalent(b, budget);
    equivalents += eq ? 1 : 0;
    CHECK(eq == (sub && b.subset_of(a, budget)));
    CHECK(a.equivalent(a.unite(a, budget), budget));
    CHECK_FALSE(budget.exceeded);

    // Varied examples: the first members once the earlier ones are avoided.
    std::vector<std::string> avoid;
    for (int k = 0; k < 4; ++k) {
      const auto e = a.example_avoiding(avoid);
      check_example(e, a, strings, avoid);
      if (!e) break;
      avoid.push_back(*e);
    }
  }
  // The random mix exercises both outcomes of every query.
  CHECK(subsets > 40);
  CHECK(equivalents > 5);
  CHECK(empties > 20);
}

TEST_CASE("prove::dfa_queries examples over a claim alphabet") {
  const Alphabet alphabet("abcdefghijklmnopqrstuvwxyz0123456789-");
  StateBudget budget;
  CHECK(Dfa::glob("acme*", alphabet, budget).shortest_example() == "acme");
  CHECK(Dfa::glob("*", alphabet, budget).shortest_example() == "");
  CHECK(Dfa::glob("?*", alphabet, budget).shortest_example() == "a");
  CHECK(Dfa::glob("*-?", alphabet, budget).shortest_example() == "-a");
  CHECK_FALSE(Dfa::glob("a:*", alphabet, budget).shortest_example().has_value());
  const Dfa acme = Dfa::glob("acme*", alphabet, budget);
  CHECK(acme.example_avoiding({"acme"}) == "acmea");
  CHECK(acme.example_avoiding({"acme", "acmea", "zzz"}) == "acmeb");
  CHECK(acme.example_avoiding({"acme:", "ACME"}) == "acme");
  CHECK(Dfa::literal("web", alphabet).example_avoiding({"web"}) == std::nullopt);
  CHECK(Dfa::nothing(alphabet).example_avoiding({}) == std::nullopt);
  CHECK(Dfa::everything(alphabet).contains(""));
  CHECK_FALSE(Dfa::everything(alphabet).contains("Acme"));
  CHECK_FALSE(budget.exceeded);
}

TEST_CASE("prove::dfa_queries a wide language yields examples without enumerating it") {
  // Twenty '?' then anything: every member is at least 20 long and there are 37^20 of them.
  const Alphabet alphabet("abcdefghijklmnopqrstuvwxyz0123456789-");
  StateBudget budget;
  const Dfa d = Dfa::glob(std::string(20, '?') + "*", alphabet, budget);
  CHECK(d.shortest_example() == std::string(20, 'a'));
  CHECK(d.example_avoiding({std::string(20, 'a')}) == std::string(19, 'a') + "b");
}

TEST_SUITE_END();
