// TL401–TL403: the checks Access Analyzer runs on an OIDC provider trustlint has no profile for
// (a condition key with the provider's prefix, more than aud, no bare-* sub); TL420: the
// built-in web-identity domains without the key that ties the role to the customer's app;
// TL421: SAML without SAML:aud. One finding per statement and provider, at the principal entry
// or the offending value, with a witness token replayed through the whole policy.
#include <algorithm>

#include "eval/principal_match.h"
#include "lint/lint_context.h"
#include "lint/rules_plain.h"
#include "provider/federation_profiles.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

const char* kAnySubject = "any-subject";

bool profiled(const std::string& provider) {
  const auto& all = federation_profiles();
  return std::any_of(all.begin(), all.end(), [&](const FederationProfile& p) { return p.mode_of(provider).has_value(); });
}

bool only_stars(const std::string& v) {
  return !v.empty() && v.find_first_not_of('*') == std::string::npos;
}

void check_oidc_entry(PlainContext& ctx, const Statement& st, const FederatedEntry& e) {
  std::vector<const Condition*> own;
  for (const auto& c : st.conditions) {
    const auto k = key_parts(c.key);
    if (k && same_provider(k->provider, e.provider)) own.push_back(&c);
  }
  const std::string token = "a token of " + e.provider + " (sub " + kAnySubject + ")";
  if (own.empty()) {
    Finding f = ctx.make("TL401",
                         "no condition key starts with " + e.provider +
                             ": anyone with a token from this provider can assume the role",
                         e.entry->value.span, principal_pointer(ctx.document, st, e.entry));
    f.notes.push_back("Access Analyzer: missing condition key for oidc principal; trustlint has no profile of " +
                      e.provider + ", so it checks what AWS checks for any OIDC provider");
    f.fix = "Add StringEquals conditions on " + e.provider + ":aud and " + e.provider +
            ":sub naming the audience and the subject this role is for.";
    Request r = request_for(st, e);
    r.set(e.provider + ":sub", kAnySubject);
    attach_request_witness(ctx, f, r, true, token);
    ctx.add(std::move(f));
    return;
  }
  const bool only_aud = std::all_of(own.begin(), own.end(), [](const Condition* c) {
    const std::string claim = key_parts(c->key)->claim;
    return claim == "aud" || claim == "azp" || claim == "oaud";
  });
  if (only_aud) {
    const Condition& c = *own.front();
    const Span span = c.values.empty() ? c.key_span : c.values.front().span;
    Finding f = ctx.make("TL402",
                         "only the audience of " + e.provider +
                             " is checked: every subject the provider issues a token to, for this audience, can assume the role",
                         span, value_pointer(ctx.document, st, c, 0));
    f.fix = "Add a StringEquals condition on " + e.provider + ":sub naming the subject this role is for.";
    Request r = request_for(st, e);
    r.set(e.provider + ":sub", kAnySubject);
    attach_request_witness(ctx, f, r, true, token);
    ctx.add(std::move(f));
  }
  for (const Condition* c : own) {
    if (key_parts(c->key)->claim != "sub" || !positive_string(*c) || c->op.kind != MatchKind::string_like) continue;
    for (std::size_t i = 0; i < c->values.size(); ++i) {
      if (!only_stars(c->values[i].text)) continue;
      Finding f = ctx.make("TL403",
                           "sub matched with " + c->values[i].text + " admits every subject of " + e.provider +
                               ": anyone with a token from this provider can assume the role",
                           c->values[i].span, value_pointer(ctx.document, st, *c, i));
      f.fix = "Replace " + c->values[i].text + " with the subject this role is for.";
      Request r = request_for(st, e);
      r.set(c->key, kAnySubject);
      attach_request_witness(ctx, f, r, true, token);
      ctx.add(std::move(f));
    }
  }
}

// Is `key` tested positively, with at least one value that is not only wildcards?
bool pinned(const Statement& st, const std::string& key) {
  return std::any_of(st.conditions.begin(), st.conditions.end(), [&](const Condition& c) {
    return fold_key(c.key) == fold_key(key) && positive_string(c) &&
           std::any_of(c.values.begin(), c.values.end(), [](const ConditionValue& v) { return !only_stars(v.text); });
  });
}

void check_builtin_entry(PlainContext& ctx, const Statement& st, const FederatedEntry& e, const BuiltinProvider& b,
                         const std::string& rule) {
  if (pinned(st, b.key)) return;
  const bool saml = e.kind == FederatedKind::saml;
  Finding f = ctx.make(rule,
                       "no condition on " + b.key + " (" + b.pins + "): " +
                           (saml ? "an assertion this SAML provider issues for any other recipient is accepted"
                                 : "a token of " + b.display_name + " issued for any other application, in any account, can assume the role"),
                       e.entry->value.span, principal_pointer(ctx.document, st, e.entry));
  f.fix = "Add StringEquals " + b.key + " = " + b.example + " (" + b.pins + ").";
  const std::string other = saml ? "https://other.example.com/saml" : "another-app";
  Request r = request_for(st, e);
  r.set(b.key, other);
  attach_request_witness(ctx, f, r, true,
                         std::string(saml ? "a SAML assertion from " : "a token of ") + e.provider + " with " + b.key + " " + other);
  ctx.add(std::move(f));
}

}  // namespace

void check_generic_oidc(PlainContext& ctx) {
  for (const auto& st : ctx.document.statements) {
    if (st.effect != Effect::allow) continue;
    for (const auto& e : federated_entries(st)) {
      const bool saml = e.kind == FederatedKind::saml;
      if (!match_action(st.action, saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity")) continue;
      if (saml) {
        check_builtin_entry(ctx, st, e, builtin_federation().saml, "TL421");
      } else if (e.kind == FederatedKind::builtin) {
        check_builtin_entry(ctx, st, e, *builtin_federation().find(e.provider), "TL420");
      } else if (!is_vercel_provider_name(e.provider) && !profiled(e.provider)) {
        check_oidc_entry(ctx, st, e);
      }
    }
  }
}

}  // namespace trustlint::internal
