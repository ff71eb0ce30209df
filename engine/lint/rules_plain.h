// The lint rules that need no prover, so they run on every role, whatever provider it trusts:
// condition keys and actions against the AWS catalogue (TL060–TL065, rules_condition_keys.cpp,
// rules_actions.cpp) and the statements of providers other than Vercel (TL401–TL421:
// rules_generic_oidc.cpp, rules_github.cpp). Each finding is located at the offending value;
// a witness, when one is shown, is a request replayed through evaluate() on the whole policy.
// One PlainContext per lint of one policy; not shared between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/engine.h"
#include "trustlint/finding.h"

namespace trustlint::internal {

// A finding of `rule` with the catalogue's name, default severity and fix (LintContext::make and
// PlainContext::make both build theirs here).
Finding catalogued_finding(const std::string& rule, std::string message, const Span& span, std::string pointer);

struct PlainContext {
  const Document& document;
  const CompiledPolicy& policy;
  std::vector<Finding>& findings;

  // A finding of `rule` with the catalogue's name, severity and fix.
  Finding make(const std::string& rule, std::string message, const Span& span, std::string pointer) const;
  // Adds unless the same rule already reported the same place.
  void add(Finding f);
  bool reported(const std::string& rule, const Span& span) const;
};

enum class FederatedKind { oidc, builtin, saml };

// A federated principal entry of a statement: the provider name a request carries (the OIDC
// provider's NAME, the built-in domain, or the SAML provider ARN) and the entry itself.
struct FederatedEntry {
  std::string provider;
  FederatedKind kind = FederatedKind::oidc;
  const PrincipalEntry* entry = nullptr;
};
std::vector<FederatedEntry> federated_entries(const Statement& st);

// "PROVIDER:claim" split at the last ':' (provider as written, claim folded); nullopt without ':'.
struct KeyParts {
  std::string provider;
  std::string claim;
};
std::optional<KeyParts> key_parts(const std::string& key);
bool same_provider(const std::string& a, const std::string& b);  // case-insensitive
// The global Vercel provider or a team provider (oidc.vercel.com/TEAM), case-insensitive.
bool is_vercel_provider_name(const std::string& provider);

// Does the key carry a list (aws:TagKeys, Cognito's amr, ...)? From the catalogue and profiles.
bool multi_valued_key(const std::string& key);

// A positive test of the key's value: a string operator, not negated, no IfExists, no
// ForAllValues (which holds when the key is absent).
bool positive_string(const Condition& c);

// A request from `provider` that satisfies the statement's positive string conditions with the
// first value of each (wildcards filled in), for the action the principal kind uses. Keys not
// set here are absent.
Request request_for(const Statement& st, const FederatedEntry& entry);

// Replays `request` on the whole policy and attaches it as the witness when the decision is
// `expect_allowed`; `who` names the caller ("a workflow of someone-else/any-repo").
bool attach_request_witness(const PlainContext& ctx, Finding& f, const Request& request, bool expect_allowed,
                            const std::string& who);

void check_condition_keys(PlainContext& ctx);   // TL060–TL063, TL065
void check_sts_actions(PlainContext& ctx);      // TL064
void check_generic_oidc(PlainContext& ctx);     // TL401–TL403, TL420, TL421
void check_profiled_oidc(PlainContext& ctx);    // TL410–TL412, TL106 (and any provider described as data)

// All of the above, in this order.
void check_plain(const Document& document, const CompiledPolicy& policy, std::vector<Finding>& findings);

// Does some statement trust a federated provider that is not Vercel's (so that the rules above
// check it)?
bool trusts_other_federation(const Document& document);

}  // namespace trustlint::internal
