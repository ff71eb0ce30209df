// Lint output written report by report: a LintWriter takes each LintReport as lint produces it
// and writes that report's part of the document at once, or, where the format puts it after
// something only the end knows (SARIF's exit code, Markdown's counts), keeps that part's text,
// never the report. A caller may drop each report after add(): memory is bounded by the output,
// not by the reports and their trees. The one-shot renderers of report.h (render_lint_json, ...)
// are these writers fed a vector, so both give the same bytes.
//
// Example:
//   auto writer = trustlint::make_lint_writer("json", std::cout, {.fail_on = "warning"});
//   for (trustlint::LintReport& r : trustlint::lint_sources("export.json", {}))
//     writer->add(r, trustlint::SourceSnapshot::of(r));  // r may be dropped now
//   writer->end(/*exit_code=*/0, /*skipped=*/0);         // the summary, the exit code
//
// Ownership: a LintWriter keeps a reference to its std::ostream, which must outlive it, and
// copies its LintWriterOptions; it keeps no reference to a report or snapshot after add()
// returns. LintTally is a plain value (the distinct file names and counts).
// Thread safety: one thread at a time per LintWriter and per LintTally; distinct writers are
// independent (two writing to one stream interleave, as any two writers would).
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <string_view>

#include "trustlint/lint.h"
#include "trustlint/report.h"

namespace trustlint {

// summarize() one report at a time: add() each report, then summary(). Holds the distinct
// names of the files read and the counts, not the reports.
class LintTally {
 public:
  void add(const LintReport& report);
  LintSummary summary(std::size_t skipped = 0) const;

 private:
  LintSummary counts_;
  std::set<std::string> files_;
};

struct LintWriterOptions {
  std::string fail_on = "error";  // json: the document's "fail_on"
  SarifOptions sarif;             // sarif: tool version, home page, helpUri base
  LintTextOptions text;           // text: colour
};

// One lint document being written (README "Output formats"). Call add() once per report, in
// output order, then end() once; nothing may be added after end().
class LintWriter {
 public:
  virtual ~LintWriter() = default;
  // One report, with the source texts its findings quote (text and SARIF use them, e.g.
  // quoted_sources(report, max_bytes) of baseline.h). text, json and github write it now.
  virtual void add(const LintReport& report, const SourceSnapshot& sources) = 0;
  // The rest of the document: json its summary, fail_on and exit code; sarif the whole log;
  // markdown the whole summary; text and github nothing (the summary line is the caller's).
  // `skipped`: files a directory walk passed over (LintSummary::skipped).
  virtual void end(int exit_code, std::size_t skipped) = 0;
  // Whether add() quotes its `sources` (text, sarif): otherwise a caller may pass an empty
  // snapshot and read nothing to build one.
  virtual bool quotes_sources() const { return false; }
};

// A writer of `format` ("text", "json", "sarif", "github" or "markdown", as lint --format
// takes them) to `out`; nullptr for any other format. Markdown takes each report's who-can-assume
// matrix from LintReport::allowed (lint with LintOptions::prove_every_role to have them).
std::unique_ptr<LintWriter> make_lint_writer(std::string_view format, std::ostream& out,
                                             const LintWriterOptions& options = {});

}  // namespace trustlint
