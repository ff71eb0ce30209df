// rules/providers/*.yaml (the ones with a `subject:` section) and aws-builtin.yaml → profiles,
// read from the trees generated from them at build time (data/generated_tables.h). A malformed
// data file is a build bug: abort.
#include "provider/federation_profiles.h"

#include <cstdlib>

#include "data/generated_tables.h"
#include "provider/templates.h"
#include "source/generated_tree.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

std::string text(const Node* n, const char* key) {
  if (n == nullptr) return {};
  const Node* v = n->get(key);
  return v != nullptr && v->is_scalar() ? v->text : std::string();
}

std::vector<std::string> texts(const Node* n, const char* key) {
  std::vector<std::string> out;
  const Node* v = n == nullptr ? nullptr : n->get(key);
  if (v != nullptr) {
    for (const auto& item : v->items) out.push_back(item.text);
  }
  return out;
}


FederationProfile profile_of(const Node& root) {
  FederationProfile p;
  p.name = text(&root, "name");
  p.display_name = text(&root, "display_name");
  p.global_provider = text(root.get("providers"), "global");
  p.enterprise_provider = text(root.get("providers"), "enterprise");
  p.claims = texts(&root, "claims");
  p.multi_valued_claims = texts(&root, "multi_valued_claims");
  p.default_audience = text(&root, "default_audience");
  const Node* s = root.get("subject");
  p.subject_claim = text(s, "claim");
  p.subject_template = text(s, "template");
  p.fix_value = text(s, "fix_value");
  p.missing_rule = text(s->get("missing"), "rule");
  p.missing_means = text(s->get("missing"), "means");
  if (const Node* segs = s->get("segments")) {
    for (const auto& e : segs->items) {
      SubjectSegment seg;
      seg.name = text(&e, "name");
      seg.ends_before = text(&e, "ends_before");
      seg.example = text(&e, "example");
      seg.wildcard_rule = text(e.get("wildcard"), "rule");
      seg.wildcard_means = text(e.get("wildcard"), "means");
      p.segments.push_back(std::move(seg));
    }
  }
  if (const Node* ct = s->get("custom_template")) {
    p.custom_template.rule = text(ct, "rule");
    p.custom_template.anchored_by = texts(ct, "anchored_by");
    p.custom_template.key_characters = text(ct, "key_characters");
    p.custom_template.means = text(ct, "means");
    if (p.custom_template.rule.empty() || p.custom_template.anchored_by.empty() ||
        p.custom_template.key_characters.empty()) {
      std::abort();
    }
  }
  if (const Node* pins = s->get("pins")) {
    for (const auto& e : pins->items) {
      SubjectPin pin;
      pin.claim = text(&e, "claim");
      const std::string t = text(&e, "template");  // "{owner}/{rest}": the literal after the first segment
      const auto close = t.find('}');
      const auto next = t.find('{', close);
      pin.first_segment_end = close == std::string::npos ? std::string() : t.substr(close + 1, next - close - 1);
      pin.callee = text(&e, "callee") == "true";
      p.pins.push_back(std::move(pin));
    }
  }
  p.callee_rule = text(s->get("callee_rule"), "rule");
  p.callee_means = text(s->get("callee_rule"), "means");
  for (const auto& pin : p.pins) {
    if (pin.callee && p.callee_rule.empty()) std::abort();
  }
  if (p.name.empty() || p.global_provider.empty() || p.subject_template.empty() || p.segments.empty()) std::abort();
  return p;
}

BuiltinProvider builtin_of(const Node& e) {
  BuiltinProvider b;
  b.provider = text(&e, "provider");
  b.display_name = text(&e, "display_name");
  b.key = text(&e, "key");
  b.pins = text(&e, "pins");
  b.example = text(&e, "example");
  b.multi_valued_claims = texts(&e, "multi_valued_claims");
  if (b.display_name.empty() || b.key.empty()) std::abort();
  return b;
}

}  // namespace

std::optional<std::string> FederationProfile::mode_of(const std::string& provider, std::string* tenant) const {
  const std::string folded = fold_key(provider);
  if (folded == fold_key(global_provider)) return "global";
  const std::string prefix = fold_key(template_prefix(enterprise_provider));
  if (prefix.size() == enterprise_provider.size()) return std::nullopt;  // no {enterprise}
  if (folded.size() <= prefix.size() || folded.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::string rest = provider.substr(prefix.size());
  if (rest.find('/') != std::string::npos) return std::nullopt;
  if (tenant != nullptr) *tenant = rest;
  return "enterprise";
}

const BuiltinProvider* BuiltinFederation::find(const std::string& domain) const {
  for (const auto& b : web_identity) {
    if (fold_key(b.provider) == fold_key(domain)) return &b;
  }
  return nullptr;
}

const std::vector<FederationProfile>& federation_profiles() {
  static const std::vector<FederationProfile> profiles = [] {
    std::vector<FederationProfile> out;
    for (const auto& t : generated_trees()) {
      const std::string_view path = t.path;
      if (path.rfind("rules/providers/", 0) != 0) continue;
      const Node* root = generated_tree(path);
      if (root == nullptr) std::abort();
      if (root->get("subject") != nullptr) out.push_back(profile_of(*root));
    }
    return out;
  }();
  return profiles;
}

const BuiltinFederation& builtin_federation() {
  static const BuiltinFederation builtin = [] {
    BuiltinFederation out;
    const Node* root = generated_tree("rules/providers/aws-builtin.yaml");
    if (root == nullptr || root->get("web_identity") == nullptr || root->get("saml") == nullptr) std::abort();
    for (const auto& e : root->get("web_identity")->items) out.web_identity.push_back(builtin_of(e));
    out.saml = builtin_of(*root->get("saml"));
    return out;
  }();
  return builtin;
}

}  // namespace trustlint::internal
