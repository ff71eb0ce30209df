// The results of `trustlint test` and their three renderings: runner-style text (one PASS/FAIL
// line per expectation, then "N passed, N failed"), JSON (schema trustlint/test/v1) and JUnit
// XML, of the query layer's SpecResult (trustlint/query.h). The renderers decide nothing.
#pragma once

#include <string>
#include <vector>

#include "trustlint/query.h"

namespace trustlint::cli {

std::string render_test_text(const std::vector<SpecResult>& specs);
std::string render_test_json(const std::vector<SpecResult>& specs, int exit_code);
std::string render_test_junit(const std::vector<SpecResult>& specs);

}  // namespace trustlint::cli
