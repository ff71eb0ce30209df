// Principal / NotPrincipal (docs/semantics.md#principal): shape, principal types, wildcards, the form of
// Federated principals, and which sts action each kind of federated principal can use (docs/semantics.md#access-analyzer-checks).
#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "policy/model_parts.h"
#include "policy/spelling.h"
#include "trustlint/request.h"

namespace trustlint::internal {

namespace {

constexpr std::array<std::string_view, 4> kPrincipalTypes = {"AWS", "Federated", "Service", "CanonicalUser"};
constexpr std::array<std::string_view, 4> kBuiltinProviders = {"cognito-identity.amazonaws.com", "accounts.google.com",
                                                               "graph.facebook.com", "www.amazon.com"};
constexpr const char* kFederatedForms =
    "expected arn:PARTITION:iam::ACCOUNT:oidc-provider/NAME, arn:PARTITION:iam::ACCOUNT:saml-provider/NAME, or one of "
    "cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com, www.amazon.com (docs/semantics.md#principal)";

enum class FederatedKind { malformed, oidc, saml, builtin };

bool all_of(std::string_view s, bool (*ok)(char)) {
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}

// Classifies a Federated value; on malformed, `why` says what is wrong.
FederatedKind classify_federated(std::string_view v, std::string& why) {
  for (std::string_view builtin : kBuiltinProviders) {
    if (v == builtin) return FederatedKind::builtin;
  }
  if (!v.starts_with("arn:")) {
    why = v.find('.') != std::string_view::npos
              ? "an OIDC provider is named by its ARN, e.g. arn:aws:iam::123456789012:oidc-provider/" + std::string(v)
              : "not an ARN and not a built-in identity provider";
    return FederatedKind::malformed;
  }
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; the resource keeps any further ':'.
  std::array<std::string_view, 6> part;
  std::string_view rest = v;
  for (std::size_t i = 0; i < 5; ++i) {
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      why = "an ARN has six ':'-separated parts";
      return FederatedKind::malformed;
    }
    part[i] = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  part[5] = rest;
  const std::string_view partition = part[1];
  const bool partition_ok = partition == "aws" || (partition.starts_with("aws-") && partition.size() > 4 &&
                                                   all_of(partition, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }));
  if (!partition_ok) {
    why = "unknown partition \"" + std::string(partition) + "\"";
  } else if (part[2] != "iam") {
    why = "the service must be iam";
  } else if (!part[3].empty()) {
    why = "IAM ARNs have no region";
  } else if (part[4].size() != 12 || !all_of(part[4], [](char c) { return c >= '0' && c <= '9'; })) {
    why = "the account must be 12 digits";
  } else {
    const std::string_view resource = part[5];
    const bool oidc = resource.starts_with("oidc-provider/");
    const bool saml = resource.starts_with("saml-provider/");
    const std::string_view provider = resource.substr(resource.find('/') + 1);
    if (!oidc && !saml) {
      why = "the resource must be oidc-provider/NAME or saml-provider/NAME";
    } else if (provider.empty()) {
      why = "the provider name is empty";
    } else if (oidc && (provider.starts_with("https://") || provider.starts_with("http://"))) {
      why = "the provider name is its URL without https://";
    } else if (provider.find_first_of(" \t") != std::string_view::npos) {
      why = "the provider name contains white space";
    } else {
      return oidc ? FederatedKind::oidc : FederatedKind::saml;
    }
  }
  return FederatedKind::malformed;
}

// TL042's note: what Access Analyzer says of a wildcard principal, then how trustlint reads it.
std::string wildcard_note(const std::string& reading) {
  return "Access Analyzer: role trust policy unsupported wildcard in principal; whether IAM accepts it is "
         "unverified (u)" + reading + " (docs/semantics.md#principal)";
}
constexpr const char* kAdmitsAnyCaller = ", and trustlint treats it as admitting any web-identity caller";
constexpr const char* kDeniesAnyCaller =
    ", and trustlint reads it as naming any caller, so this Deny applies to every caller its conditions match";

PrincipalKind kind_of(std::string_view type) {
  if (type == "AWS") return PrincipalKind::aws;
  if (type == "Federated") return PrincipalKind::federated;
  if (type == "Service") return PrincipalKind::service;
  return PrincipalKind::canonical_user;
}

void check_value(PrincipalKind kind, const std::string& type, const Node& value, bool in_deny, ModelContext& ctx) {
  const std::string& v = value.text;
  if (v == "*") {
    const bool aws = kind == PrincipalKind::aws;
    // AWS and Federated wildcards are read as admitting any web-identity caller (the safe
    // reading); a Service or CanonicalUser principal never matches one, wildcard or not.
    const bool admits_web_identity = aws || kind == PrincipalKind::federated;
    ctx.report(Severity::error, "TL042",
               aws ? (in_deny ? "{\"AWS\": \"*\"} names every principal (it is the same as \"Principal\": \"*\"); in this Deny "
                                "it restricts every caller, but Access Analyzer rejects the wildcard"
                              : "{\"AWS\": \"*\"} trusts every principal (it is the same as \"Principal\": \"*\")")
                   : "a wildcard " + type + " principal is not allowed",
               value.span,
               {admits_web_identity
                    ? wildcard_note(in_deny ? kDeniesAnyCaller : kAdmitsAnyCaller)
                    : wildcard_note("; a " + type + " principal never matches a web-identity caller, so trustlint reads "
                                    "it as admitting no Vercel deployment")});
    return;
  }
  if (v.find('*') != std::string::npos) {
    ctx.report(Severity::error, "TL041", "wildcard inside principal " + quote(v) + ": IAM does not match principals by pattern",
               value.span, {"IAM rejects partial wildcards in principals; name each principal exactly (docs/semantics.md#principal)"});
    return;
  }
  if (kind != PrincipalKind::federated) return;
  std::string why;
  if (classify_federated(v, why) == FederatedKind::malformed) {
    ctx.report(Severity::error, "TL043", "malformed Federated principal " + quote(v) + ": " + why, value.span,
               {kFederatedForms,
                "IAM rejects it: \"Federated principals must be valid domain names or SAML metadata ARNs\""});
  }
}

}  // namespace

PrincipalBlock read_principal(const Member& member, bool negated, bool in_deny, ModelContext& ctx) {
  PrincipalBlock block;
  block.present = true;
  block.negated = negated;
  block.span = member.value.span;
  const Node& v = member.value;
  const std::string& element = member.key;
  const char* shape = " must be \"*\" or an object such as {\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"}";
  if (v.kind == NodeKind::string && v.text == "*") {
    block.entries.push_back(PrincipalEntry{PrincipalKind::any, Located{v.text, v.span}});
    ctx.report(Severity::error, "TL042",
               in_deny ? "\"" + element + "\": \"*\" names every principal; in this Deny it restricts every caller, but "
                         "Access Analyzer rejects the wildcard"
                       : "\"" + element + "\": \"*\" trusts every principal",
               v.span, {wildcard_note(in_deny ? kDeniesAnyCaller : kAdmitsAnyCaller)});
    return block;
  }
  if (v.kind != NodeKind::object) {
    ctx.report(Severity::error, "TL039", element + shape + ", found " + (v.kind == NodeKind::string ? quote(v.text) : a_node_kind(v)),
               v.span);
    return block;
  }
  if (v.members.empty()) {
    ctx.report(Severity::error, "TL039", element + " is an empty object: it names no principal", v.span);
  }
  std::set<std::string_view> seen;
  for (const Member& m : v.members) {
    if (!seen.insert(m.key).second) continue;
    bool known = false;
    for (std::string_view type : kPrincipalTypes) known = known || type == m.key;
    if (!known) {
      std::string message = "unknown principal type " + quote(m.key);
      if (auto s = suggest_name(m.key, kPrincipalTypes, default_max_distance(m.key))) {
        message += std::string(s->case_only ? " (principal types are case-sensitive)" : "") + "; did you mean \"" + s->name + "\"?";
      }
      ctx.report(Severity::error, "TL040", std::move(message), m.key_span,
                 {"principal types are AWS, Federated, Service and CanonicalUser (docs/semantics.md#principal)"});
      continue;
    }
    const PrincipalKind kind = kind_of(m.key);
    for (const Node* value : string_list(m.value, element + " " + m.key, "TL039", ctx)) {
      block.entries.push_back(PrincipalEntry{kind, Located{value->text, value->span}});
      check_value(kind, m.key, *value, in_deny, ctx);
    }
  }
  return block;
}

void check_action_fits_principal(const Statement& st, ModelContext& ctx) {
  if (!st.action.present || st.action.negated) return;
  bool saml = false;
  bool web = false;
  std::string saml_name;
  std::string web_name;
  for (const PrincipalEntry& e : st.principal.entries) {
    if (e.kind != PrincipalKind::federated) continue;
    std::string why;
    const FederatedKind k = classify_federated(e.value.text, why);
    if (k == FederatedKind::saml && !saml) saml = true, saml_name = e.value.text;
    if ((k == FederatedKind::oidc || k == FederatedKind::builtin) && !web) web = true, web_name = e.value.text;
  }
  // Only federated principals: sts:AssumeRole is for AWS and Service principals.
  const bool only_federated = !st.principal.negated && (saml || web) &&
                              std::all_of(st.principal.entries.begin(), st.principal.entries.end(),
                                          [](const PrincipalEntry& e) { return e.kind == PrincipalKind::federated; });
  for (const Located& a : st.action.actions) {
    const std::string action = fold_key(a.text);
    if (action == "sts:assumerole" && only_federated) {
      const std::string& name = web ? web_name : saml_name;
      ctx.report(Severity::error, "TL044",
                 a.text + " cannot be used by the " + (web ? "web-identity" : "SAML") + " provider " + quote(name) +
                     ": it is for AWS and service principals",
                 a.span,
                 {std::string(web ? "OIDC federation uses sts:AssumeRoleWithWebIdentity" : "SAML federation uses sts:AssumeRoleWithSAML") +
                  " (Access Analyzer: mismatched action for principal, docs/semantics.md)"});
    }
    if (action == "sts:assumerolewithwebidentity" && saml && !web) {
      ctx.report(Severity::error, "TL044", a.text + " cannot be used by the SAML provider " + quote(saml_name), a.span,
                 {"SAML federation uses sts:AssumeRoleWithSAML (Access Analyzer: mismatched action for principal, docs/semantics.md#access-analyzer-checks)"});
    }
    if (action == "sts:assumerolewithsaml" && web && !saml) {
      ctx.report(Severity::error, "TL044", a.text + " cannot be used by the web-identity provider " + quote(web_name), a.span,
                 {"OIDC federation uses sts:AssumeRoleWithWebIdentity (Access Analyzer: mismatched action for principal, docs/semantics.md#access-analyzer-checks)"});
    }
  }
}

}  // namespace trustlint::internal
