// trusts_provider (vercel_policy.h): the principals and condition-key prefixes of a policy read
// against a provider profile.
#include "eval/principal_match.h"
#include "provider/federation_profiles.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {
namespace {

bool is_provider_name(const std::string& name, const ProviderProfile& profile) {
  if (name.empty()) return false;
  if (name == profile.global_provider) return true;
  const auto team_name = profile.team_of_provider(name);
  if (!team_name) return false;
  const SegmentSpec* team = profile.segment("team");
  return team == nullptr || !check_segment(*team, *team_name);
}

bool admits_provider(const PrincipalBlock& principal, const ProviderProfile& profile) {
  if (principal.negated) return true;
  for (const auto& e : principal.entries) {
    if (e.kind == PrincipalKind::any || (e.kind == PrincipalKind::aws && e.value.text == "*")) return true;
    if (e.kind != PrincipalKind::federated) continue;
    std::string name = internal::oidc_provider_name(e.value.text);
    if (name.empty()) name = e.value.text;  // written as a bare provider name
    if (is_provider_name(name, profile)) return true;
  }
  return false;
}

bool keys_name_provider(const Statement& st, const ProviderProfile& profile) {
  for (const auto& c : st.conditions) {
    const auto colon = c.key_folded.rfind(':');
    if (colon != std::string::npos && is_provider_name(c.key_folded.substr(0, colon), profile)) return true;
  }
  return false;
}

// "token.actions.githubusercontent.com (GitHub Actions)" for a provider a profile describes.
std::string with_display_name(const std::string& value, const std::string& name) {
  for (const auto& f : internal::federation_profiles()) {
    if (f.mode_of(name)) return value + " (" + f.display_name + ")";
  }
  if (const auto* b = internal::builtin_federation().find(name)) return value + " (" + b->display_name + ")";
  return value;
}

}  // namespace

std::vector<std::string> other_principals(const Document& document, const ProviderProfile& profile) {
  std::vector<std::string> out;
  for (const auto& st : document.statements) {
    if (st.effect != Effect::allow || !st.principal.present) continue;
    const std::string head = "statement " + st.label() + " (line " + std::to_string(st.span.line) + "): ";
    if (st.principal.negated) {
      out.push_back(head + "NotPrincipal: every principal it does not name");
      continue;
    }
    for (const auto& e : st.principal.entries) {
      if (e.kind == PrincipalKind::any || e.value.text == "*") continue;
      if (e.kind == PrincipalKind::federated) {
        std::string name = internal::oidc_provider_name(e.value.text);
        if (name.empty()) name = e.value.text;
        if (is_provider_name(name, profile)) continue;
        out.push_back(head + with_display_name(e.value.text, name));
        continue;
      }
      const char* type = e.kind == PrincipalKind::aws ? "AWS" : e.kind == PrincipalKind::service ? "Service" : "CanonicalUser";
      out.push_back(head + type + " " + e.value.text);
    }
  }
  return out;
}

bool trusts_provider(const Document& document, const ProviderProfile& profile) {
  for (const auto& st : document.statements) {
    if (admits_provider(st.principal, profile) || keys_name_provider(st, profile)) return true;
  }
  return false;
}

}  // namespace trustlint
