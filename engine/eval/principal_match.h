// Principal and Action matching for one request (docs/semantics.md#principal, docs/semantics.md#action, docs/semantics.md#statement-match). The matchers
// are built once per statement at compile() (provider names cut from the ARNs, action patterns
// compiled), so that matching a request allocates nothing; the free functions build one for a
// single question (the prover asks over symbolic providers).
// Immutable after construction; safe to use from several threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "condition/glob.h"
#include "trustlint/policy.h"

namespace trustlint::internal {

// The provider NAME of "arn:PARTITION:iam::ACCOUNT:oidc-provider/NAME", or empty.
std::string oidc_provider_name(std::string_view federated_value);

struct PrincipalMatch {
  bool matched = false;
  bool unverified = false;  // matched only through "*" / {"AWS":"*"} / {"Federated":"*"} (docs/semantics.md#principal, u)
  std::string reason;
};

class PrincipalMatcher {
 public:
  explicit PrincipalMatcher(const PrincipalBlock& principal);
  // Does the Principal (or NotPrincipal) admit a web-identity caller whose token came from the
  // OIDC provider `provider` (e.g. "oidc.vercel.com/acme")? Sets `unverified` as PrincipalMatch.
  bool admits(std::string_view provider, bool& unverified) const;
  // The same, with the reason when it does not (for traces).
  PrincipalMatch match(std::string_view provider) const;

 private:
  struct Entry {
    bool wildcard = false;  // "*", {"AWS": "*"} or {"Federated": "*"}
    bool federated = false;
    std::string text;       // Federated: the value as written (a domain-named provider)
    std::string oidc_name;  // Federated: NAME of an oidc-provider ARN, else empty
  };
  bool listed(std::string_view provider, bool& via_wildcard) const;
  bool negated_ = false;
  std::vector<Entry> entries_;
};

class ActionMatcher {
 public:
  explicit ActionMatcher(const ActionBlock& action);
  // Does the Action (or NotAction) cover `action`? Case-insensitive, with '*' and '?'.
  bool covers(std::string_view action) const;

 private:
  static constexpr std::string_view kWebIdentityAction = "sts:AssumeRoleWithWebIdentity";
  bool matches_any(std::string_view action) const;  // some pattern matches (NotAction not applied)
  bool negated_ = false;
  std::vector<GlobMatcher> patterns_;
  bool covers_web_identity_ = false;  // covers(kWebIdentityAction), decided at construction
};

PrincipalMatch match_principal(const PrincipalBlock& principal, std::string_view provider);
bool match_action(const ActionBlock& action, std::string_view request_action);

}  // namespace trustlint::internal
