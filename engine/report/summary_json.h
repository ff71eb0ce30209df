// The lint summary (LintSummary, report.h) as a JSON object: `summary` of lint's JSON document
// and `runs[0].properties.summary` of its SARIF log, the same fields in both.
#pragma once

#include <nlohmann/json.hpp>

#include "trustlint/report.h"

namespace trustlint::internal {

nlohmann::ordered_json summary_json(const LintSummary& summary);

}  // namespace trustlint::internal
