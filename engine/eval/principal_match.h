// Principal and Action matching for one request (semantics.md §1.7, §1.8, §2.2). Used by the
// evaluator and, over symbolic providers, by the prover. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "trustlint/policy.h"

namespace trustlint::internal {

// The provider NAME of "arn:PARTITION:iam::ACCOUNT:oidc-provider/NAME", or empty.
std::string oidc_provider_name(std::string_view federated_value);

struct PrincipalMatch {
  bool matched = false;
  bool unverified = false;  // matched only through "*" / {"AWS":"*"} (§1.7, u)
  std::string reason;
};

// Does the statement's Principal (or NotPrincipal) admit a web-identity caller whose token came
// from the OIDC provider `provider` (e.g. "oidc.vercel.com/acme")?
PrincipalMatch match_principal(const PrincipalBlock& principal, std::string_view provider);

// Does the statement's Action (or NotAction) cover `action`? Case-insensitive, with '*' and '?'.
bool match_action(const ActionBlock& action, std::string_view request_action);

}  // namespace trustlint::internal
