// Baselines for adopting lint on a large estate: `lint --write-baseline FILE` records the
// fingerprint (as in SARIF's partialFingerprints) of every unsuppressed finding; `lint --baseline
// FILE` then leaves out the findings it holds and reports only new ones.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "trustlint/report.h"

namespace trustlint::cli {

// The fingerprints of a baseline file, or an error message when it cannot be read or is not a
// trustlint/baseline/v1 document.
struct Baseline {
  std::string path;
  std::set<std::string> fingerprints;
};
std::string load_baseline(const std::string& path, Baseline& out);

// Removes the unsuppressed findings of `report` that the baseline holds; a note counts them.
void apply_baseline(LintReport& report, const Baseline& baseline, std::size_t max_bytes);

// Writes every unsuppressed finding of `reports` to `path`; an error message on failure.
std::string write_baseline(const std::string& path, const std::vector<LintReport>& reports, std::size_t max_bytes);

}  // namespace trustlint::cli
