// Decision cases (tests/cases/**/*.yaml): a trust policy and requests whose outcome was derived
// by hand from docs/semantics.md — the oracle for `can`. This loader turns one case file into plain
// values and reports every problem with its file and line; the doctest runner, the CLI's
// `can --requests` and the bindings share it. Stateless; safe to call from several threads.
//
// Format (unknown keys are errors; a case or a request without an expectation is an error):
//   note: why the case exists (cite an anchor of docs/semantics.md)
//   fixture: fixtures/risky/owner-prefix-wildcard.json   # relative to the source root, or:
//   policy: {Version: "2012-10-17", Statement: [...]}     # a YAML mapping (sent as JSON) or a
//                                                         # string holding JSON or YAML text
//   requests:
//     - note: optional
//       facts: {team: acme, project: web, environment: production, issuer: global,  # issuer
//               aud: "https://vercel.com/acme", claims: {amr: mfa, "aws:SourceIp": 1.2.3.4}}
//       want: allow            # allow | implicit_deny | explicit_deny
//       want_statement: 0      # optional: 0-based index, or the statement's Sid
//     - context: {provider: oidc.vercel.com/acme, action: sts:TagSession,
//                 keys: {"oidc.vercel.com/acme:sub": "owner:...", "aws:TagKeys": [a, b]}}
//       want: implicit_deny
// `issuer` defaults to team (Vercel's default, docs/semantics.md#vercel-issuer-modes); `action` defaults to
// sts:AssumeRoleWithWebIdentity; a key given as a list is multi-valued (Request::set_multi).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/decision.h"
#include "trustlint/options.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"

namespace trustlint::cases {

// The statement a request expects to decide it: a 0-based index or a Sid.
struct StatementRef {
  std::optional<std::size_t> index;
  std::string sid;  // used when index is empty

  std::string describe() const;  // "#2 (index)" or "Sid \"DenyDevelopment\""
};

struct CaseRequest {
  std::size_t number = 0;  // 1-based position in `requests`
  std::size_t line = 0;    // 1-based line of the request in the case file
  std::string note;
  std::optional<DeploymentFacts> facts;  // exactly one of facts and context is set
  std::optional<Request> context;
  Outcome want = Outcome::implicit_deny;
  std::optional<StatementRef> want_statement;
};

struct DecisionCase {
  std::string path;  // the case file, as given to the loader
  std::string note;
  // The policy: a fixture path relative to the source root, or inline text.
  std::string fixture;
  std::string policy_text;
  InputFormat policy_format = InputFormat::auto_detect;
  std::vector<CaseRequest> requests;

  bool inline_policy() const { return fixture.empty(); }
  // Name to load inline text under, so that diagnostics point at the case file.
  std::string policy_name() const { return path + "#policy"; }
  // "tests/cases/x.yaml:12: request 3" — for messages.
  std::string where(const CaseRequest& request) const;
};

struct LoadedCase {
  std::optional<DecisionCase> value;  // empty when the file could not be read or parsed
  std::vector<std::string> errors;    // "path:line:col: message"; non-empty means the case fails

  bool ok() const { return value.has_value() && errors.empty(); }
};

LoadedCase load_decision_case(const std::string& path);
LoadedCase parse_decision_case(std::string_view text, const std::string& path);

// Every *.yaml below `dir`, recursively, sorted, as paths that start with `dir`.
std::vector<std::string> find_case_files(const std::string& dir);

std::optional<Outcome> parse_outcome(std::string_view text);

}  // namespace trustlint::cases
