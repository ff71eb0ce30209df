// CompiledCondition: one (operator, key, values) entry of a Condition block, validated and
// prepared once (patterns compiled, CIDRs and numbers parsed) so that evaluating it against many
// requests is cheap. Implements docs/semantics.md#combining-conditions–docs/semantics.md#policy-variables: absent keys, IfExists, the set
// qualifiers, NOR for negated operators, policy variables and their escapes.
// Immutable after compile(); evaluate() is safe to call from several threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "trustlint/policy.h"
#include "trustlint/request.h"
#include "trustlint/result.h"

namespace trustlint::internal {

struct ConditionVerdict {
  bool result = false;
  bool key_present = false;
  std::vector<std::string> request_values;
  std::string reason;       // one sentence for the trace, e.g. "no value matched" / "key absent: …"
  bool unverified = false;  // relied on a (u) point of docs/semantics.md
};

class CompiledCondition {
 public:
  // Validates the values for the operator: numbers for Numeric*, dates for Date*, CIDRs for
  // IpAddress, base64 for BinaryEquals, "true"/"false" for Bool and Null, well-formed policy
  // variables (only where the operator allows them and only when variables_enabled).
  // Bad values are TL07x error diagnostics located at the value.
  static Result<CompiledCondition> compile(const Condition& condition, bool variables_enabled);

  // The verdict with its trace sentence and the request values (allocates).
  ConditionVerdict evaluate(const Request& request) const;
  // The verdict alone: evaluate(request).result, without building the trace. Allocates nothing
  // for a single-valued key when the values hold no policy variables. When `unverified` is given
  // it receives evaluate(request).unverified.
  bool evaluate_fast(const Request& request, bool* unverified = nullptr) const;

  const Condition& condition() const;

  CompiledCondition(CompiledCondition&&) noexcept;
  CompiledCondition& operator=(CompiledCondition&&) noexcept;
  ~CompiledCondition();

 private:
  struct Impl;
  explicit CompiledCondition(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace trustlint::internal
