// What a policy itself says about the provider's identities: the teams it names (in principals,
// key prefixes, and literal `sub`/`aud` values) and the issuer mode its principals use. `can`
// uses these to fill in a team or issuer the user left out, and says that it did.
//
// Example:
//   const auto& vercel = trustlint::vercel_profile();
//   std::vector<std::string> teams = trustlint::teams_named(doc.value(), vercel);  // {"acme"}
//   auto issuer = trustlint::issuer_named(doc.value(), vercel);  // IssuerMode::team, or nullopt
//   if (!trustlint::trusts_provider(doc.value(), vercel)) std::cout << "not a Vercel role\n";
//   std::string team = teams.size() == 1 ? teams[0] : "";  // can's default team
//
// Ownership: the functions return values (owning their strings) and keep nothing.
// Thread safety: pure functions over an immutable Document: safe from several threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/policy.h"
#include "trustlint/provider.h"

namespace trustlint {

// Distinct team slugs the policy names, in order: first those written whole (principals, key
// prefixes, literal sub/aud values of positive operators), then the literal start of every sub
// owner segment ("owner:acme*" and "StringNotLike owner:acme:*" name acme). The one answer to
// "which teams does this policy name", for can's default team and lint's expected teams.
std::vector<std::string> teams_named(const Document& document, const ProviderProfile& profile);

// The issuer mode of the policy's federated principals for this provider: global when they name
// only the global provider, team when only team providers, nullopt when both or neither.
std::optional<IssuerMode> issuer_named(const Document& document, const ProviderProfile& profile);

// Does the role trust the provider at all? True when some statement's principal admits one of
// its tokens (a Federated entry naming its global or a team provider, "*", {"AWS": "*"}, or
// NotPrincipal), or some condition key is one of its provider's keys (oidc.vercel.com/acme:sub
// under a principal an IaC input left unresolved). lint leaves other roles (a Lambda service
// role, GitHub's provider) to their grammar checks; can and who pick such a role by default.
bool trusts_provider(const Document& document, const ProviderProfile& profile);

// The principals of Allow statements that are not the provider's tokens, one line each
// ("statement #2 (line 14): arn:…:oidc-provider/token.actions.githubusercontent.com (GitHub
// Actions)"): what `who` does not describe. Wildcards ("*", {"AWS": "*"}, {"Federated": "*"})
// admit the provider's tokens and are not listed; NotPrincipal is ("every principal except …").
std::vector<std::string> other_principals(const Document& document, const ProviderProfile& profile);

}  // namespace trustlint
