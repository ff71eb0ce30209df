// The query layer: one question about one input, asked the same way by every face of trustlint
// (the CLI, the Python and Node bindings, the tests). Open an input of any form, pick the role,
// stop on errors that leave its meaning in doubt, complete the deployment facts (saying what was
// assumed), then answer can / who / lint / diff / test. Every call returns its answer together
// with the diagnostics met on the way (errors are values: no exception crosses this API).
//
// Example:
//   auto input = trustlint::open_input(trustlint::Input::file("template.yaml"));  // or from_text(), standard_input()
//   auto role = trustlint::choose_role(input.value(), "");  // after input.has_value(); "" = the only role that trusts Vercel
//   if (!role.has_value()) return show(role.diagnostics());  // why not, located (render_query_diagnostics)
//   trustlint::CanQuestion q;  q.project = "web";  q.environment = "preview";  // team, issuer: from the policy, said
//   auto answer = trustlint::can(role.value(), q);  // answer.value().decision.allowed(), answer.value().query.assumptions
//
// Ownership: every type here (Input, OpenedInput, Role, NamedInPolicy, CanQuestion, CanAnswer,
// DiffAnswer, ExpectationResult, SpecResult, TestTotals, ...) is a plain value that owns
// everything it holds (the input's text, its roles, the compiled policy); no call keeps a pointer or reference to its arguments after it
// returns, and results can be moved anywhere. Role and CompiledPolicy are move-only.
// Thread safety: the functions have no global state. Different objects may be used from
// different threads freely; one object may be read (const) from several threads at once (the
// answering calls take const references: can() on one Role from many threads is safe), but not
// read while another thread modifies it.
//
// Diagnostics a caller prints without a location (span.file empty) are about the question
// rather than a place in a file: TL015 (the question cannot be asked as put: no such role,
// several candidates, no team to assume) and TL016 (the summary of a gate: the policy is not
// valid, or is answered despite errors that do not change its meaning). The CLI prints TL015 as
// "trustlint: error: MESSAGE" and TL016 as "trustlint: MESSAGE" (render_query_diagnostics).
// Where a message names a choice (which role, the team, the issuer) it calls it by the CLI's
// flag (--resource, --team, --issuer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trustlint/allowed_set.h"
#include "trustlint/decision.h"
#include "trustlint/engine.h"
#include "trustlint/lint.h"
#include "trustlint/options.h"
#include "trustlint/policy_diff.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"
#include "trustlint/sources.h"
#include "trustlint/spec.h"

namespace trustlint {

inline constexpr const char* kQuestionCode = "TL015";  // the question cannot be asked as put
inline constexpr const char* kGateCode = "TL016";      // the gate's summary (not valid / answered anyway)

// ---- Inputs ----------------------------------------------------------------------------------

// Where an input comes from: a file, text in memory with a name, or the process's standard
// input. A plain value; copy freely.
struct Input {
  enum class Kind { path, text, standard_input };
  Kind kind = Kind::path;
  std::string path;  // Kind::path: the file as given
  std::string text;  // Kind::text: the bytes
  std::string name;  // Kind::text: the name spans and messages use ("git:HEAD:trust.json", "policy.json")

  static Input file(std::string path);  // "-" is standard_input()
  static Input from_text(std::string text, std::string name);
  static Input standard_input();

  // As the user gave it, for messages that say what to run: the path, "-", or the name.
  std::string given() const;
  // As spans name it: the path, "<stdin>", or the name.
  std::string span_name() const;
};

// An input read whole: its text and every role found in it (sources.h). Owns its text, so that
// renderers quote it without reading anything again (standard input included).
struct OpenedInput {
  std::string given;      // Input::given()
  std::string name;       // Input::span_name()
  std::string text;       // the bytes read (a UTF-8 byte-order mark removed); empty when unreadable
  std::vector<PolicySource> roles;  // in file order; a plain policy is one role with form "policy"
  bool plain() const { return roles.size() == 1 && roles.front().form == "policy"; }
};

// Reads the input (at most options.limits.max_bytes), detects its form and finds its roles.
// Every error is collected whatever options.limits.max_errors says (so that a hidden error still
// counts); the diagnostics returned are limited to max_errors errors, then one TL069 note.
// No value: the input could not be read or parsed (TL001–TL010), followed by a TL016 error
// "NAME is not a valid trust policy; ...". With a value, the diagnostics are the problems outside
// every role (a duplicate key elsewhere in a template): they do not touch any role's meaning.
Result<OpenedInput> open_input(const Input& input, const LoadOptions& options = {});

// ---- Roles -----------------------------------------------------------------------------------

// One role's policy, checked and compiled: what can, who, diff and test answer about.
// Move-only (it holds a CompiledPolicy); immutable once made.
struct Role {
  std::string resource;  // PolicySource::resource; empty for a plain policy
  std::string form;      // PolicySource::form
  Document document;
  CompiledPolicy compiled;
  // What was assumed in choosing and reading the role: "role VercelDeployRole: the only role in
  // template.yaml that trusts Vercel (give --resource to choose another)", parameter defaults, ...
  std::vector<std::string> assumptions;
};

// Does `resource` name the role (logical ID, Terraform address, role ARN, or for account
// authorization details the role's name)?
bool role_named(const PolicySource& role, std::string_view resource);

// The role `resource` names; when it is empty, the only role that trusts Vercel (else the only
// role): that choice is the first assumption. Fails with a TL015 error when there is no such
// role, the input holds none, a plain policy is given a resource, or several roles could be
// meant (the message lists them). Then the gate of prepare_role().
Result<Role> choose_role(const OpenedInput& input, std::string_view resource, const LoadOptions& options = {});

// The gate: a role's policy is answered about when every error it has leaves its meaning intact
// (meaning_preserved_despite(), the same list lint uses), then a TL016 note says the answer goes
// on although IAM may refuse to store it; otherwise no value, its errors (limited to
// max_errors, then TL069) and a TL016 error. Compile errors (TL07x) also stop it.
Result<Role> prepare_role(const PolicySource& source, const OpenedInput& input, const LoadOptions& options = {});

// open_input() then choose_role(), diagnostics of both in order.
Result<Role> open_role(const Input& input, std::string_view resource, const LoadOptions& options = {});

// ---- can -------------------------------------------------------------------------------------

// One deployment to decide. What is left out is completed from the policy and said.
struct CanQuestion {
  std::optional<std::string> team;  // nullopt: the only team the policy names ("" is refused, TL090)
  std::string project, environment;
  std::optional<IssuerMode> issuer;  // nullopt: the mode of the policy's federated principal, else team
  std::optional<std::string> audience;  // nullopt: Vercel's default https://vercel.com/TEAM
  // Extra context keys, KEY=VALUE; a KEY without ':' is a claim of the provider.
  std::vector<std::pair<std::string, std::string>> claims;
  // Multi-valued context keys (for ForAnyValue / ForAllValues: aws:TagKeys, amr), KEY and its
  // values, multi-valued even with one value or none. Each value is checked as a single KEY=VALUE
  // would be (TL090/TL092), then the key is set whole. The CLI gives one by repeating
  // --claim KEY=VALUE with the same KEY; the bindings by a list (claims={"amr": ["a", "b"]}), as a
  // --requests line does. A key may appear once across claims and multi_claims (in any case).
  std::vector<std::pair<std::string, std::vector<std::string>>> multi_claims;
};

// What a policy names, looked up once per policy (not once per request of a batch).
struct NamedInPolicy {
  std::vector<std::string> teams;
  std::optional<IssuerMode> issuer;
};
NamedInPolicy named_in_policy(const Document& document);

// Fills facts.team (unless `team_given`) and facts.issuer from the policy, adding what it
// assumed to `assumptions`. `issuer` is "global", "team" or "" (left out). Returns a TL015 error
// when no team can be assumed (the policy names none, or several) or the issuer is unknown.
std::optional<Diagnostic> complete_facts(const NamedInPolicy& named, DeploymentFacts& facts, bool team_given,
                                         std::string_view issuer, std::vector<std::string>& assumptions);

struct CanAnswer {
  CanQuery query;  // the facts as completed, the request, the role's and the question's assumptions
  Decision decision;
};

// Completes the facts, builds the request (TL090 names Vercel never issues, TL092 a claim that
// contradicts the deployment) and evaluates it. No value when the question cannot be asked.
Result<CanAnswer> can(const Role& role, const CanQuestion& question, const EvaluateOptions& options = {});

// ---- who -------------------------------------------------------------------------------------

// The exact set of deployments that can assume the role (allowed_set.h). Fails (TL095) when the
// prover exceeds options.limits.max_automaton_states.
Result<AllowedSet> who(const Role& role, const WhoOptions& options = {});

// ---- lint ------------------------------------------------------------------------------------

// Every role of the input linted (lint_sources() of lint.h, on text already read). Never fails:
// an unreadable input is one report with input_failed.
std::vector<LintReport> lint_input(const Input& input, const LintOptions& options, const LoadOptions& load = {});

// The expected teams of a lint (`--team`, the bindings' teams=): each must be a slug Vercel
// issues, as a configuration's `teams` must (an empty or 'acmé' team would make every team of the
// policy "another team"). The first that is not: an unlocated TL090 error "--team: WHY"; else nullopt.
std::optional<Diagnostic> check_expected_teams(const std::vector<std::string>& teams);

// The lowest severity that fails a run (`--fail-on`); never: nothing fails.
enum class FailOn { error, warning, note, never };
std::optional<FailOn> parse_fail_on(std::string_view text);  // "error" | "warning" | "note" | "never"
const char* fail_on_name(FailOn fail_on);
// Has the report an unsuppressed finding at or above the threshold?
bool fails(const LintReport& report, FailOn fail_on);

// ---- diff ------------------------------------------------------------------------------------

// The roles of two inputs compared: a plain policy on either side is one role (the other side
// is narrowed to one with choose_role and `resource`); two IaC inputs are paired by name: the
// roles `resource` names, else every role that trusts Vercel on either side, in OLD's order then
// NEW's (a role only on one side is added or removed). Always has a value; `answered` is false
// when a side's role cannot be answered about or the prover gave up (the diagnostics say why).
struct DiffAnswer {
  std::vector<RoleDiff> roles;
  // What was assumed in reading each role, in order; `after` = how many of the result's
  // diagnostics came before it (so a face can show both in the order they arose).
  struct Assumption {
    std::size_t after = 0;
    std::string text;
  };
  std::vector<Assumption> assumptions;
  bool answered = false;
};
Result<DiffAnswer> diff(const OpenedInput& old_input, const OpenedInput& new_input, std::string_view resource,
                        const LoadOptions& load = {}, const WhoOptions& options = {});

// ---- test ------------------------------------------------------------------------------------

struct ExpectationResult {
  Expectation expectation;
  ExpectationOutcome outcome;
};

// One spec file proven. `error` non-empty: the spec or its policy could not be used (the
// diagnostics say why).
struct SpecResult {
  std::string file;
  std::string policy;  // the policy's path as read
  std::string error;
  std::vector<ExpectationResult> results;
  Diagnostics diagnostics;  // everything met on the way, in order
};

// Loads the spec, opens its policy (choose_role with the spec's resource) and proves every
// expectation. `options.limits` bound both reading and proving.
SpecResult run_spec(const std::string& file, const WhoOptions& options = {});

// The spec files named (always) and below directories (*.trustspec.yaml, sorted, .git skipped);
// a directory that cannot be read is a TL001 error in `errors`.
std::vector<std::string> find_spec_files(const std::vector<std::string>& paths, Diagnostics& errors);

struct TestTotals {
  std::size_t passed = 0, failed = 0, errors = 0;
};
TestTotals totals(const std::vector<SpecResult>& specs);

// The status of a test run (test/v1's exit_code, `trustlint test`'s exit code): 2 when a spec or
// its policy could not be used, a path could not be searched (`search_failed`) or no spec file
// was found, else 1 when an expectation fails, else 0.
int test_exit_code(const std::vector<SpecResult>& specs, bool search_failed);

// The error of a run that found no spec file (unlocated TL015): "no *.trustspec.yaml file found".
Diagnostic no_spec_found();

// ---- printing what a query said --------------------------------------------------------------

// The diagnostics of a query as the CLI prints them on stderr: unlocated TL015 as
// "trustlint: error: MESSAGE", unlocated TL016 as "trustlint: MESSAGE", every other one
// compiler-style (render_diagnostics_text). can()'s errors are all about the question (TL015,
// TL090, TL092, unlocated); the CLI prints those as "trustlint: error: MESSAGE [CODE]".
std::string render_query_diagnostics(const Diagnostics& diagnostics);

}  // namespace trustlint
