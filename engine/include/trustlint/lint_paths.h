// lint_paths(): a whole `lint` run over files, directories, standard input ("-") and
// git:REV:PATH inputs, as the CLI, the Python and Node bindings and the tests ask it. It finds
// the inputs (discover.h), loads each file's .trustlint.yaml (lint_config.h) once per
// configuration, merges the rule flags and expected teams into LintOptions, lints the files on a
// few threads (reports in file order), reports a Terraform module's file once, applies or writes a
// baseline (baseline.h), and reports every file it did not read: nothing is passed silently, and
// a run that checked no role is an error (TL087) unless allow_empty says that is expected.
//
// Example:
//   trustlint::LintPathsOptions options;
//   options.paths = {"infra/"};  options.teams = {"acme"};
//   trustlint::LintRun run = trustlint::lint_paths(options);
//   std::cerr << trustlint::render_query_diagnostics(run.diagnostics);  // what went wrong, if anything
//   for (const auto& r : run.reports) std::cout << trustlint::render_lint_text(r);  // exit run.status()
//
// Ownership: LintPathsOptions and LintRun are plain values that own everything they hold (the
// reports share their immutable source texts, LintReport::source); lint_paths keeps nothing after
// it returns.
// Thread safety: lint_paths has no global state and may be called from several threads at once
// (it starts at most LintPathsOptions::threads threads of its own and joins them before it
// returns). It reads the file system and standard input and may run `git show`; two calls that
// both read standard input compete for it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/lint.h"
#include "trustlint/options.h"
#include "trustlint/query.h"
#include "trustlint/report.h"

namespace trustlint {

inline constexpr const char* kLintOptionCode = "TL067";  // an unknown rule in enable / disable
inline constexpr const char* kBaselineCode = "TL068";    // a baseline that cannot be read or written

// What to lint and how: `trustlint lint`'s flags as values.
struct LintPathsOptions {
  // Files, directories (walked), "-" (standard input) and git:REV:PATH (that file at revision
  // REV, read with `git show`; its configuration is the working tree's for PATH).
  std::vector<std::string> paths;
  std::vector<std::string> excludes;  // --exclude: gitignore patterns below each directory
  bool skip_unrecognized = false;     // --skip-unrecognized (DiscoverOptions::filter_named)
  bool default_excludes = true;       // false: --no-default-excludes
  bool allow_empty = false;           // --allow-empty: checking no role at all is not an error
  std::string config;                 // --config: one configuration for every file ("": the nearest)
  std::string stdin_filename;         // --stdin-filename: the name "-" is linted under
  std::vector<std::string> teams;     // --team: each must be a team Vercel issues (TL090)
  std::vector<std::string> disable, enable;  // rule ids or names (an unknown one is TL067)
  std::string baseline;        // --baseline: leave out the findings it records
  std::string write_baseline;  // --write-baseline: record every unsuppressed finding here
  FailOn fail_on = FailOn::error;
  // Prove every role's allowed set (LintOptions::prove_every_role; Markdown output's matrix).
  bool prove_every_role = false;
  // Limits (reading and proving: limits.max_automaton_states is --max-states), quota, Terraform
  // variables.
  LoadOptions load;
  // At most this many threads (0: one per core); never more than 8 nor than there are files.
  std::size_t threads = 0;
  // Set: each report is handed here, in order, as soon as it is final (named, baseline applied),
  // then dropped: LintRun::reports stays empty (a writer of lint_writer.h can stream the output).
  // Called on the calling thread, while later files are still being linted on the others.
  std::function<void(const LintReport&)> on_report;
};

// The answer: every report in command-line order (each directory's files sorted, each file's
// roles in file order, files reported unread in their place), and what went wrong on the way.
struct LintRun {
  std::vector<LintReport> reports;  // empty when LintPathsOptions::on_report took them
  // About the run rather than a report, in the order met: a bad team (TL090), an unknown rule
  // (TL067), directories that cannot be read (TL001, at the directory), configurations that
  // cannot be used (TL001/TL005/TL011; their files are skipped), a baseline (TL068), nothing
  // checked (TL087; the CLI adds that --allow-empty accepts it). Unlocated ones have an empty
  // span.file. An input that cannot be read (a git:REV:PATH too) is a report with input_failed.
  Diagnostics diagnostics;
  // Counts (summarize() of every report, on_report's too): files read, roles checked, skipped.
  LintSummary summary;
  bool refused = false;     // the run stopped before linting, or its baseline was not written
  bool bad_input = false;   // an input, directory or configuration could not be used
  bool nothing_checked = false;  // no role at all, and not allow_empty (TL087)
  bool failed = false;      // an unsuppressed finding at or above fail_on (false once a baseline is written)
  // 0 clean, 1 findings at or above fail_on, 2 bad input, refused or nothing checked: the lint/v1
  // document's exit_code and the CLI's exit status.
  int status() const { return refused || bad_input || nothing_checked ? 2 : failed ? 1 : 0; }
};

// Never throws; every problem is in the LintRun.
LintRun lint_paths(const LintPathsOptions& options);

}  // namespace trustlint
