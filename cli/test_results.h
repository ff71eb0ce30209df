// The results of `trustlint test` and their three renderings: runner-style text (one PASS/FAIL
// line per expectation, then "N passed, N failed"), JSON (schema trustlint/test/v1) and JUnit
// XML. Plain values; the renderers decide nothing.
#pragma once

#include <string>
#include <vector>

#include "trustlint/spec.h"

namespace trustlint::cli {

struct ExpectationResult {
  Expectation expectation;
  ExpectationOutcome outcome;
};

struct SpecResult {
  std::string file;
  std::string policy;        // the policy's path as read
  std::string error;         // non-empty: the spec or its policy could not be read (details on stderr)
  std::vector<ExpectationResult> results;
};

struct TestTotals {
  std::size_t passed = 0, failed = 0, errors = 0;
};

TestTotals totals(const std::vector<SpecResult>& specs);
std::string render_test_text(const std::vector<SpecResult>& specs);
std::string render_test_json(const std::vector<SpecResult>& specs, int exit_code);
std::string render_test_junit(const std::vector<SpecResult>& specs);

}  // namespace trustlint::cli
