// The lint of one policy as some source loaded it (a plain file, or one role of an IaC input):
// its grammar diagnostics become findings, then the security rules run when those leave the
// policy's meaning intact. Shared by lint_file() and lint_sources(). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "trustlint/lint.h"

namespace trustlint::internal {

// `path` names the file when `loaded` carries no document. A non-empty `skip_security` keeps the
// Vercel rules from running; unless `skip_all`, the prover-free rules (rules_plain.h: other
// providers, keys, actions) still run. The note says which.
LintReport lint_loaded(const Result<Document>& loaded, const std::string& path, const LintOptions& options,
                       std::string_view skip_security, bool skip_all = false);

// lint_sources() on text already read: `path` as given ("-" for stdin) names a report of a file
// that does not parse, `file` names spans ("<stdin>"); `on_disk`: a .tf file's directory is its
// module.
std::vector<LintReport> lint_read(std::string_view text, const std::string& path, const std::string& file, bool on_disk,
                                  const LintOptions& options, const LoadOptions& load);

}  // namespace trustlint::internal
