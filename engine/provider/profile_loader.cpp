// Provider profiles from YAML (yaml-cpp adapter: exceptions are caught here).
#include "provider/profile_loader.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
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

// Reads "[a-z0-9._-]{1,100}" into alphabet and length bounds. Returns an error message or "".
std::string read_pattern(const std::string& pattern, SegmentSpec& spec) {
  const auto close = pattern.find(']');
  if (pattern.size() < 2 || pattern[0] != '[' || close == std::string::npos) {
    return "pattern \"" + pattern + "\" is not of the form [CLASS]{MIN,MAX}";
  }
  const std::string cls = pattern.substr(1, close - 1);
  std::string alphabet;
  for (std::size_t i = 0; i < cls.size(); ++i) {
    if (i + 2 < cls.size() && cls[i + 1] == '-') {
      for (char c = cls[i]; c <= cls[i + 2]; ++c) alphabet.push_back(c);
      i += 2;
    } else {
      alphabet.push_back(cls[i]);
    }
  }
  unsigned min = 0, max = 0;
  char tail = 0;
  if (std::sscanf(pattern.c_str() + close + 1, "{%u,%u}%c", &min, &max, &tail) != 2 || min > max) {
    return "pattern \"" + pattern + "\" must end in {MIN,MAX}";
  }
  spec.alphabet = alphabet;
  spec.min_length = min;
  spec.max_length = max;
  return {};
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
      spec.description = str(s, "description");
      spec.pattern = str(s, "pattern");
      const std::string problem = read_pattern(spec.pattern, spec);
      if (!problem.empty()) {
        return Result<ProviderProfile>::failure(make_error("TL099", name + ": segment " + spec.name + ": " + problem, Span{name}));
      }
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
