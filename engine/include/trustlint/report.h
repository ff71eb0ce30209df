// Renderers: turn answers into the text and JSON documents the CLI prints and the bindings
// return. They never decide anything. Pure functions; thread-safe.
#pragma once

#include <string>
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

// Compiler-style lines "file:line:col: severity: message [ID]", each followed by indented
// lines: "suppressed: reason", "example: …", "note: …" and, for security rules, "fix: …".
std::string render_lint_text(const LintReport& report);

struct LintSummary {
  std::size_t files = 0, errors = 0, warnings = 0, notes = 0, suppressed = 0;
};
LintSummary summarize(const std::vector<LintReport>& reports);

// Schema trustlint/lint/v1 (README "lint --format json"): every file with its findings, the
// summary, the --fail-on threshold and the exit code.
std::string render_lint_json(const std::vector<LintReport>& reports, const std::string& fail_on, int exit_code);

// `trustlint rules`: one line per catalogue entry; one entry in full; the catalogue as JSON.
std::string render_rules_text(const std::vector<RuleInfo>& rules);
std::string render_rule_text(const RuleInfo& rule);
std::string render_rules_json(const std::vector<RuleInfo>& rules);

}  // namespace trustlint
