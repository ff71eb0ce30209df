// Witness replay and the location of the value that admits a request.
#include "lint/witness.h"

#include <algorithm>

#include "condition/compiled_condition.h"
#include "eval/compiled_policy_impl.h"
#include "eval/principal_match.h"

namespace trustlint::internal {
namespace {

void add_note(Finding& f, const std::string& note) {
  if (std::find(f.notes.begin(), f.notes.end(), note) == f.notes.end()) f.notes.push_back(note);
}

void copy_decision_notes(Finding& f, const Decision& d) {
  for (const auto& n : d.notes) add_note(f, "the decision on the example rests on an unverified reading: " + n);
}

const PrincipalEntry* admitting_entry(const Statement& st, const std::string& provider) {
  if (st.principal.negated) return nullptr;  // NotPrincipal admits what it does not list
  for (const auto& e : st.principal.entries) {
    PrincipalBlock one;
    one.present = true;
    one.entries = {e};
    if (match_principal(one, provider).matched) return &e;
  }
  return nullptr;
}

}  // namespace

std::optional<Request> request_of(const LintContext& ctx, const DeploymentFacts& facts) {
  auto r = make_request(ctx.profile(), facts);
  if (!r.ok()) return std::nullopt;
  return std::move(r).value();
}

std::string describe_deployment(const DeploymentFacts& f) {
  std::string out = f.team + "/" + f.project + "/" + f.environment + " (issuer " + issuer_mode_name(f.issuer);
  if (f.audience) out += ", requesting aud " + *f.audience;
  return out + ")";
}

bool attach_witness(const LintContext& ctx, Finding& finding, const DeploymentFacts& facts, bool expect_allowed,
                    const std::optional<Request>& request, const std::string& what) {
  std::optional<Request> r = request ? request : request_of(ctx, facts);
  if (!r) return false;
  const Decision d = evaluate(ctx.policy(), *r);
  if (d.allowed() != expect_allowed) return false;
  Witness w;
  w.deployment = facts;
  w.request = request;
  w.allowed = d.allowed();
  w.description = describe_deployment(facts) + " " +
                  (what.empty() ? (w.allowed ? "can assume the role" : "cannot assume the role") : what);
  finding.witness = std::move(w);
  copy_decision_notes(finding, d);
  return true;
}

Request foreign_request(const std::string& provider) {
  Request r;
  r.provider = provider;
  r.set(provider + ":sub", "repo:someone-else/any-repo:ref:refs/heads/main");
  r.set(provider + ":aud", "sts.amazonaws.com");
  return r;
}

bool attach_foreign_witness(const LintContext& ctx, Finding& finding, const Request& request) {
  const Decision d = evaluate(ctx.policy(), request);
  if (!d.allowed()) return false;
  Witness w;
  w.request = request;
  w.allowed = true;
  w.description = "a token of " + request.provider + " (sub " + request.find(request.provider + ":sub")->values[0] +
                  ") can assume the role";
  finding.witness = std::move(w);
  copy_decision_notes(finding, d);
  return true;
}

bool statement_applies(const LintContext& ctx, const Request& request, const Statement& statement) {
  const Decision d = evaluate(ctx.policy(), request);
  return statement.index < d.statements.size() && d.statements[statement.index].applied;
}

namespace {

// Whether the statement applies to the request: what evaluate() traces as `applied` (principal,
// action, every condition), decided as its untraced path decides it, without building a trace
// (a witness is checked for every finding of every file).
bool applies(const CompiledStatement& cs, const Request& request) {
  bool unverified = false;
  if (!cs.principal.admits(request.provider, unverified) || !cs.action.covers(request.action)) return false;
  return std::all_of(cs.conditions.begin(), cs.conditions.end(),
                     [&request](const CompiledCondition& cc) { return cc.evaluate_fast(request); });
}

}  // namespace

std::optional<Location> admitting_location(const LintContext& ctx, const Request& request,
                                           const std::vector<std::string>& claims, const Statement* only_statement) {
  const Document& doc = ctx.document();
  for (const auto& cs : CompiledPolicyAccess::statements(ctx.policy())) {
    const Statement& applied = *cs.statement;
    if (applied.effect != Effect::allow || applied.index >= doc.statements.size() || !applies(cs, request)) continue;
    const Statement& st = doc.statements[applied.index];
    if (only_statement != nullptr && only_statement->index != st.index) continue;
    const std::string provider = fold_key(request.provider);
    for (const auto& claim : claims) {
      for (const auto& c : st.conditions) {
        if (c.key_folded != provider + ":" + claim || c.op.negated || !c.op.is_string_family()) continue;
        for (std::size_t k = 0; k < c.values.size(); ++k) {
          Condition one = c;
          one.values = {c.values[k]};
          auto cc = CompiledCondition::compile(one, doc.variables_enabled());
          if (cc.has_value() && cc.value().evaluate_fast(request)) {
            return Location{c.values[k].span, value_pointer(doc, st, c, k), &st};
          }
        }
      }
    }
    if (const PrincipalEntry* e = admitting_entry(st, request.provider)) {
      return Location{e->value.span.known() ? e->value.span : st.principal.span, principal_pointer(doc, st, e), &st};
    }
    if (st.principal.span.known()) return Location{st.principal.span, principal_pointer(doc, st, nullptr), &st};
    return Location{st.span, statement_pointer(doc, st), &st};
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
