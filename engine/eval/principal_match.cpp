// Principal and Action matching.
#include "eval/principal_match.h"

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

PrincipalMatcher::PrincipalMatcher(const PrincipalBlock& principal) : negated_(principal.negated) {
  for (const auto& e : principal.entries) {
    Entry entry;
    switch (e.kind) {
      case PrincipalKind::any: entry.wildcard = true; break;
      case PrincipalKind::aws: entry.wildcard = e.value.text == "*"; break;
      case PrincipalKind::federated:
        // {"Federated": "*"} (alone or in an array) is not a documented Federated value; the
        // safe reading, the same in can, who and lint, is that it admits a web-identity token
        // of any provider, so the statement's conditions alone decide (unverified; TL042 flags
        // it as an error).
        entry.wildcard = e.value.text == "*";
        entry.federated = true;
        entry.text = e.value.text;
        entry.oidc_name = oidc_provider_name(e.value.text);
        break;
      case PrincipalKind::service:
      case PrincipalKind::canonical_user: break;  // never a web-identity caller
    }
    if (entry.wildcard || entry.federated) entries_.push_back(std::move(entry));
  }
}

bool PrincipalMatcher::listed(std::string_view provider, bool& via_wildcard) const {
  bool listed = false;
  for (const Entry& e : entries_) {
    const bool admits = e.wildcard || e.text == provider || (!provider.empty() && e.oidc_name == provider);
    if (admits) {
      listed = true;
      via_wildcard = via_wildcard || e.wildcard;
      if (!e.wildcard) break;
    }
  }
  return listed;
}

bool PrincipalMatcher::admits(std::string_view provider, bool& unverified) const {
  bool via_wildcard = false;
  const bool in = listed(provider, via_wildcard);
  unverified = !negated_ && in && via_wildcard;
  return negated_ ? !in : in;
}

PrincipalMatch PrincipalMatcher::match(std::string_view provider) const {
  PrincipalMatch m;
  m.matched = admits(provider, m.unverified);
  if (!m.matched) {
    m.reason = negated_ ? "NotPrincipal lists the provider " + std::string(provider)
                        : "Principal does not name the OIDC provider " + std::string(provider);
  }
  return m;
}

ActionMatcher::ActionMatcher(const ActionBlock& action) : negated_(action.negated) {
  patterns_.reserve(action.actions.size());
  for (const auto& a : action.actions) patterns_.emplace_back(a.text, /*ignore_case=*/true);
  covers_web_identity_ = matches_any(kWebIdentityAction) != negated_;
}

bool ActionMatcher::covers(std::string_view action) const {
  // Every Vercel request asks for the same action: decided once, at compile().
  if (action == kWebIdentityAction) return covers_web_identity_;
  return matches_any(action) != negated_;
}

bool ActionMatcher::matches_any(std::string_view action) const {
  bool listed = false;
  for (const GlobMatcher& p : patterns_) {
    if (p.matches(action)) {
      listed = true;
      break;
    }
  }
  return listed;
}

PrincipalMatch match_principal(const PrincipalBlock& principal, std::string_view provider) {
  return PrincipalMatcher(principal).match(provider);
}

bool match_action(const ActionBlock& action, std::string_view request_action) {
  return ActionMatcher(action).covers(request_action);
}

}  // namespace trustlint::internal
