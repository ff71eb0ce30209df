// A request to assume a role, as IAM evaluates it (docs/semantics.md#request-and-policies): the federated principal
// (the OIDC provider's name, e.g. "oidc.vercel.com/acme"), the action, and the context keys.
// Context key names are case-insensitive (docs/semantics.md#condition-block); values are case-sensitive.
//
// Example:
//   trustlint::Request r;
//   r.provider = "oidc.vercel.com/acme";
//   r.set("oidc.vercel.com/acme:sub", "owner:acme:project:web:environment:preview");
//   r.set_multi("oidc.vercel.com/acme:amr", {"a", "b"});
//   bool in = trustlint::evaluate(policy.value(), r).allowed();  // make_request() builds these
//
// Ownership: ContextEntry and Request are plain values owning their strings; find() returns a
// pointer into the Request, valid until it is changed.
// Thread safety: none needed: plain data, safe to copy and to read from several threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustlint {

struct ContextEntry {
  std::string key;                  // as given
  std::string key_folded;           // ASCII-lowercased
  std::vector<std::string> values;  // one value for a single-valued key
  bool multi_valued = false;        // a multi-valued key (e.g. amr), even with one value
};

struct Request {
  // Name of the OIDC provider the token was issued by (the provider URL without https://).
  // A Federated principal "arn:PARTITION:iam::ACCOUNT:oidc-provider/NAME" matches when NAME
  // equals it.
  std::string provider;
  std::string action = "sts:AssumeRoleWithWebIdentity";
  std::vector<ContextEntry> context;

  // Sets (replaces) a single-valued key.
  void set(std::string key, std::string value);
  // Sets (replaces) a multi-valued key.
  void set_multi(std::string key, std::vector<std::string> values);
  // Case-insensitive lookup; nullptr when the key is absent.
  const ContextEntry* find(std::string_view key) const;
};

std::string fold_key(std::string_view key);  // ASCII lowercase

}  // namespace trustlint
