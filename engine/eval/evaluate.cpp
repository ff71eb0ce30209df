// evaluate(): IAM's decision for one request (docs/semantics.md#decision-procedure), with its trace, or without it
// (EvaluateOptions::trace = false) for many requests: then nothing is explained unless a note
// needs it, and a single-valued request against static values allocates only the Decision.
#include "eval/compiled_policy_impl.h"
#include "eval/decide_untraced.h"

namespace trustlint {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::allow: return "allow";
    case Outcome::implicit_deny: return "implicit_deny";
    case Outcome::explicit_deny: return "explicit_deny";
  }
  return "implicit_deny";
}

namespace {

void add_note(Decision& d, std::string note) {
  for (const auto& n : d.notes) {
    if (n == note) return;
  }
  d.notes.push_back(std::move(note));
}

void note_wildcard_principal(Decision& d, const std::string& label) {
  add_note(d, "statement " + label +
                  " admits the caller only through a wildcard principal (\"*\", {\"AWS\": \"*\"} or {\"Federated\": \"*\"}); "
                  "whether it admits web-identity callers is unverified (docs/semantics.md#principal), and "
                  "trustlint reads it as admitting a token of any provider, so the statement's conditions alone decide");
}

void note_unverified_condition(Decision& d, const std::string& label, const Condition& c, const std::string& reason) {
  add_note(d, "statement " + label + ", " + c.op_text + " on " + c.key + ": " + reason +
                  " — this reading is marked unverified (u) in docs/semantics.md");
}

// The full trace of one statement; notes as it goes. Returns whether the statement applied.
bool trace_statement(const internal::CompiledStatement& cs, const Request& request, Decision& decision) {
  const Statement& st = *cs.statement;
  StatementTrace t;
  t.index = st.index;
  t.label = st.label();
  t.effect = st.effect;
  t.span = st.span;
  const internal::PrincipalMatch pm = cs.principal.match(request.provider);
  t.principal_matched = pm.matched;
  if (pm.unverified) note_wildcard_principal(decision, t.label);
  t.action_matched = cs.action.covers(request.action);
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
    if (ct.unverified && t.principal_matched && t.action_matched) note_unverified_condition(decision, t.label, c, ct.reason);
    all = all && v.result;
    t.conditions.push_back(std::move(ct));
  }
  t.conditions_held = all;
  t.applied = t.principal_matched && t.action_matched && all;
  decision.statements.push_back(std::move(t));
  return decision.statements.back().applied;
}

// The same verdict and notes as trace_statement, without the trace. Every condition is still
// evaluated (no short cut), so that the notes are the same.
bool decide_statement(const internal::CompiledStatement& cs, const Request& request, Decision& decision) {
  bool unverified = false;
  const bool principal = cs.principal.admits(request.provider, unverified);
  if (unverified) note_wildcard_principal(decision, cs.statement->label());
  if (!principal || !cs.action.covers(request.action)) return false;
  bool all = true;
  for (const auto& cc : cs.conditions) {
    bool condition_unverified = false;
    all = cc.evaluate_fast(request, &condition_unverified) && all;
    if (condition_unverified) {
      note_unverified_condition(decision, cs.statement->label(), cc.condition(), cc.evaluate(request).reason);
    }
  }
  return all;
}

// Without a trace, `statements` still names the deciding statement (renderers point at it).
StatementTrace deciding_summary(const Statement& st) {
  StatementTrace t;
  t.index = st.index;
  t.label = st.label();
  t.effect = st.effect;
  t.span = st.span;
  t.principal_matched = t.action_matched = t.conditions_held = t.applied = true;
  return t;
}

}  // namespace

Decision evaluate(const CompiledPolicy& policy, const Request& request) { return evaluate(policy, request, EvaluateOptions{}); }

namespace {

// The statements in order; the deciding one (nullptr: implicit deny). Fills `decision`'s notes,
// and its trace when `trace`.
const internal::CompiledStatement* decide(const std::vector<internal::CompiledStatement>& statements,
                                          const Request& request, bool trace,
                                          Decision& decision) {
  const internal::CompiledStatement* first_allow = nullptr;
  const internal::CompiledStatement* first_deny = nullptr;
  for (const auto& cs : statements) {
    const bool applied = trace ? trace_statement(cs, request, decision) : decide_statement(cs, request, decision);
    if (applied) {
      auto& slot = cs.statement->effect == Effect::deny ? first_deny : first_allow;
      if (slot == nullptr) slot = &cs;
    }
  }
  const internal::CompiledStatement* deciding = first_deny != nullptr ? first_deny : first_allow;
  if (deciding != nullptr) {
    decision.outcome = first_deny != nullptr ? Outcome::explicit_deny : Outcome::allow;
    decision.deciding_statement = deciding->statement->index;
  }
  return deciding;
}

}  // namespace

Decision evaluate(const CompiledPolicy& policy, const Request& request, const EvaluateOptions& options) {
  Decision decision;
  const internal::CompiledStatement* deciding = decide(CompiledPolicyAccess::statements(policy), request, options.trace, decision);
  if (deciding != nullptr && !options.trace) decision.statements.push_back(deciding_summary(*deciding->statement));
  return decision;
}

void internal::decide_untraced(const CompiledPolicy& policy, const Request& request, Decision& decision) {
  decision.outcome = Outcome::implicit_deny;
  decision.deciding_statement.reset();
  decision.statements.clear();
  decision.notes.clear();
  decide(CompiledPolicyAccess::statements(policy), request, false, decision);
}

}  // namespace trustlint
