// Two renderings of `trustlint test` results: runner-style text (one PASS/FAIL line per
// expectation, then "N passed, N failed") and JUnit XML, of the query layer's SpecResult
// (trustlint/query.h; the JSON, schema trustlint/test/v1, is the engine's render_test_json, which
// the bindings share). The renderers decide nothing.
#pragma once

#include <string>
#include <vector>

#include "trustlint/query.h"

namespace trustlint::cli {

std::string render_test_text(const std::vector<SpecResult>& specs);
std::string render_test_junit(const std::vector<SpecResult>& specs);

}  // namespace trustlint::cli
