// PlainContext and the helpers the prover-free rules share: federated entries, key parts, the
// request a statement admits, and witness replay.
#include "lint/rules_plain.h"

#include <algorithm>

#include "condition/key_catalogue.h"
#include "eval/principal_match.h"
#include "provider/federation_profiles.h"
#include "trustlint/decision.h"
#include "trustlint/lint.h"
#include "trustlint/provider.h"

namespace trustlint::internal {
namespace {

// The value with its wildcards filled in: '*' → "", '?' → "x".
std::string instance_of(const std::string& glob) {
  std::string out;
  for (char c : glob) {
    if (c == '*') continue;
    out += c == '?' ? 'x' : c;
  }
  return out;
}

}  // namespace

Finding catalogued_finding(const std::string& rule, std::string message, const Span& span, std::string pointer) {
  Finding f;
  f.rule = rule;
  if (const RuleInfo* info = find_rule(rule)) {
    f.name = info->name;
    f.severity = info->severity;
    f.fix = info->fix;
  }
  f.message = std::move(message);
  f.span = span;
  f.pointer = std::move(pointer);
  return f;
}

Finding PlainContext::make(const std::string& rule, std::string message, const Span& span, std::string pointer) const {
  return catalogued_finding(rule, std::move(message), span, std::move(pointer));
}

bool PlainContext::reported(const std::string& rule, const Span& span) const {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& g) {
    return g.rule == rule && g.span.offset == span.offset && g.span.line == span.line && g.span.col == span.col;
  });
}

void PlainContext::add(Finding f) {
  if (!reported(f.rule, f.span)) findings.push_back(std::move(f));
}

bool is_vercel_provider_name(const std::string& provider) {
  const ProviderProfile& v = vercel_profile();
  const std::string p = fold_key(provider);
  if (p == fold_key(v.global_provider)) return true;
  return v.team_of_provider(p, true).has_value();
}

std::vector<FederatedEntry> federated_entries(const Statement& st) {
  std::vector<FederatedEntry> out;
  if (st.principal.negated) return out;
  for (const auto& e : st.principal.entries) {
    if (e.kind != PrincipalKind::federated) continue;
    FederatedEntry f;
    f.entry = &e;
    f.provider = oidc_provider_name(e.value.text);
    if (!f.provider.empty()) {
      f.kind = FederatedKind::oidc;
    } else if (e.value.text.find(":saml-provider/") != std::string::npos) {
      f.kind = FederatedKind::saml;
      f.provider = e.value.text;
    } else if (builtin_federation().find(e.value.text) != nullptr) {
      f.kind = FederatedKind::builtin;
      f.provider = e.value.text;
    } else {
      continue;  // malformed (TL043)
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<KeyParts> key_parts(const std::string& key) {
  const auto colon = key.rfind(':');
  if (colon == std::string::npos) return std::nullopt;
  return KeyParts{key.substr(0, colon), fold_key(key.substr(colon + 1))};
}

bool same_provider(const std::string& a, const std::string& b) { return fold_key(a) == fold_key(b); }

bool multi_valued_key(const std::string& key) {
  if (catalogued_service(key)) {
    const KeyInfo* info = find_key(key);
    return info != nullptr && info->multi_valued;
  }
  const auto k = key_parts(key);
  if (!k) return false;
  const auto listed = [&](const std::vector<std::string>& claims) {
    return std::any_of(claims.begin(), claims.end(), [&](const std::string& c) { return fold_key(c) == k->claim; });
  };
  for (const auto& p : federation_profiles()) {
    if (p.mode_of(k->provider)) return listed(p.multi_valued_claims);
  }
  if (const BuiltinProvider* b = builtin_federation().find(k->provider)) return listed(b->multi_valued_claims);
  return k->claim == "amr";  // OIDC's authentication methods are a list
}

bool positive_string(const Condition& c) {
  return c.op.is_string_family() && !c.op.negated && !c.op.if_exists && c.op.qualifier != Qualifier::for_all_values;
}

Request request_for(const Statement& st, const FederatedEntry& entry) {
  Request r;
  r.provider = entry.provider;
  r.action = entry.kind == FederatedKind::saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
  for (const auto& c : st.conditions) {
    if (!positive_string(c) || c.values.empty()) continue;
    if (c.op.qualifier != Qualifier::none && multi_valued_key(c.key)) {
      r.set_multi(c.key, {instance_of(c.values.front().text)});
    } else {
      r.set(c.key, instance_of(c.values.front().text));
    }
  }
  return r;
}

bool attach_request_witness(const PlainContext& ctx, Finding& f, const Request& request, bool expect_allowed,
                            const std::string& who) {
  const Decision d = evaluate(ctx.policy, request);
  if (d.allowed() != expect_allowed) return false;
  Witness w;
  w.request = request;
  w.allowed = d.allowed();
  w.description = who + (w.allowed ? " can assume the role" : " cannot assume the role");
  f.witness = std::move(w);
  for (const auto& n : d.notes) f.notes.push_back("the decision on the example rests on an unverified reading: " + n);
  return true;
}

void check_plain(const Document& document, const CompiledPolicy& policy, std::vector<Finding>& findings) {
  PlainContext ctx{document, policy, findings};
  check_condition_keys(ctx);
  check_sts_actions(ctx);
  check_generic_oidc(ctx);
  check_profiled_oidc(ctx);
}

bool trusts_other_federation(const Document& document) {
  for (const auto& st : document.statements) {
    for (const auto& e : federated_entries(st)) {
      if (e.kind != FederatedKind::oidc || !is_vercel_provider_name(e.provider)) return true;
    }
  }
  return false;
}

}  // namespace trustlint::internal
