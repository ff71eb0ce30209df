// Deployment facts → the request IAM sees (docs/semantics.md#vercel-issuer-modes, docs/semantics.md#vercel-claims, docs/semantics.md#vercel-sub).
#include <string>

#include "provider/templates.h"
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

std::optional<std::string> check_segment(const SegmentSpec& spec, const std::string& value) {
  if (value.size() < spec.min_length) return spec.name + " is empty; expected " + spec.description;
  if (spec.max_length != 0 && value.size() > spec.max_length) {
    return spec.name + " \"" + value + "\" is " + std::to_string(value.size()) + " characters long; expected " +
           spec.description;
  }
  for (char c : value) {
    if (spec.alphabet.find(c) == std::string::npos) {
      return spec.name + " \"" + value + "\" contains '" + std::string(1, c) + "', which Vercel never issues; expected " +
             spec.description;
    }
  }
  for (const auto& bad : spec.forbidden_substrings) {
    if (value.find(bad) != std::string::npos) {
      return spec.name + " \"" + value + "\" contains \"" + bad + "\"; expected " + spec.description;
    }
  }
  return std::nullopt;
}

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
  for (const auto& [key, value] : facts.extra_context) {
    r.set(key.find(':') == std::string::npos ? r.provider + ":" + key : key, value);
  }
  return r;
}

}  // namespace trustlint
