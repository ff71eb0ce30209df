// Set questions between two allowed sets of (variants of) one policy, answered exactly on the
// prover's value sets: is every deployment of A also in B, and if not, which one is not?
// TL205 (a statement changes nothing) and the re-proofs of TL201, TL203 and TL301 rest on it.
// Parts with extra conditions (aws:SourceIp, ...) are compared group by group: a part of A
// with extras X is covered by B's parts with the same extras or with none.
// Uses one LintContext's domains; not shared between threads.
#pragma once

#include <optional>
#include <vector>

#include "lint/lint_context.h"
#include "prove/part_regions.h"  // value_set_of

namespace trustlint::internal {

struct DeploymentExample {
  DeploymentFacts facts;
  std::vector<std::string> extras;  // non-empty: allowed only when these conditions hold
};

// A deployment in `a` and not in `b` (unconditional parts first), or nullopt when a ⊆ b.
// Both sets use the default audience, or both are any-audience sets (then the audience is a
// fourth dimension, and the example carries the audience to request).
std::optional<DeploymentExample> example_not_in(LintContext& ctx, const AllowedSet& a, const AllowedSet& b);

bool same_deployments(LintContext& ctx, const AllowedSet& a, const AllowedSet& b);

// A readable member of a value set (the domain's preferred names first), or "".
std::string example_of(const ValueSet& set);

}  // namespace trustlint::internal
