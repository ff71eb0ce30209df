// The answer to one request: allow, implicit deny or explicit deny (docs/semantics.md#decision-procedure), with a
// trace that says, statement by statement, whether it applied, and condition by condition, which
// operator, key and values decided it.
//
// Example:
//   trustlint::Decision d = trustlint::evaluate(policy.value(), request.value());
//   std::cout << trustlint::outcome_name(d.outcome) << "\n";  // "allow", "implicit_deny", ...
//   for (const trustlint::StatementTrace& s : d.statements)
//     for (const trustlint::ConditionTrace& c : s.conditions)
//       if (!c.result) std::cout << c.op << " " << c.key << ": " << c.reason << "\n";
//
// Ownership: ConditionTrace, StatementTrace and Decision are plain values owning their strings;
// spans name the policy's file but no Decision points into the policy.
// Thread safety: none needed: a Decision is immutable data, readable from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/policy.h"

namespace trustlint {

enum class Outcome { allow, implicit_deny, explicit_deny };

const char* outcome_name(Outcome o);  // "allow", "implicit_deny", "explicit_deny"

struct ConditionTrace {
  std::size_t index = 0;  // position within the statement's conditions
  std::string op;         // operator as written
  std::string key;        // key as written
  bool key_present = false;
  std::vector<std::string> request_values;
  std::vector<std::string> policy_values;
  bool result = false;
  std::string reason;     // one sentence: why it held or failed
  bool unverified = false;  // the verdict rests on a point docs/semantics.md marks (u)
  Span span;              // the operator's key in the policy
};

struct StatementTrace {
  std::size_t index = 0;
  std::string label;  // Sid or #n
  Effect effect = Effect::allow;
  Span span;
  bool principal_matched = false;
  bool action_matched = false;
  bool conditions_held = false;  // meaningful when principal and action matched
  bool applied = false;          // principal && action && conditions
  std::string reason;            // why it did not apply (principal/action), empty otherwise
  std::vector<ConditionTrace> conditions;
};

struct Decision {
  Outcome outcome = Outcome::implicit_deny;
  // The statement that decided: the first applying Deny for explicit_deny, the first applying
  // Allow for allow; none for implicit_deny.
  std::optional<std::size_t> deciding_statement;
  std::vector<StatementTrace> statements;
  std::vector<std::string> notes;  // (u) readings the decision relied on

  bool allowed() const { return outcome == Outcome::allow; }
};

}  // namespace trustlint
