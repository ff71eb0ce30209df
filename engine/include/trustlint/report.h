// Renderers: turn answers into the text and JSON documents the CLI prints and the bindings
// return. They never decide anything, and never read a file: what they quote comes in.
//
// Example:
//   trustlint::SourceSnapshot sources;
//   sources.files["role.json"] = text;  // the bytes the findings point into
//   for (const trustlint::LintReport& r : reports)
//     std::cout << trustlint::render_lint_text(r, sources, {.color = false});
//   std::cout << trustlint::render_lint_summary_text(trustlint::summarize(reports));
//
// Ownership: CanQuery, WhoQuery, SourceSnapshot, LintTextOptions, LintSummary, SarifOptions and
// LintWho are plain values owning their strings (a SourceSnapshot owns copies of the files);
// the string_views SourceSnapshot::line() and excerpt() return point into the snapshot and
// live as long as it is not changed.
// Thread safety: every function is pure; a SourceSnapshot may be read from several threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/allowed_set.h"
#include "trustlint/decision.h"
#include "trustlint/diagnostic.h"
#include "trustlint/lint.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"

namespace trustlint {

// One `can` question: the deployment asked about, the request it became, and what was assumed
// because the user left it out ("team acme: the only team this policy names").
struct CanQuery {
  DeploymentFacts facts;
  Request request;
  std::vector<std::string> assumptions;
};

std::string render_can_text(const Decision& decision, const CanQuery& query);

// The JSON document of README "can --format json" (schema trustlint/can/v1).
// compact: one line (for --requests), else indented.
std::string render_can_json(const Decision& decision, const CanQuery& query, bool compact);

// Compiler-style lines "file:line:col: severity: message [CODE]", each followed by its notes
// ("  note: ..."), one diagnostic per line.
std::string render_diagnostics_text(const Diagnostics& diagnostics);

// `text` safe to print anywhere: control characters as escapes ("\n", "\u0000"), bytes that
// are not UTF-8 as "\xE9". Every renderer passes values from a policy or the command line
// through it.
std::string visible_text(std::string_view text);

}  // namespace trustlint

// ---- who ------------------------------------------------------------------------------------

namespace trustlint {

struct WhoQuery {
  std::string policy_file;
  bool any_audience = false;
};

std::string render_who_text(const AllowedSet& set, const WhoQuery& query);
// Schema trustlint/who/v1 (README): {"allowed": [part...], "nobody": bool, ...}.
std::string render_who_json(const AllowedSet& set, const WhoQuery& query);
// A table for a pull-request comment: a row per part, a column per environment, ✅/❌.
std::string render_who_markdown(const AllowedSet& set, const WhoQuery& query);

// "web-* except web-legacy"; "*" for any value; known values listed by name.
std::string describe_globs(const GlobSet& globs);
std::string describe_facts(const DeploymentFacts& facts);  // "acme/web/preview (issuer team)"

}  // namespace trustlint

// ---- lint and rules ---------------------------------------------------------------------------

namespace trustlint {

// The text of the files that findings point into, so that renderers can quote the offending
// source without reading anything themselves: the reports' own texts (LintReport::source,
// shared, not copied) and any others a caller adds; a file missing from it simply gets no
// excerpt. Plain value type.
struct SourceSnapshot {
  std::map<std::string, std::string> files;  // Span::file (or LintReport::file) → its bytes
  std::map<std::string, std::shared_ptr<const std::string>> shared;  // the same, shared with reports
  std::map<std::string, QuotedLines> quoted;  // some lines only (LintReport::quoted), merged
  // The texts the reports carry (LintReport::source under LintReport::file). Reads nothing.
  static SourceSnapshot of(const LintReport& report);
  static SourceSnapshot of(const std::vector<LintReport>& reports);
  // The bytes of `file`, or nullptr.
  const std::string* text(const std::string& file) const;
  // Whether the snapshot quotes `file` (whole, or the lines its reports quote).
  bool has(const std::string& file) const;
  // Line `line` (1-based) of `file` without its line break, or nullopt.
  std::optional<std::string_view> line(const std::string& file, std::uint32_t line) const;
  // The line that holds byte `offset` of `file` (a line's end counts as part of it), without
  // its line break, or nullopt. Cost: the length of that line (line() scans from the start).
  std::optional<std::string_view> line_at(const std::string& file, std::uint64_t offset) const;
  // The bytes [span.offset, span.end_offset) of the span's file, or nullopt when unknown.
  std::optional<std::string_view> excerpt(const Span& span, const std::string& fallback_file) const;
};

struct LintTextOptions {
  bool color = false;  // ANSI colours (the CLI decides from --color, NO_COLOR and the terminal)
};

// Compiler-style lines "file:line:col: severity: message [ID]", each followed by the source
// line with a caret and tildes under the offending value (when `sources` has the file), then
// indented lines: "suppressed: reason", "example: …", "note: …" and, for security rules,
// "fix: …".
std::string render_lint_text(const LintReport& report, const SourceSnapshot& sources = {},
                             const LintTextOptions& options = {});
// The excerpt alone, two lines (empty when the snapshot lacks the file or the span is unknown):
//      12 |     "sub": "owner:acme*"
//         |            ^~~~~~~~~~~~~
// A multi-line span is underlined to the end of its first line; a line over 160 code points is
// cut around the value; control characters and malformed UTF-8 are shown as '?'.
std::string render_source_excerpt(const Span& span, const std::string& fallback_file, const SourceSnapshot& sources,
                                  bool color = false);

// What a lint run checked, for the summary line and the documents' summaries.
struct LintSummary {
  std::size_t reports = 0;    // every report (Markdown's "policies checked")
  std::size_t files = 0;      // distinct files read (files reported unread, TL084–TL086, left out)
  std::size_t roles = 0;      // roles whose policy was read (a plain policy file is one role)
  std::size_t unchecked = 0;  // of those, roles the security rules did not run on (a note says why)
  std::size_t errors = 0, warnings = 0, notes = 0, suppressed = 0;
  std::size_t skipped = 0;    // files a directory walk passed over: no trust policy (the caller's count)
};
LintSummary summarize(const std::vector<LintReport>& reports, std::size_t skipped = 0);
// "3 files, 4 roles checked: 1 error, 2 warnings (1 suppressed); 12 files skipped (no trust
// policy)", one line with its newline: what `lint` prints last on stderr.
std::string render_lint_summary_text(const LintSummary& summary);

// Schema trustlint/lint/v1 (README "lint --format json"): every file with its findings, the
// summary, the --fail-on threshold and the exit code.
// The lint documents of this section are lint_writer.h's writers fed a vector; a caller
// with many reports writes them one by one with those writers instead.
std::string render_lint_json(const std::vector<LintReport>& reports, const std::string& fail_on, int exit_code,
                             std::size_t skipped = 0);

// SARIF 2.1.0 (README "lint --format sarif"), for GitHub code scanning and other SARIF viewers:
// one run, the whole rule catalogue in tool.driver.rules, one result per finding (suppressed
// ones with a `suppressions` entry). Columns are UTF-16 code units (run.columnKind), computed
// from `sources` (code points when a file is missing from it).
struct SarifOptions {
  std::string tool_version;     // tool.driver.version
  std::string information_uri;  // tool.driver.informationUri (the project's home page)
  std::string help_uri_base;    // rule helpUri = this + ID + ".md" (docs/rules/ID.md of a checkout)
};
// The run's summary (summarize(reports, skipped)) is in runs[0].properties.summary.
std::string render_lint_sarif(const std::vector<LintReport>& reports, const SourceSnapshot& sources,
                              const SarifOptions& options, int exit_code, std::size_t skipped = 0);
// The partialFingerprints value of a finding: a hash of the rule id, the file, the resource,
// the JSON pointer and the offending value's text, never of line numbers, so that it survives
// unrelated edits. 32 hex digits.
std::string finding_fingerprint(const Finding& finding, const LintReport& report, const SourceSnapshot& sources);

// GitHub Actions workflow commands, one line per unsuppressed finding:
// "::error file=F,line=L,col=C,endLine=…,endColumn=…,title=TL101 other-team::message" (notes
// are "::notice"), and a "::notice file=F::…" per run note. Suppressed findings are left out.
std::string render_lint_github(const std::vector<LintReport>& reports);
// GitHub's escapes: message data %→%25 CR→%0D LF→%0A; property values also :→%3A ,→%2C.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY: counts, a findings
// table, and for each policy in `who` its who-can-assume matrix (render_who_markdown).
struct LintWho {
  std::string file;
  std::string resource;  // empty for a plain policy file
  AllowedSet set;
};
std::string render_lint_markdown(const std::vector<LintReport>& reports, const std::vector<LintWho>& who);
// The same with the allowed set each report carries (LintReport::allowed; lint with
// LintOptions::prove_every_role to have one for every role whose policy means one thing).
std::string render_lint_markdown(const std::vector<LintReport>& reports);

// `trustlint rules`: one line per catalogue entry; one entry in full; the catalogue as JSON.
std::string render_rule_index_text(const std::vector<RuleInfo>& rules);
std::string render_rule_detail_text(const RuleInfo& rule);
std::string render_rules_json(const std::vector<RuleInfo>& rules);
// One entry as the Markdown page docs/rules/ID.md (why, bad, good, fix).
std::string render_rule_page_markdown(const RuleInfo& rule);
// The index docs/rules/README.md: one table row per entry, linking its page.
std::string render_rule_index_markdown(const std::vector<RuleInfo>& rules);

}  // namespace trustlint
