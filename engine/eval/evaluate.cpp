// evaluate(): IAM's decision for one request (semantics.md §2.10), with its trace.
#include "eval/compiled_policy_impl.h"
#include "eval/principal_match.h"

namespace trustlint {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::allow: return "allow";
    case Outcome::implicit_deny: return "implicit_deny";
    case Outcome::explicit_deny: return "explicit_deny";
  }
  return "implicit_deny";
}

static void add_note(Decision& d, std::string note) {
  for (const auto& n : d.notes) {
    if (n == note) return;
  }
  d.notes.push_back(std::move(note));
}

Decision evaluate(const CompiledPolicy& policy, const Request& request) {
  Decision decision;
  std::optional<std::size_t> first_allow, first_deny;
  for (const auto& cs : policy.impl_->statements) {
    const Statement& st = *cs.statement;
    StatementTrace t;
    t.index = st.index;
    t.label = st.label();
    t.effect = st.effect;
    t.span = st.span;
    const auto pm = internal::match_principal(st.principal, request.provider);
    t.principal_matched = pm.matched;
    if (pm.unverified) {
      add_note(decision, "statement " + t.label +
                             " admits the caller only through a wildcard principal; whether \"*\" admits web-identity callers is unverified (semantics.md §1.7)");
    }
    t.action_matched = internal::match_action(st.action, request.action);
    if (!t.principal_matched) {
      t.reason = pm.reason;
    } else if (!t.action_matched) {
      t.reason = std::string(st.action.negated ? "NotAction excludes " : "Action does not cover ") + request.action;
    }
    bool all = true;
    for (std::size_t i = 0; i < cs.conditions.size(); ++i) {
      const auto& cc = cs.conditions[i];
      const Condition& c = cc.condition();
      auto v = cc.evaluate(request);
      ConditionTrace ct;
      ct.index = i;
      ct.op = c.op_text;
      ct.key = c.key;
      ct.key_present = v.key_present;
      ct.request_values = std::move(v.request_values);
      for (const auto& pv : c.values) ct.policy_values.push_back(pv.text);
      ct.result = v.result;
      ct.reason = std::move(v.reason);
      ct.unverified = v.unverified;
      ct.span = c.op_span;
      if (ct.unverified && t.principal_matched && t.action_matched) {
        add_note(decision, "statement " + t.label + ", " + c.op_text + " on " + c.key + ": " + ct.reason +
                               " — this reading is marked unverified (u) in semantics.md");
      }
      all = all && v.result;
      t.conditions.push_back(std::move(ct));
    }
    t.conditions_held = all;
    t.applied = t.principal_matched && t.action_matched && all;
    if (t.applied) {
      auto& slot = st.effect == Effect::deny ? first_deny : first_allow;
      if (!slot) slot = st.index;
    }
    decision.statements.push_back(std::move(t));
  }
  if (first_deny) {
    decision.outcome = Outcome::explicit_deny;
    decision.deciding_statement = first_deny;
  } else if (first_allow) {
    decision.outcome = Outcome::allow;
    decision.deciding_statement = first_allow;
  }
  return decision;
}

}  // namespace trustlint
