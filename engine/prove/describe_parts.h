// From boxes to the AllowedSet users read: parts grouped and tidied, globs for each dimension,
// an example per part replayed through the evaluator, and the nearest denied deployments.
// Runs inside one computation (uses its ProverContext); not shared between threads.
#pragma once

#include <vector>

#include "prove/prover_context.h"
#include "trustlint/allowed_set.h"

namespace trustlint::internal {

struct PartBoxes {
  IssuerMode mode = IssuerMode::team;
  Box box;
  std::vector<std::string> extras;
};

struct ProofMemo;

// `memo` (when given): value sets simplified before in this computation are taken from it, and
// those simplified here are added to it (proof_memo.h).
AllowedSet describe_parts(ProverContext& ctx, const CompiledPolicy& policy, std::vector<PartBoxes> parts,
                          ProofMemo* memo = nullptr);

}  // namespace trustlint::internal
