// glob_matches (prove/value_set.h), the prover's direct matcher for names, against the slow
// recursive reference on every pattern and text over a small alphabet, '*' and '?' included in
// the text (found by fuzz/fuzz_glob: a '*' in the text once consumed the pattern's '*' as a
// literal).
#include <doctest/doctest.h>

#include "prove/value_set.h"
#include "unit/prove/glob_reference.h"

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::glob_matches agrees with the reference, wildcard characters in the text too") {
  using trustlint::internal::glob_matches;
  const auto strings = trustlint::test::all_strings("ab*?", 5);
  std::size_t compared = 0;
  for (const auto& p : strings) {
    for (const auto& t : strings) {
      if (glob_matches(p, t) != trustlint::test::reference_match(p, t)) {
        FAIL("glob_matches(\"" << p << "\", \"" << t << "\") disagrees with the reference");
      }
      ++compared;
    }
  }
  CHECK(glob_matches("*b", "*ab"));
  CHECK(compared > 1'000'000);
}

TEST_SUITE_END();
