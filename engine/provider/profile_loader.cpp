// Provider profiles from YAML (yaml-cpp adapter: exceptions are caught here).
#include "provider/profile_loader.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <exception>

#include "data/embedded.h"

namespace trustlint::internal {
namespace {

std::string str(const YAML::Node& n, const char* key) {
  const YAML::Node v = n[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

std::vector<std::string> list(const YAML::Node& n, const char* key) {
  std::vector<std::string> out;
  const YAML::Node v = n[key];
  if (v && v.IsSequence()) {
    for (const auto& item : v) out.push_back(item.as<std::string>());
  }
  return out;
}

}  // namespace

Result<ProviderProfile> parse_provider_profile(std::string_view yaml_text, const std::string& name) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    ProviderProfile p;
    p.name = str(root, "name");
    p.issuer_url_prefix = str(root, "issuer_url_prefix");
    p.global_provider = str(root["providers"], "global");
    p.team_provider = str(root["providers"], "team");
    p.sub_template = str(root["claims"], "sub");
    p.aud_template = str(root["claims"], "aud");
    for (const auto& s : root["segments"]) {
      SegmentSpec spec;
      spec.name = str(s, "name");
      spec.alphabet = str(s, "alphabet");
      spec.description = str(s, "description");
      spec.min_length = s["min_length"] ? s["min_length"].as<std::size_t>() : 1;
      spec.max_length = s["max_length"] ? s["max_length"].as<std::size_t>() : 0;
      spec.forbidden_substrings = list(s, "forbidden_substrings");
      spec.known_values = list(s, "known_values");
      p.segments.push_back(std::move(spec));
    }
    if (p.name.empty() || p.sub_template.empty() || p.segments.empty()) {
      return Result<ProviderProfile>::failure(
          make_error("TL099", "provider profile " + name + " lacks name, claims.sub or segments", Span{name}));
    }
    return p;
  } catch (const std::exception& e) {
    return Result<ProviderProfile>::failure(
        make_error("TL099", "provider profile " + name + " is malformed: " + e.what(), Span{name}));
  }
}

}  // namespace trustlint::internal

namespace trustlint {

const ProviderProfile& vercel_profile() {
  // Built once from the embedded copy; the embedded file is tested, so failure is a build bug.
  static const ProviderProfile profile = [] {
    auto text = internal::embedded_file("rules/providers/vercel.yaml");
    auto parsed = internal::parse_provider_profile(text ? *text : std::string_view(), "rules/providers/vercel.yaml");
    if (!parsed.ok()) std::abort();
    return std::move(parsed).value();
  }();
  return profile;
}

}  // namespace trustlint
