// Baselines for adopting lint on a large estate: record the fingerprint (SARIF's
// partialFingerprints, finding_fingerprint()) of every unsuppressed finding once
// (write_baseline), then leave out the findings a baseline holds and report only new ones
// (apply_baseline). The file is {"schema": "trustlint/baseline/v1", "findings": [...]}.
// Also the source texts lint's outputs quote (quoted_sources).
//
// Example:
//   trustlint::Baseline baseline;
//   if (std::string error = trustlint::load_baseline("trustlint-baseline.json", baseline); !error.empty()) fail(error);
//   for (trustlint::LintReport& r : reports) trustlint::apply_baseline(r, baseline, 16 << 20);
//   // r.findings now holds only the findings the baseline did not record
//
// Ownership: Baseline is a plain value (the path and its fingerprints), owned by the caller;
// apply_baseline edits the caller's report in place; nothing keeps a pointer to its arguments.
// Thread safety: the functions keep no state; one Baseline may be read from several threads at
// once, each applying it to a different report.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "trustlint/report.h"

namespace trustlint {

// The fingerprints of a baseline file.
struct Baseline {
  std::string path;
  std::set<std::string> fingerprints;
};
// Reads `path` into `out`; an error message ("" when read) when it cannot be read or is not a
// trustlint/baseline/v1 document.
std::string load_baseline(const std::string& path, Baseline& out);

// Removes the unsuppressed findings of `report` that the baseline holds; a note counts them.
// Fingerprints quote the report's own source (LintReport::source) and, read from disk, any other
// file its findings point into (at most max_bytes each).
void apply_baseline(LintReport& report, const Baseline& baseline, std::size_t max_bytes);

// Writes every unsuppressed finding of `reports` to `path`; an error message on failure, else "".
std::string write_baseline(const std::string& path, const std::vector<LintReport>& reports, std::size_t max_bytes);

// The texts lint's outputs quote: the reports' own (SourceSnapshot::of, nothing read) and the
// other files their findings point into (a Terraform module's other .tf files, a
// templatefile() template), read from disk, at most max_bytes each.
SourceSnapshot quoted_sources(const std::vector<LintReport>& reports, std::size_t max_bytes);
SourceSnapshot quoted_sources(const LintReport& report, std::size_t max_bytes);

}  // namespace trustlint
