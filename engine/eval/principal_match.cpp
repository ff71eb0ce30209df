// Principal and Action matching.
#include "eval/principal_match.h"

#include "condition/glob.h"

namespace trustlint::internal {

std::string oidc_provider_name(std::string_view v) {
  // arn:PARTITION:iam::ACCOUNT:oidc-provider/NAME
  if (v.substr(0, 4) != "arn:") return {};
  std::size_t pos = 0;
  for (int colons = 0; colons < 5; ++colons) {
    pos = v.find(':', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  const std::string_view rest = v.substr(pos);
  constexpr std::string_view kType = "oidc-provider/";
  if (rest.substr(0, kType.size()) != kType) return {};
  return std::string(rest.substr(kType.size()));
}

static bool entry_admits(const PrincipalEntry& e, std::string_view provider, bool& via_wildcard) {
  switch (e.kind) {
    case PrincipalKind::any:
      via_wildcard = true;
      return true;
    case PrincipalKind::aws:
      if (e.value.text == "*") {
        via_wildcard = true;
        return true;
      }
      return false;
    case PrincipalKind::federated:
      if (e.value.text == provider) return true;  // a domain-named provider (accounts.google.com)
      return !provider.empty() && oidc_provider_name(e.value.text) == provider;
    case PrincipalKind::service:
    case PrincipalKind::canonical_user:
      return false;
  }
  return false;
}

PrincipalMatch match_principal(const PrincipalBlock& principal, std::string_view provider) {
  PrincipalMatch m;
  bool via_wildcard = false;
  bool listed = false;
  for (const auto& e : principal.entries) {
    bool w = false;
    if (entry_admits(e, provider, w)) {
      listed = true;
      via_wildcard = via_wildcard || w;
      if (!w) break;
    }
  }
  if (principal.negated) {
    m.matched = !listed;
    m.reason = m.matched ? "" : "NotPrincipal lists the provider " + std::string(provider);
    return m;
  }
  m.matched = listed;
  m.unverified = listed && via_wildcard;
  if (!listed) m.reason = "Principal does not name the OIDC provider " + std::string(provider);
  return m;
}

bool match_action(const ActionBlock& action, std::string_view request_action) {
  bool listed = false;
  for (const auto& a : action.actions) {
    if (glob_match(a.text, request_action, /*ignore_case=*/true)) {
      listed = true;
      break;
    }
  }
  return action.negated ? !listed : listed;
}

}  // namespace trustlint::internal
