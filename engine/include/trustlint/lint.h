// `lint`: findings proven from what a trust policy means. Security rules (TL1xx access,
// TL2xx conditions, TL3xx OIDC) decide on the exact set of deployments allowed_set() computes,
// or on concrete evaluate() calls, never on the policy's text; grammar diagnostics (TL0xx) join
// the same report with their own ids. The rule catalogue (rules/catalogue.yaml) is data
// embedded in the binary.
//
// Example:
//   trustlint::LintOptions options;
//   options.teams = {"acme"};  // empty: the teams the policy names
//   for (const trustlint::LintReport& r : trustlint::lint_sources("infra/template.yaml", options))
//     for (const trustlint::Finding& f : r.findings)
//       std::cout << r.resource << ": " << f.rule << " " << f.message << "\n";
//
// Ownership: RuleInfo, RuleSetting, Suppression, LintOptions, QuotedLines and LintReport are plain values
// owning their strings; rule_catalogue() and find_rule() return references into the embedded
// catalogue, which lives as long as the program. A LintReport refers to its file by path only.
// Thread safety: every function may run from several threads at once (the catalogue is built
// once, thread-safely, on first use); values are safe to copy and read between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/finding.h"
#include "trustlint/options.h"
#include "trustlint/result.h"
#include "trustlint/spec.h"

namespace trustlint {

// ---- The catalogue ---------------------------------------------------------------------------

struct RuleInfo {
  std::string id;        // "TL101"
  std::string name;      // "other-team" (grammar codes: empty)
  Severity severity = Severity::error;  // default severity
  std::string title;
  std::string explanation;
  std::string bad_example;   // rules only
  std::string good_example;  // rules only
  std::string fix;
  std::string help;          // its page in the repository, "docs/rules/TL101.md"
  bool is_rule() const { return !name.empty(); }  // a TL1xx–TL3xx rule (not a grammar code)
};

// Every entry of rules/catalogue.yaml: grammar and input codes first, then the rules, each in
// file order. Parsed once from the embedded copy.
const std::vector<RuleInfo>& rule_catalogue();
// By id ("TL101", case-insensitive) or name ("other-team"); nullptr when unknown.
const RuleInfo* find_rule(std::string_view id_or_name);

// ---- Options and report ----------------------------------------------------------------------

struct RuleSetting {
  bool off = false;
  std::optional<Severity> severity;  // overrides the catalogue's default
};

// A finding to report as suppressed (configuration `ignore`, already matched to this file).
struct Suppression {
  std::string rule;     // id
  std::string pointer;  // JSON pointer; empty = anywhere in the file. Matches itself and below.
  std::string reason;   // required
};

struct LintOptions {
  // What the policy is meant to admit. Empty teams: the teams the policy itself names
  // (teams_named()). Empty environments/projects: the ones the policy names literally.
  std::vector<std::string> teams;
  std::vector<std::string> environments;
  std::vector<std::string> projects;
  std::map<std::string, RuleSetting> rules;  // by rule id
  std::vector<Suppression> suppressions;
  // "YYYY-MM-DD": a `trustlint:ignore … until=DATE` before it has expired. Empty: today (UTC).
  std::string today;
  // Proven expectations (`expect:` of the configuration's overrides): each one that does not
  // hold is a TL502 finding.
  std::vector<Expectation> expectations;
  Limits limits;
  // Also prove who can assume the roles the Vercel rules do not run on (another provider's
  // role, a principal known only at deployment), so that every report whose policy means one
  // thing carries its allowed set (LintReport::allowed; what Markdown output shows). Off: only
  // the roles the Vercel rules ran on carry it (their proof is the rules' own, kept).
  bool prove_every_role = false;
};

// Some lines of a file, for quoting it without keeping it whole (LintReport::quoted): runs of
// whole lines (each line with its '\n'; the last may end the file without one) by the file offset
// of the run's first byte. Plain value type.
struct QuotedLines {
  std::map<std::uint64_t, std::string> runs;
  // Adds the lines of `text` (the whole file) that hold bytes [begin, end]; overlapping runs merge.
  void add(std::string_view text, std::uint64_t begin, std::uint64_t end);
  // Adds a run of whole lines that starts at file offset `offset`.
  void merge(std::uint64_t offset, std::string run);
  // The run holding bytes [begin, end] (each ≤ the run's end), or nullptr.
  const std::pair<const std::uint64_t, std::string>* find(std::uint64_t begin, std::uint64_t end) const;
};

struct LintReport {
  std::string file;
  // Which role in the file (PolicySource::resource: CloudFormation logical ID, Terraform
  // address, role ARN); empty for a plain policy file. One report per role.
  std::string resource;
  std::string form = "policy";  // PolicySource::form; empty for the report of a file without roles
  // What the analysis assumed because the input does not say (PolicySource::assumptions).
  std::vector<std::string> assumptions;
  // Other files the role's policy was read from (PolicySource::read_files).
  std::vector<std::string> read_files;
  std::vector<Finding> findings;  // sorted by position, then rule id
  // About the run itself, e.g. "security rules not run: ...". Never about the policy's safety.
  std::vector<std::string> notes;
  bool input_failed = false;  // the file could not be read or parsed (TL001–TL010)
  // false for a report about the file rather than a role in it: problems outside every role, a
  // file without roles, a file that could not be read or parsed, a file not read at all.
  bool role = true;
  bool read = true;  // false: the file was reported (TL084–TL086: no reader takes it), not read
  // The text of `file` as it was read (standard input included), shared by every report of one
  // input, so that renderers quote it without reading anything again; null when the input could
  // not be read, or when the report is named by a file other than the one read (a Terraform
  // role whose policy came from file(): renderers read that file themselves), and for an account
  // export on disk, which lint_sources streams (see `quoted`). Immutable.
  std::shared_ptr<const std::string> source;
  // Instead of `source`, for an account export streamed role by role (lint_sources): only the
  // lines of `file` this report's findings quote (empty when it has none). Immutable.
  std::shared_ptr<const QuotedLines> quoted;
  // Who can assume the role, as the security rules proved it (see LintOptions::prove_every_role);
  // null when the policy was not proven (errors that change its meaning, the prover gave up).
  std::shared_ptr<const AllowedSet> allowed;
};

// The security rules on a loaded, compiled policy. Fails (TL095) only when the prover exceeds
// its automaton budget.
Result<LintReport> lint(const Document& document, const CompiledPolicy& policy, const LintOptions& options);

// Reads, parses and compiles a file, turns its grammar diagnostics into findings, and runs the
// security rules when the diagnostics leave the policy's meaning intact. Never fails: problems
// with the input are findings (and input_failed).
LintReport lint_file(const std::string& path, const LintOptions& options, const LoadOptions& load = {});

// Every trust policy in a file, in any input form of sources.h (a plain policy, a CloudFormation
// template, a Terraform plan, account authorization details): one report per IAM role, in file
// order, with resource, form and assumptions filled in. A role that trusts no Vercel OIDC
// provider gets no findings of the Vercel rules, but the rules for its own federated providers
// (TL106, TL107, TL4xx) and the key and action checks (TL060–TL065, TL209, TL301) run on it; a
// note says so.
// Problems outside every role, or a file without roles, get one more report (resource empty).
// Never fails; a file that cannot be read or parsed is one report with input_failed.
// An account export on disk (JSON, lines under 64 KiB) is read as a stream, one role at a time,
// so that memory stays bounded whatever its size: its reports carry `quoted`, not `source`.
std::vector<LintReport> lint_sources(const std::string& path, const LintOptions& options, const LoadOptions& load = {});

// Grammar errors after which a policy still means one thing (IAM may not store it, but can, who
// and lint answer anyway): TL037, TL042, TL044, TL048, TL051, TL053, TL058, TL059, and every
// warning or note. The one gate for all three verbs. A malformed action (TL047) is not among
// them: IAM refuses the document ("Action vendors must not contain wildcards", "must be prefaced
// by a vendor"), so no answer about it would be IAM's.
bool meaning_preserved_despite(const Diagnostic& diagnostic);

// A grammar or input diagnostic as a finding (the catalogue's fix, JSON pointer when known).
Finding finding_from_diagnostic(const Diagnostic& diagnostic, const Document* document = nullptr);

// Is the finding a security rule's (TL1xx–TL3xx)?
bool is_security_finding(const Finding& finding);

}  // namespace trustlint
