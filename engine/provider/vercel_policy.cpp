// Teams and issuer mode named by a policy (for `can`'s defaults).
#include "trustlint/vercel_policy.h"

#include <algorithm>

#include "condition/text.h"
#include "eval/principal_match.h"
#include "provider/templates.h"

namespace trustlint {
namespace {

// The team of a provider name "oidc.vercel.com/acme" under the team template, or "".
std::string team_of_provider(const ProviderProfile& p, const std::string& name) {
  const auto pieces = internal::parse_template(p.team_provider);
  if (pieces.size() != 2 || pieces[0].is_segment || !pieces[1].is_segment) return {};
  const std::string& prefix = pieces[0].text;
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return {};
  std::string team = name.substr(prefix.size());
  const SegmentSpec* spec = p.segment("team");
  if (spec && check_segment(*spec, team)) return {};
  return team;
}

// The team a literal claim value names through a template's leading "literal{team}literal…".
std::string team_of_claim(const std::string& tmpl, const std::string& value, const ProviderProfile& p) {
  const auto pieces = internal::parse_template(tmpl);
  if (pieces.size() < 2 || pieces[0].is_segment || !pieces[1].is_segment || pieces[1].text != "team") return {};
  const std::string& prefix = pieces[0].text;
  if (value.compare(0, prefix.size(), prefix) != 0) return {};
  std::size_t end = value.size();
  if (pieces.size() > 2 && !pieces[2].is_segment) {
    end = value.find(pieces[2].text, prefix.size());
    if (end == std::string::npos) return {};
  }
  std::string team = value.substr(prefix.size(), end - prefix.size());
  const SegmentSpec* spec = p.segment("team");
  if (spec && check_segment(*spec, team)) return {};  // wildcards, uppercase, ...
  return team;
}

void add(std::vector<std::string>& out, const std::string& team) {
  if (!team.empty() && std::find(out.begin(), out.end(), team) == out.end()) out.push_back(team);
}

}  // namespace

std::vector<std::string> teams_named(const Document& document, const ProviderProfile& profile) {
  std::vector<std::string> teams;
  for (const auto& st : document.statements) {
    for (const auto& e : st.principal.entries) {
      if (e.kind == PrincipalKind::federated) add(teams, team_of_provider(profile, internal::oidc_provider_name(e.value.text)));
    }
    // Key names are case-insensitive (§1.10): "OIDC.Vercel.com/ACME:sub" names team acme.
    for (const auto& c : st.conditions) {
      const auto colon = c.key_folded.rfind(':');
      if (colon == std::string::npos) continue;
      const std::string prefix = c.key_folded.substr(0, colon);
      const std::string claim = c.key_folded.substr(colon + 1);
      add(teams, team_of_provider(profile, prefix));
      const std::string* tmpl = claim == "sub" ? &profile.sub_template : claim == "aud" ? &profile.aud_template : nullptr;
      if (tmpl == nullptr || !c.op.is_string_family() || c.op.negated) continue;
      // StringEqualsIgnoreCase "OWNER:ACME:..." names team acme: Vercel's claims are lowercase,
      // and IAM folds ASCII only.
      const bool fold = c.op.kind == MatchKind::string_equals_ignore_case;
      for (const auto& v : c.values) add(teams, team_of_claim(*tmpl, fold ? internal::ascii_lowercase(v.text) : v.text, profile));
    }
  }
  return teams;
}

std::optional<IssuerMode> issuer_named(const Document& document, const ProviderProfile& profile) {
  bool global = false, team = false;
  for (const auto& st : document.statements) {
    for (const auto& e : st.principal.entries) {
      if (e.kind != PrincipalKind::federated) continue;
      const std::string name = internal::oidc_provider_name(e.value.text);
      if (name == profile.global_provider) global = true;
      if (!team_of_provider(profile, name).empty()) team = true;
    }
  }
  if (global == team) return std::nullopt;
  return global ? IssuerMode::global : IssuerMode::team;
}

}  // namespace trustlint
