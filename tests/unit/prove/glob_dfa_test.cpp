// Dfa::glob against the direct matcher on every short string, plus the patterns that matter for
// Vercel subjects and the ones built to blow up.
#include <doctest/doctest.h>

#include <string>

#include "prove/automaton.h"
#include "unit/prove/glob_reference.h"

using trustlint::internal::Alphabet;
using trustlint::internal::Dfa;
using trustlint::internal::StateBudget;
using trustlint::test::all_strings;
using trustlint::test::first_disagreement;
using trustlint::test::RandomGlobs;
using trustlint::test::reference_match;

namespace {
const Alphabet kVercel("abcdefghijklmnopqrstuvwxyz0123456789-");
const Alphabet kSubject("abcdefghijklmnopqrstuvwxyz0123456789-:");
}  // namespace

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::dfa_glob matches the reference on every short string (docs/semantics.md#string-operators)") {
  const Alphabet alphabet("ab:");
  const auto strings = all_strings("ab:", 7);
  RandomGlobs globs("ab:", 20261129);
  for (int n = 0; n < 400; ++n) {
    const std::string g = globs.next(7);
    StateBudget budget;
    const Dfa d = Dfa::glob(g, alphabet, budget);
    INFO("glob \"", g, "\"");
    REQUIRE_FALSE(budget.exceeded);
    CHECK(first_disagreement(
              strings, [&](const std::string& s) { return d.contains(s); },
              [&](const std::string& s) { return reference_match(g, s); }) == "<none>");
    CHECK_FALSE(d.contains("c"));  // outside the alphabet: in no language
    CHECK_FALSE(d.contains(std::string(1, '\0')));
  }
}

TEST_CASE("prove::dfa_glob literals outside the alphabet match nothing") {
  StateBudget budget;
  CHECK(Dfa::glob("acme*", Alphabet("ab"), budget).empty());
  CHECK(Dfa::glob("owner:*", kVercel, budget).empty());  // ':' is never in a segment (docs/semantics.md#vercel-name-alphabets)
  CHECK_FALSE(Dfa::glob("owner:*", kSubject, budget).empty());
  CHECK(Dfa::glob("?", Alphabet(""), budget).empty());
  CHECK(Dfa::glob("*", Alphabet(""), budget).contains(""));
  CHECK_FALSE(budget.exceeded);
}

TEST_CASE("prove::dfa_glob Vercel subjects") {
  StateBudget budget;
  const Dfa d = Dfa::glob("owner:acme:project:*:environment:production", kSubject, budget);
  CHECK(d.contains("owner:acme:project:web:environment:production"));
  CHECK(d.contains("owner:acme:project::environment:production"));
  CHECK(d.contains("owner:acme:project:a:b:environment:production"));  // '*' crosses ':'
  CHECK_FALSE(d.contains("owner:acme-evil:project:web:environment:production"));
  CHECK_FALSE(d.contains("owner:acme:project:web:environment:preview"));
  CHECK_FALSE(d.contains("owner:acme:project:Web:environment:production"));  // no uppercase
  const Dfa any_env = Dfa::glob("owner:acme:project:web:environment:*", kSubject, budget);
  CHECK(any_env.contains("owner:acme:project:web:environment:development"));
  CHECK(any_env.contains("owner:acme:project:web:environment:"));
  CHECK_FALSE(budget.exceeded);
  CHECK(d.shortest_example() == "owner:acme:project::environment:production");
}

TEST_CASE("prove::dfa_glob a thousand stars collapse") {
  StateBudget budget;
  CHECK(Dfa::glob(std::string(1000, '*'), kVercel, budget).state_count() == 1);
  const Dfa d = Dfa::glob("a" + std::string(1000, '*') + "b", kVercel, budget);
  CHECK(d.state_count() == Dfa::glob("a*b", kVercel, budget).state_count());
  CHECK(d.equivalent(Dfa::glob("a*b", kVercel, budget), budget));
  std::string alternating;
  for (int i = 0; i < 1000; ++i) alternating += "*a";
  const Dfa many = Dfa::glob(alternating + "*", kVercel, budget);
  CHECK(many.state_count() == 1001);  // counts the a's seen, up to 1000
  CHECK(many.contains(std::string(1000, 'a')));
  CHECK_FALSE(many.contains(std::string(999, 'a')));
  CHECK_FALSE(budget.exceeded);
}

TEST_CASE("prove::dfa_glob stops at the state budget") {
  // "*a" followed by n '?' needs 2^(n+1) states: the last n+1 characters must be remembered.
  StateBudget budget;
  budget.max_states = 1000;
  const Dfa d = Dfa::glob("*a" + std::string(12, '?'), Alphabet("ab"), budget);
  CHECK(budget.exceeded);
  CHECK(d.empty());
  StateBudget roomy;
  CHECK(Dfa::glob("*a" + std::string(8, '?'), Alphabet("ab"), roomy).state_count() == 512);
  CHECK_FALSE(roomy.exceeded);
}

TEST_SUITE_END();
