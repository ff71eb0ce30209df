// AllowedSet: the exact answer to "which deployments can assume this role?" (`trustlint who`).
// Computed by automata over the provider's claim alphabets (docs/semantics.md#vercel-name-alphabets), never by
// sampling: a deployment is allowed exactly when it belongs to one of `parts`. Each part is a
// product issuer × team × project × environment of value sets written as IAM globs
// ("match one of `match`, none of `except`"), with an example deployment the evaluator allows
// and the nearest deployments it denies.
//
// Example:
//   auto set = trustlint::allowed_set(policy.value(), trustlint::vercel_profile());
//   if (!set.ok()) return;  // TL095: the automata outgrew WhoOptions::limits
//   for (const trustlint::AllowedPart& part : set.value().parts)
//     std::cout << trustlint::describe_globs(part.project) << " / "
//               << trustlint::describe_globs(part.environment) << "\n";  // "any" / "preview"
//
// Ownership: GlobSet, AllowedPart, AllowedSet and WhoOptions are plain values that own all
// their strings; an AllowedSet keeps no reference to the policy or profile it came from.
// Thread safety: allowed_set() and allowed_by_description() are safe to call from several
// threads at once (on the same CompiledPolicy too); a value may be read from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/engine.h"
#include "trustlint/options.h"
#include "trustlint/provider.h"
#include "trustlint/result.h"

namespace trustlint {

// How `who`'s text output writes a literal matched in any ASCII case ("(any case) TEXT"). Only
// for printing: the prover and GlobSet carry the any-case flag beside the text (a policy value
// that starts with these words is an ordinary, case-sensitive value).
inline constexpr std::string_view kAnyCasePrefix = "(any case) ";

// "Matches one of `match` or `match_any_case`, and none of `except` or `except_any_case`".
// match/except are IAM globs compared case-sensitively; the *_any_case lists are literal texts
// compared in any ASCII case (StringEqualsIgnoreCase and StringNotEqualsIgnoreCase on a
// requested audience, only with WhoOptions::any_audience; IAM folds ASCII only).
struct GlobSet {
  std::vector<std::string> match;   // ["*"] = any valid value
  std::vector<std::string> except;
  std::vector<std::string> match_any_case;
  std::vector<std::string> except_any_case;
  bool any() const {
    return match.size() == 1 && match[0] == "*" && except.empty() && match_any_case.empty() && except_any_case.empty();
  }
  // Does the value belong to the set (without checking that it is a valid value)?
  bool contains(std::string_view value) const;
};

struct AllowedPart {
  IssuerMode issuer = IssuerMode::team;
  GlobSet team, project, environment;
  // Only with WhoOptions::any_audience: the audiences the deployment may request.
  std::optional<GlobSet> audience;
  // Conditions on keys that are not the provider's claims (aws:SourceIp, ...): the part is
  // allowed only when all of them hold. Empty = unconditionally.
  std::vector<std::string> extra_conditions;
  DeploymentFacts example;                     // allowed (replayed through evaluate())
  std::vector<DeploymentFacts> nearest_denied;  // denied deployments next to the example
};

struct AllowedSet {
  std::vector<AllowedPart> parts;
  // When parts is empty: why nobody gets in (statement by statement).
  std::vector<std::string> nobody_reasons;
  // Readings marked unverified (u) in docs/semantics.md that the answer relied on, and other notes.
  std::vector<std::string> notes;
  // Principals of Allow statements that are not Vercel's tokens (another OIDC provider, AWS
  // accounts, services): `who` describes Vercel deployments only, and says so when these exist.
  std::vector<std::string> other_principals;

  bool empty() const { return parts.empty(); }
};

struct WhoOptions {
  // Also cover deployments that request another audience through Vercel's token exchange
  // (docs/semantics.md#vercel-custom-audiences). Default: every token carries the default audience.
  bool any_audience = false;
  Limits limits;
};

// The exact allowed set. Fails (TL095) only when an automaton would exceed
// limits.max_automaton_states.
Result<AllowedSet> allowed_set(const CompiledPolicy& policy, const ProviderProfile& profile,
                               const WhoOptions& options = {});

// Does the deployment belong to the set, judged by the printed globs alone? (For tools and
// tests that check `who`'s answer against `can`.)
bool allowed_by_description(const AllowedSet& set, const ProviderProfile& profile, const DeploymentFacts& facts);

}  // namespace trustlint
