// The steps of lint_paths() (trustlint/lint_paths.h) that work on the files found: linting them
// on a pool of threads, the files a Terraform role read through, and the report of a file not
// read. Internal to engine/query; every function is safe from several threads.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "trustlint/discover.h"
#include "trustlint/lint.h"
#include "trustlint/options.h"

namespace trustlint::internal {

// Lints files[i] with options[i] (none: skipped, its configuration is unusable) on at most
// `threads` threads (0: one per core; never more than 8 nor than files). Reports come back in
// file order, each file's roles in file order. "-" is standard input; git:REV:PATH is read with
// git (a failure is that file's one input_failed report, TL001 at the input).
std::vector<std::optional<std::vector<LintReport>>> lint_files(const std::vector<std::string>& files,
                                                               const std::vector<std::optional<LintOptions>>& options,
                                                               const LoadOptions& load, std::size_t threads);

// The files that roles read besides their own (LintReport::read_files), as file_identity() names
// them (`files[i]` is the file linted[i] was read from).
std::set<std::string> files_read_through(const std::vector<std::string>& files,
                                         const std::vector<std::optional<std::vector<LintReport>>>& linted);

// A file reported instead of read (discover.h): its one finding at 1:1.
LintReport unread_report(const Unread& unread);

// Input read from "-" takes the name --stdin-filename gives (messages, JSON, SARIF, baselines).
void name_stdin(LintReport& report, const std::string& name);

}  // namespace trustlint::internal
