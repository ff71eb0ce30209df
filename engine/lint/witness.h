// Witnesses and locations. Every witness a finding prints is replayed through evaluate() first
// (README "lint"): attach_witness() keeps it only when the evaluator's decision is the one the
// finding claims, and copies the (u) readings that decision relied on into the finding's notes.
// admitting_location() finds the policy value that let a request in.
// Uses one LintContext; not shared between threads.
#pragma once

#include <optional>
#include <string>

#include "lint/lint_context.h"
#include "trustlint/decision.h"

namespace trustlint::internal {

// The request a deployment's token produces; nullopt when a name is not a valid Vercel name.
std::optional<Request> request_of(const LintContext& ctx, const DeploymentFacts& facts);

// "acme-evil/web/production (issuer global)" (with ", requesting aud X" for a custom audience).
std::string describe_deployment(const DeploymentFacts& facts);

// Replays `facts` (or `request`, when given, on behalf of facts) and attaches the witness when
// the decision is `expect_allowed`. `what` completes the description ("can assume the role" by
// default). Returns whether the witness was attached.
bool attach_witness(const LintContext& ctx, Finding& finding, const DeploymentFacts& facts, bool expect_allowed,
                    const std::optional<Request>& request = std::nullopt, const std::string& what = "");

// A token of another OIDC provider (GitHub Actions, ...) with plausible claims of its own.
Request foreign_request(const std::string& provider);
// Replays a foreign token and attaches it as the witness when allowed.
bool attach_foreign_witness(const LintContext& ctx, Finding& finding, const Request& request);

struct Location {
  Span span;
  std::string pointer;
  const Statement* statement = nullptr;
};

// Where `request` gets in: in the first Allow statement that applies to it, the first value of a
// positive condition on PROVIDER:<claim> that matches it (claims tried in the order given),
// else the principal entry that admits the provider, else the statement. nullopt when no Allow
// applies. `only_statement`: look only at that statement.
std::optional<Location> admitting_location(const LintContext& ctx, const Request& request,
                                           const std::vector<std::string>& claims,
                                           const Statement* only_statement = nullptr);

// Does `statement` apply to the request (principal, action and conditions)?
bool statement_applies(const LintContext& ctx, const Request& request, const Statement& statement);

}  // namespace trustlint::internal
