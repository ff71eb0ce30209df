// The regions a `who` proof builds on its way to the allowed set: for each class of teams (see
// allowed_set.cpp), the boxes of every statement whose principal and action match there. Kept
// so that questions about variants of the policy (the same policy without one statement) can be
// answered by set algebra on these boxes instead of proving the variant again (lint's TL205).
#pragma once

#include <memory>
#include <vector>

#include "prove/prover_context.h"

namespace trustlint::internal {

struct StatementBoxes {
  std::size_t index = 0;  // Statement::index
  Effect effect = Effect::allow;
  BoxSet boxes;                     // non-empty, within the class
  std::vector<std::string> extras;  // conditions on keys that are not claims (allowed only when they hold)
  BoxSet left;                      // an Allow's boxes minus the class's unconditional Denies
};

struct ClassRegions {
  IssuerMode mode = IssuerMode::team;
  std::vector<StatementBoxes> statements;  // in policy order
};

struct ProofMemo;

// The computation's context (the boxes' value sets point into its domains) and the classes. A
// default-audience proof's regions also keep what derives the any-audience answer (memo); the
// regions of that answer share the context.
struct PolicyRegions {
  std::shared_ptr<ProverContext> ctx;
  std::vector<ClassRegions> classes;
  std::shared_ptr<ProofMemo> memo;
};

// allowed_set_within(), also handing back the regions it built (when `regions` is not null and
// the proof succeeds).
Result<AllowedSet> allowed_set_with_regions(const CompiledPolicy& policy, const ProviderProfile& profile,
                                            const WhoOptions& options, StateBudget& budget, PolicyRegions* regions);

// The allowed set with WhoOptions::any_audience of the policy whose default-audience proof built
// `main` (allowed_set_with_regions), derived from that proof: the conditions that do not read
// aud are not proved again, and the work is drawn from `budget` as a proof's is. The same answer
// as allowed_set_with_regions with any_audience (tests/property/one_proof_test.cpp); its regions
// go to `regions` when given. REQUIRES: main.memo (the main proof succeeded).
Result<AllowedSet> any_audience_from(const CompiledPolicy& policy, const ProviderProfile& profile,
                                     const WhoOptions& options, StateBudget& budget, PolicyRegions& main,
                                     PolicyRegions* regions);

}  // namespace trustlint::internal
