// Provider profiles from YAML (yaml-cpp adapter: exceptions are caught here).
#include "provider/profile_loader.h"

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "data/generated_tables.h"
#include "source/generated_tree.h"

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

// The same readings over the engine's located tree (the generated one).
std::string str(const Node* n, const char* key) {
  const Node* v = n == nullptr ? nullptr : n->get(key);
  return v != nullptr && v->is_scalar() ? v->text : std::string();
}

std::vector<std::string> list(const Node* n, const char* key) {
  std::vector<std::string> out;
  const Node* v = n == nullptr ? nullptr : n->get(key);
  if (v != nullptr && v->kind == NodeKind::array) {
    for (const auto& item : v->items) out.push_back(item.text);
  }
  return out;
}

// Both readers (profile_of below): a YAML::Node or a const Node*.
const Node* child(const Node* n, const char* key) { return n == nullptr ? nullptr : n->get(key); }
YAML::Node child(const YAML::Node& n, const char* key) { return n[key]; }
std::vector<const Node*> elements(const Node* n) {
  std::vector<const Node*> out;
  if (n != nullptr) {
    for (const auto& i : n->items) out.push_back(&i);
  }
  return out;
}
YAML::Node elements(const YAML::Node& n) { return n; }

template <typename R>
Result<ProviderProfile> profile_of(const R& root, const std::string& name) {
  ProviderProfile p;
  p.name = str(root, "name");
  p.issuer_url_prefix = str(root, "issuer_url_prefix");
  p.global_provider = str(child(root, "providers"), "global");
  p.team_provider = str(child(root, "providers"), "team");
  p.sub_template = str(child(root, "claims"), "sub");
  p.aud_template = str(child(root, "claims"), "aud");
  for (const auto& s : elements(child(root, "segments"))) {
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
}

}  // namespace

Result<ProviderProfile> provider_profile_from_tree(const Node& root, const std::string& name) {
  return profile_of(&root, name);
}

Result<ProviderProfile> parse_provider_profile(std::string_view yaml_text, const std::string& name) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml_text));
    return profile_of(root, name);
  } catch (const std::exception& e) {
    return Result<ProviderProfile>::failure(
        make_error("TL099", "provider profile " + name + " is malformed: " + e.what(), Span{name}));
  }
}

}  // namespace trustlint::internal

namespace trustlint {

const ProviderProfile& vercel_profile() {
  // Built once from the tree generated at build time; the file is tested, so failure is a build bug.
  static const ProviderProfile profile = [] {
    const internal::Node* tree = internal::generated_tree("rules/providers/vercel.yaml");
    if (tree == nullptr) std::abort();
    auto parsed = internal::provider_profile_from_tree(*tree, "rules/providers/vercel.yaml");
    if (!parsed.ok()) std::abort();
    return std::move(parsed).value();
  }();
  return profile;
}

}  // namespace trustlint
