// TL301–TL304: what qualifiers, negated operators, wildcard principals and broad actions let
// in, each shown by a replayed witness: a Vercel deployment from the allowed set, or a token of
// another provider (GitHub Actions) that the statement admits.
#include <algorithm>

#include "eval/principal_match.h"
#include "lint/deployment_sets.h"
#include "lint/rules.h"
#include "source/diagnostic_sink.h"

namespace trustlint::internal {
namespace {

const char* kForeignProvider = "token.actions.githubusercontent.com";

// Providers whose tokens a statement admits besides Vercel's, as requests to replay.
std::vector<Request> foreign_requests(const LintContext& ctx, const Statement& st) {
  std::vector<Request> out;
  for (const auto& p : ctx.foreign_providers(st)) out.push_back(foreign_request(p));
  if (ctx.wildcard_principal(st)) out.push_back(foreign_request(kForeignProvider));
  return out;
}

std::pair<Span, std::string> first_value(const LintContext& ctx, const Statement& st, const Condition& c) {
  if (c.values.empty()) return {c.key_span, condition_pointer(ctx.document(), st, c)};
  return {c.values[0].span, value_pointer(ctx.document(), st, c, 0)};
}

// Deployments of the allowed set whose team is outside the expected ones (all, when none).
std::vector<DeploymentFacts> other_team_examples(LintContext& ctx) {
  std::vector<DeploymentFacts> out;
  const auto& expected = ctx.expected_teams();
  for (const auto& p : ctx.allowed().parts) {
    if (!p.extra_conditions.empty()) continue;
    const ValueSet teams = value_set_of(ctx.domain(kTeam), p.team);
    auto others = expected.empty() ? std::vector<ValueSet>{teams}
                                   : teams.minus(ValueSet::of_globs(ctx.domain(kTeam), expected));
    if (others.empty() || others.front().empty()) continue;
    DeploymentFacts f = p.example;
    f.team = example_of(others.front());
    out.push_back(f);
  }
  return out;
}

void check_qualifier(LintContext& ctx, const Statement& st, std::size_t ci) {
  const Condition& c = st.conditions[ci];
  const ClaimKey key = ctx.claim_key(c.key);
  if (!key.oidc || (key.claim != "sub" && key.claim != "aud")) return;
  if (c.op.qualifier != Qualifier::for_all_values && !c.op.if_exists) return;
  Document plain = ctx.document();
  Condition& pc = plain.statements[st.index].conditions[ci];
  pc.op.qualifier = Qualifier::none;
  pc.op.if_exists = false;
  pc.op_text = operator_name(pc.op);
  const auto [span, pointer] = first_value(ctx, st, c);
  Finding f = ctx.make("TL301",
                       c.op_text + " holds when " + c.key +
                           " is missing, and this statement admits tokens without it: they get in unchecked (with " +
                           pc.op_text + " they would not)",
                       span, pointer);
  f.notes.push_back(std::string(c.op.if_exists ? "IfExists" : "ForAllValues") +
                    " is true when the key is absent (docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers); sub and aud are single-valued");
  f.fix = "Use " + pc.op_text + ".";
  bool shown = false;
  if (auto plain_set = ctx.prove(plain)) {
    if (auto e = example_not_in(ctx, ctx.allowed(), *plain_set); e && e->extras.empty()) {
      shown = attach_witness(ctx, f, e->facts, true);
    }
  }
  if (!shown) {
    auto compiled = compile(plain);
    for (const auto& r : foreign_requests(ctx, st)) {
      if (compiled.ok() && !evaluate(compiled.value(), r).allowed() && attach_foreign_witness(ctx, f, r)) {
        shown = true;
        break;
      }
    }
  }
  if (shown) add_finding(ctx, std::move(f));
}

void check_negated_only(LintContext& ctx, const Statement& st) {
  if (st.conditions.empty()) return;
  const bool all_negated = std::all_of(st.conditions.begin(), st.conditions.end(), [](const Condition& c) {
    return c.op.negated && c.op.kind != MatchKind::null_check;
  });
  if (!all_negated) return;
  const auto [span, pointer] = first_value(ctx, st, st.conditions.front());
  const std::string head = "the only conditions of Allow " + st.label() + " are negated (" +
                           st.conditions.front().op_text +
                           "): they hold for every token they do not list and for every token without the key, so ";
  Finding f = ctx.make("TL302", "", span, pointer);
  for (const auto& facts : other_team_examples(ctx)) {
    auto r = request_of(ctx, facts);
    if (r && statement_applies(ctx, *r, st) && attach_witness(ctx, f, facts, true)) {
      f.message = head + "other teams' deployments get in";
      add_finding(ctx, std::move(f));
      return;
    }
  }
  for (const auto& r : foreign_requests(ctx, st)) {
    if (statement_applies(ctx, r, st) && attach_foreign_witness(ctx, f, r)) {
      f.message = head + "tokens of " + r.provider + " get in";
      add_finding(ctx, std::move(f));
      return;
    }
  }
}

void check_wildcard_principal(LintContext& ctx, const Statement& st) {
  if (!ctx.wildcard_principal(st)) return;
  const Document& doc = ctx.document();
  // Providers the policy names: in principals, and in this statement's condition keys (a
  // positive condition on oidc.vercel.com/acme:sub under "*" admits only acme's tokens, just as
  // naming the provider would).
  std::vector<std::string> named;
  for (const auto& s : doc.statements) {
    for (const auto& e : s.principal.entries) {
      if (e.kind == PrincipalKind::federated) named.push_back(oidc_provider_name(e.value.text));
    }
  }
  for (const auto& c : st.conditions) {
    const ClaimKey key = ctx.claim_key(c.key);
    if (key.oidc) named.push_back(key.provider);
  }
  const PrincipalEntry* entry = nullptr;
  for (const auto& e : st.principal.entries) {
    if (e.kind == PrincipalKind::any || (e.kind == PrincipalKind::aws && e.value.text == "*")) entry = &e;
  }
  const bool negated = st.principal.negated;
  Finding f = ctx.make("TL303",
                       std::string(negated ? "NotPrincipal in an Allow" : "a wildcard principal") +
                           " admits tokens of OIDC providers this policy does not name",
                       entry != nullptr && !negated ? entry->value.span : st.principal.span,
                       principal_pointer(doc, st, negated ? nullptr : entry));
  if (!negated) {
    f.notes.push_back("whether \"*\" admits web-identity callers is unverified; trustlint assumes it does "
                      "(docs/semantics.md#principal, (u))");
  }
  bool shown = false;
  for (const auto& p : ctx.allowed().parts) {
    if (!p.extra_conditions.empty()) continue;
    const std::string provider = ctx.profile().provider_name(p.example.issuer, p.example.team);
    if (std::find(named.begin(), named.end(), provider) != named.end()) continue;
    auto r = request_of(ctx, p.example);
    if (r && statement_applies(ctx, *r, st) && attach_witness(ctx, f, p.example, true)) {
      shown = true;
      break;
    }
  }
  if (!shown && std::find(named.begin(), named.end(), kForeignProvider) == named.end()) {
    const Request r = foreign_request(kForeignProvider);
    shown = statement_applies(ctx, r, st) && attach_foreign_witness(ctx, f, r);
  }
  if (shown) add_finding(ctx, std::move(f));
}

void check_actions(LintContext& ctx, const Statement& st) {
  static const char* const kProbes[] = {"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:SetSourceIdentity",
                                        "iam:PassRole"};
  std::vector<std::string> granted;
  for (const char* a : kProbes) {
    if (match_action(st.action, a)) granted.push_back(a);
  }
  if (granted.empty()) return;
  std::string list;
  for (const auto& g : granted) list += (list.empty() ? "" : ", ") + g;
  Span span = st.action.span;
  for (const auto& a : st.action.actions) {
    ActionBlock one;
    one.present = true;
    one.actions = {a};
    if (!st.action.negated && match_action(one, granted.front())) {
      span = a.span;
      break;
    }
  }
  Finding f = ctx.make("TL304",
                       "Allow " + st.label() + " grants more than sts:AssumeRoleWithWebIdentity: also " + list +
                           (granted.back() == "iam:PassRole" ? " and every other action" : ""),
                       span, statement_pointer(ctx.document(), st) + (st.action.negated ? "/NotAction" : "/Action"));
  for (const auto& p : ctx.allowed().parts) {
    if (!p.extra_conditions.empty()) continue;
    auto r = request_of(ctx, p.example);
    if (!r) continue;
    r->action = granted.front();
    if (statement_applies(ctx, *r, st) &&
        attach_witness(ctx, f, p.example, true, r, "can call " + granted.front() + " under this role's trust policy")) {
      add_finding(ctx, std::move(f));
      return;
    }
  }
}

}  // namespace

void check_oidc(LintContext& ctx) {
  for (const auto& st : ctx.document().statements) {
    if (st.effect != Effect::allow) continue;
    for (std::size_t ci = 0; ci < st.conditions.size(); ++ci) check_qualifier(ctx, st, ci);
    check_negated_only(ctx, st);
    check_wildcard_principal(ctx, st);
    check_actions(ctx, st);
  }
}

}  // namespace trustlint::internal
