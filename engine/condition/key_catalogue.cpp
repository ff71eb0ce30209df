// rules/condition_keys.yaml → KeyCatalogue, read once from the tree generated from it at build
// time (data/generated_tables.h).
#include "condition/key_catalogue.h"

#include <array>
#include <cstdlib>

#include "data/generated_tables.h"
#include "source/generated_tree.h"
#include "policy/spelling.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

std::string text_of(const Node& entry, const char* key) {
  const Node* n = entry.get(key);
  return n != nullptr && n->is_scalar() ? n->text : std::string();
}

KeyPresence presence_of(const std::string& s) {
  if (s == "present") return KeyPresence::present;
  if (s == "absent") return KeyPresence::absent;
  return KeyPresence::unverified;
}

KeyCatalogue load() {
  KeyCatalogue out;
  const Node* tree = generated_tree("rules/condition_keys.yaml");
  if (tree == nullptr) std::abort();  // generated at build time; its absence is a build bug
  for (const char* list : {"aws_keys", "sts_keys"}) {
    const Node* l = tree->get(list);
    if (l == nullptr) std::abort();
    for (const auto& e : l->items) {
      KeyInfo k;
      k.name = text_of(e, "name");
      k.type = text_of(e, "type");
      k.multi_valued = text_of(e, "multi_valued") == "true";
      k.web_identity = presence_of(text_of(e, "web_identity"));
      k.deprecated_by = text_of(e, "deprecated");
      k.unsupported = text_of(e, "unsupported");
      out.keys.push_back(std::move(k));
    }
  }
  if (const Node* a = tree->get("sts_actions")) {
    for (const auto& e : a->items) out.actions.push_back(e.text);
  }
  return out;
}

std::string_view service_of(std::string_view key) {
  const auto colon = key.find(':');
  return colon == std::string_view::npos ? std::string_view() : key.substr(0, colon);
}

}  // namespace

const KeyCatalogue& key_catalogue() {
  static const KeyCatalogue catalogue = load();
  return catalogue;
}

bool catalogued_service(std::string_view key) {
  const std::string s = fold_key(service_of(key));
  return s == "aws" || s == "sts";
}

const KeyInfo* find_key(std::string_view key) {
  const std::string folded = fold_key(key);
  for (const auto& k : key_catalogue().keys) {
    const std::string name = fold_key(k.name);
    if (name.back() == '/') {
      if (folded.size() > name.size() && folded.compare(0, name.size(), name) == 0) return &k;
    } else if (folded == name) {
      return &k;
    }
  }
  return nullptr;
}

bool never_in_web_identity(std::string_view key) {
  const KeyInfo* info = find_key(key);
  return info == nullptr || info->web_identity == KeyPresence::absent || !info->unsupported.empty();
}

std::optional<std::string> nearest_key(std::string_view key) {
  const std::string service = fold_key(service_of(key));
  std::vector<std::string> names;
  for (const auto& k : key_catalogue().keys) {
    if (fold_key(service_of(k.name)) == service) names.push_back(k.name.back() == '/' ? k.name + "TAGKEY" : k.name);
  }
  std::vector<std::string_view> views(names.begin(), names.end());
  // A family written without its tag key ("aws:RequestTag") is nearest to the family itself.
  const auto s = suggest_name(key, views, default_max_distance(key) + 1);
  if (!s) return std::nullopt;
  return s->name;
}

bool known_sts_action(std::string_view action) {
  if (fold_key(service_of(action)) != "sts") return true;
  const std::string name = fold_key(action.substr(4));
  for (const auto& a : key_catalogue().actions) {
    if (fold_key(a) == name) return true;
  }
  return false;
}

std::optional<std::string> nearest_sts_action(std::string_view action) {
  std::vector<std::string> names;
  for (const auto& a : key_catalogue().actions) names.push_back("sts:" + a);
  std::vector<std::string_view> views(names.begin(), names.end());
  const auto s = suggest_name(action, views, default_max_distance(action));
  if (!s) return std::nullopt;
  return s->name;
}

RequestKey classify_request_key(const std::string& folded_key, const std::string& provider) {
  const std::string p = fold_key(provider);
  if (folded_key == p + ":sub") return RequestKey::sub;
  if (folded_key == p + ":aud") return RequestKey::aud;
  const auto colon = folded_key.find(':');
  if (colon == std::string::npos) return RequestKey::absent;
  const std::string prefix = folded_key.substr(0, colon);
  // OIDC provider keys are "HOST[/PATH]:claim"; any such key other than this provider's sub/aud
  // is absent from the request (docs/semantics.md#generic-oidc-keys). AWS's own keys (aws:, sts:)
  // may be present: they are extra conditions, unless the key catalogue does not list them (a
  // misspelt aws:SoruceIp is in no request) or lists them as never in a web-identity request
  // (aws:SourceAccount, sts:ExternalId: web_identity absent). A key the catalogue marks
  // unverified stays extra: the prover then neither counts on it nor rules it out.
  if (prefix.find('.') != std::string::npos || prefix.find('/') != std::string::npos) return RequestKey::absent;
  if (catalogued_service(folded_key) && never_in_web_identity(folded_key)) return RequestKey::absent;
  return RequestKey::extra;
}

}  // namespace trustlint::internal
