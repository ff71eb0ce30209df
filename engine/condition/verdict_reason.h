// The one-sentence "why" of a condition's verdict, for traces: which row of docs/semantics.md#absent-keys/docs/semantics.md#set-qualifiers
// applied, the request values, and the policy value that matched (or how many did not).
// Built only when a trace is wanted; the verdict itself never depends on it.
// Pure; safe to call from several threads.
#pragma once

#include <string>

#include "condition/keys.h"
#include "condition/value_matcher.h"
#include "trustlint/policy.h"
#include "trustlint/request.h"

namespace trustlint::internal {

std::string describe_outcome(const Condition& condition, const ContextEntry* entry, const Outcome& outcome,
                             const MatchContext& ctx);

}  // namespace trustlint::internal
