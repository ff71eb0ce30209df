// decide_untraced: evaluate(policy, request, {.trace = false}) into a Decision the caller keeps
// (no allocation once its vectors have grown), for the batch's fast path. Outcome, deciding
// statement and notes are evaluate's; Decision::statements is left empty (evaluate's holds the
// deciding statement's summary, which the batch writes from its own table). Thread-safe.
#pragma once

#include "trustlint/engine.h"

namespace trustlint::internal {

// Overwrites every field of `decision`.
void decide_untraced(const CompiledPolicy& policy, const Request& request, Decision& decision);

}  // namespace trustlint::internal
