// The results of `trustlint test` (run_spec, query.h) and their three renderings: runner-style
// text (one PASS/FAIL line per expectation, then "N passed, N failed"), JSON (schema
// trustlint/test/v1) and JUnit XML. Here, beside the other renderers, so that a binding renders
// the same text as the CLI. The renderers decide nothing.
//
// Example:
//   std::vector<trustlint::SpecResult> specs;
//   for (const auto& f : trustlint::find_spec_files({"specs/"}, errors)) specs.push_back(trustlint::run_spec(f));
//   std::cout << trustlint::render_test_text(specs);  // or render_test_json(specs, exit_code), render_test_junit
//
// Ownership: the renderers read their arguments and return a new string.
// Thread safety: stateless; safe from several threads.
#pragma once

#include <string>
#include <vector>

#include "trustlint/query.h"

namespace trustlint {

std::string render_test_text(const std::vector<SpecResult>& specs);
// Schema trustlint/test/v1 (README "test --format json"): every spec, its expectations and the
// totals (engine/report/test_json.cpp; the bindings return the same document).
std::string render_test_json(const std::vector<SpecResult>& specs, int exit_code);
std::string render_test_junit(const std::vector<SpecResult>& specs);

}  // namespace trustlint
