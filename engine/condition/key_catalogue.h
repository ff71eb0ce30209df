// The AWS condition keys and STS actions a trust policy can name (rules/condition_keys.yaml,
// embedded): lint checks keys and actions against it (TL060–TL064), and the prover reads an
// `aws:` or `sts:` key that is not listed as one no request carries. Loaded once, immutable;
// safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::internal {

enum class KeyPresence { present, absent, unverified };  // in an AssumeRoleWithWebIdentity request

struct KeyInfo {
  std::string name;           // as AWS spells it; a family ends in '/' (aws:RequestTag/)
  std::string type;           // string | arn | numeric | date | bool | ip
  bool multi_valued = false;
  KeyPresence web_identity = KeyPresence::unverified;
  std::string deprecated_by;  // non-empty: the key to use instead
  std::string unsupported;    // non-empty: why no request carries it
};

struct KeyCatalogue {
  std::vector<KeyInfo> keys;          // aws: and sts: keys
  std::vector<std::string> actions;   // STS action names without the "sts:" prefix
};

const KeyCatalogue& key_catalogue();

// Is the key's service one the catalogue lists completely (aws:, sts:)? Case-insensitive.
bool catalogued_service(std::string_view key);
// The entry of a key (case-insensitive; families by prefix), or nullptr when the catalogue does
// not list it.
const KeyInfo* find_key(std::string_view key);
// The listed key of the same service nearest to `key` (for "did you mean"), or nullopt.
std::optional<std::string> nearest_key(std::string_view key);
// Is `action` ("sts:Name", case-insensitive, no wildcard) a listed STS action?
bool known_sts_action(std::string_view action);
std::optional<std::string> nearest_sts_action(std::string_view action);

}  // namespace trustlint::internal
