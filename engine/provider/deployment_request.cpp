// Deployment facts → the request IAM sees (docs/semantics.md#vercel-issuer-modes, docs/semantics.md#vercel-claims, docs/semantics.md#vercel-sub).
#include <string>

#include "condition/key_catalogue.h"
#include "provider/templates.h"
#include "source/diagnostic_sink.h"
#include "source/utf8.h"
#include "trustlint/provider.h"

namespace trustlint {

const char* issuer_mode_name(IssuerMode m) { return m == IssuerMode::global ? "global" : "team"; }

const SegmentSpec* ProviderProfile::segment(const std::string& segment_name) const {
  for (const auto& s : segments) {
    if (s.name == segment_name) return &s;
  }
  return nullptr;
}

std::string ProviderProfile::provider_name(IssuerMode mode, const std::string& team) const {
  if (mode == IssuerMode::global) return global_provider;
  return internal::expand_template(team_provider, {{"team", team}});
}

std::string ProviderProfile::default_audience(const std::string& team) const {
  return internal::expand_template(aud_template, {{"team", team}});
}

std::string ProviderProfile::default_audience_glob() const { return default_audience("*"); }

std::optional<std::string> ProviderProfile::team_of_provider(const std::string& name, bool any_case) const {
  const std::string prefix = internal::template_prefix(team_provider);
  if (name.size() <= prefix.size()) return std::nullopt;
  const std::string head = name.substr(0, prefix.size());
  if (any_case ? fold_key(head) != fold_key(prefix) : head != prefix) return std::nullopt;
  return name.substr(prefix.size());
}

std::optional<std::string> ProviderProfile::team_of_default_audience(const std::string& aud) const {
  const auto at = aud_template.find("{team}");
  if (at == std::string::npos) return std::nullopt;
  const std::string before = aud_template.substr(0, at), after = aud_template.substr(at + 6);
  if (aud.size() < before.size() + after.size() || aud.compare(0, before.size(), before) != 0 ||
      aud.compare(aud.size() - after.size(), after.size(), after) != 0) {
    return std::nullopt;
  }
  return aud.substr(before.size(), aud.size() - before.size() - after.size());
}

std::optional<std::string> check_segment(const SegmentSpec& spec, const std::string& value) {
  using internal::quote;
  if (value.size() < spec.min_length) return spec.name + " is empty; expected " + spec.description;
  for (std::size_t pos = 0; pos < value.size();) {
    const internal::Utf8Char c = internal::decode_utf8(value, pos);
    if (c.problem != nullptr) {
      return spec.name + " " + quote(value) + " is not UTF-8 (" + c.problem + "); expected " + spec.description;
    }
    if (c.code_point >= 0x80 || spec.alphabet.find(static_cast<char>(c.code_point)) == std::string::npos) {
      return spec.name + " " + quote(value) + " contains " + internal::describe_code_point(c.code_point) +
             ", which Vercel never issues; expected " + spec.description;
    }
    pos += c.length;
  }
  if (spec.max_length != 0 && value.size() > spec.max_length) {
    return spec.name + " " + quote(value) + " is " + std::to_string(value.size()) + " characters long; expected " +
           spec.description;
  }
  for (const auto& bad : spec.forbidden_substrings) {
    if (value.find(bad) != std::string::npos) {
      return spec.name + " " + quote(value) + " contains " + quote(bad) + "; expected " + spec.description;
    }
  }
  return std::nullopt;
}

namespace {

// The provider name a key is a claim of ("oidc.vercel.com/acme" for "oidc.vercel.com/acme:sub"),
// when that is one of the profile's providers; else "".
std::string vercel_prefix(const ProviderProfile& profile, const std::string& folded_key) {
  const auto colon = folded_key.rfind(':');
  if (colon == std::string::npos) return {};
  const std::string prefix = folded_key.substr(0, colon);
  if (prefix == profile.global_provider) return prefix;
  const auto team_name = profile.team_of_provider(prefix);
  if (!team_name) return {};
  const SegmentSpec* team = profile.segment("team");
  return team == nullptr || !check_segment(*team, *team_name) ? prefix : std::string();
}

// Why a request made with this deployment's token never carries `key` (the prover reads it as
// absent: internal::classify_request_key), or nullopt when it may.
std::optional<std::string> never_in_request(const ProviderProfile& profile, const Request& r, const std::string& key,
                                            const std::string& folded) {
  using internal::quote;
  if (internal::classify_request_key(folded, r.provider) != internal::RequestKey::absent) return std::nullopt;
  const auto colon = folded.rfind(':');
  if (colon != std::string::npos && folded.compare(0, colon, fold_key(r.provider)) == 0) {
    return "IAM reads only the sub and aud claims of " + r.provider + "'s tokens (the " + profile.name +
           " token's other claims are not condition keys, docs/semantics.md#generic-oidc-keys)";
  }
  if (internal::catalogued_service(folded) && internal::find_key(folded) != nullptr) {
    return quote(key) + " is an AWS condition key that no AssumeRoleWithWebIdentity request carries "
           "(rules/condition_keys.yaml, docs/semantics.md#request-keys)";
  }
  if (internal::catalogued_service(folded)) {
    std::string why = quote(key) + " is not an AWS condition key";
    if (auto near = internal::nearest_key(key)) why += " (did you mean " + *near + "?)";
    return why;
  }
  if (folded.find(':') == std::string::npos) return "a context key has the form SERVICE:NAME or PROVIDER:CLAIM";
  return "it is a claim of the OIDC provider " + key.substr(0, key.rfind(':')) + ", whose tokens this deployment does not hold";
}

// An extra key that no token of this deployment can carry with that value (TL092), or nullopt:
// another provider's claim, or a sub/aud other than the deployment's own.
std::optional<std::string> contradiction(const ProviderProfile& profile, const DeploymentFacts& facts,
                                         const Request& r, const std::string& key, const std::string& value) {
  using internal::quote;
  const std::string folded = fold_key(key);
  const std::string prefix = vercel_prefix(profile, folded);
  const std::string deployment = facts.environment + " of project " + facts.project + " of team " + facts.team +
                                 " (issuer " + issuer_mode_name(facts.issuer) + ")";
  if (!prefix.empty() && prefix != fold_key(r.provider)) {
    return "claim " + quote(key) + " belongs to tokens of " + prefix + ", but the token of " + deployment +
           " comes from " + r.provider + ", so IAM never sees that key with it";
  }
  if (auto why = never_in_request(profile, r, key, folded)) {
    return "claim " + quote(key) + " is in no request IAM evaluates for the token of " + deployment + ": " + *why +
           "; who and lint read it as absent, so can does not answer with it";
  }
  if (prefix.empty()) return std::nullopt;
  const std::string claim = folded.substr(prefix.size() + 1);
  if (claim != "sub" && claim != "aud") return std::nullopt;
  const ContextEntry* own = r.find(key);
  if (own == nullptr || own->values.empty() || own->values.front() == value) return std::nullopt;
  if (claim == "aud" && !facts.audience) return std::nullopt;  // the claim chooses the audience, as --aud does
  return "claim " + quote(key) + " = " + quote(value, 120) + " contradicts the deployment: the token of " +
         deployment + " carries " + claim + " " + quote(own->values.front(), 120) +
         (claim == "sub" ? " (give the team, project and environment the sub names instead)"
                         : " (give the audience once)");
}

}  // namespace

Result<Request> make_request(const ProviderProfile& profile, const DeploymentFacts& facts) {
  Diagnostics problems;
  const std::pair<const char*, const std::string*> parts[] = {
      {"team", &facts.team}, {"project", &facts.project}, {"environment", &facts.environment}};
  for (const auto& [name, value] : parts) {
    const SegmentSpec* spec = profile.segment(name);
    if (spec == nullptr) continue;
    if (auto why = check_segment(*spec, *value)) problems.push_back(make_error("TL090", *why, Span{}));
  }
  if (!problems.empty()) return Result<Request>::failure(std::move(problems));

  const internal::TemplateValues values = {
      {"team", facts.team}, {"project", facts.project}, {"environment", facts.environment}};
  Request r;
  r.provider = profile.provider_name(facts.issuer, facts.team);
  r.set(r.provider + ":sub", internal::expand_template(profile.sub_template, values));
  r.set(r.provider + ":aud", facts.audience ? *facts.audience : internal::expand_template(profile.aud_template, values));
  const Request derived = r;
  for (const auto& [key, value] : facts.extra_context) {
    const std::string full = key.find(':') == std::string::npos ? r.provider + ":" + key : key;
    if (auto why = contradiction(profile, facts, derived, full, value)) {
      problems.push_back(make_error("TL092", *why, Span{}));
      continue;
    }
    r.set(full, value);
  }
  if (!problems.empty()) return Result<Request>::failure(std::move(problems));
  return r;
}

}  // namespace trustlint
