// TL205's questions answered on the regions the policy's own proof built (statement_regions.h),
// one inclusion test each instead of a proof of every variant: does the policy without statement
// i allow the same deployments, is a statement's own region empty, does one Allow cover another.
// nullopt where the regions cannot answer as the re-proof would (a conditional Deny, whose
// "unless" labels name statements by position; the work limit): the caller re-proves then.
// Each question's work is drawn from `run`, the lint run's one budget.
#pragma once

#include <cstddef>
#include <optional>

#include "prove/statement_regions.h"

namespace trustlint::internal {

// Removing statement `index` leaves the allowed set unchanged (same parts, same conditions).
std::optional<bool> unchanged_without(PolicyRegions& regions, std::size_t index, StateBudget& run);

// The statement alone (a Deny read as an Allow) allows nobody in any class.
std::optional<bool> allows_nobody_alone(PolicyRegions& regions, std::size_t index);

// Everything statement `index` allows alone, statement `by` (an Allow) allows alone, under the
// same or no extra conditions.
std::optional<bool> covered_alone(PolicyRegions& regions, std::size_t index, std::size_t by, StateBudget& run);

}  // namespace trustlint::internal
