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
// Is an aws:/sts: key one no AssumeRoleWithWebIdentity request carries: not listed, listed with
// web_identity: absent (aws:SourceAccount, sts:ExternalId), or unsupported? Case-insensitive.
// REQUIRES: catalogued_service(key).
bool never_in_web_identity(std::string_view key);
// The listed key of the same service nearest to `key` (for "did you mean"), or nullopt.
std::optional<std::string> nearest_key(std::string_view key);
// Is `action` ("sts:Name", case-insensitive, no wildcard) a listed STS action?
bool known_sts_action(std::string_view action);

// What a key is to an AssumeRoleWithWebIdentity request made with a token of `provider` (the
// IAM OIDC provider name, "oidc.vercel.com/acme"): that provider's sub or aud claim; a key no such
// request carries (docs/semantics.md#unknown-operators-and-keys: another provider's claim, a claim the
// provider's tokens do not give IAM, a key without a service, an aws:/sts: key the catalogue does not
// list such as a misspelt aws:SoruceIp or marks web_identity: absent such as aws:SourceAccount); or
// an extra key the request may carry (aws:SourceIp, and every key the catalogue marks unverified). The
// prover (who, lint) and make_request (can) both read keys through this one function, so a claim
// `can` is given is never one `who` reads as absent.
enum class RequestKey { sub, aud, absent, extra };
RequestKey classify_request_key(const std::string& folded_key, const std::string& provider);
std::optional<std::string> nearest_sts_action(std::string_view action);

}  // namespace trustlint::internal
