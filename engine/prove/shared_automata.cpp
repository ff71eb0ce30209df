// Replaying the work of a shared result (see the header).
#include "prove/shared_automata.h"

namespace trustlint::internal {

std::size_t work_steps(const StateBudget& budget) {
  return budget.spent * StateBudget::kStepsPerUnit + budget.steps;
}

bool replay_work(StateBudget& budget, std::size_t cost) {
  if (budget.exceeded) return false;
  // spend() marks the budget exceeded once `spent` passes the total; `spent` only grows, so a
  // computation ends within the total exactly when its last unit does.
  const std::size_t after = work_steps(budget) + cost;
  if (after / StateBudget::kStepsPerUnit > budget.total()) return false;
  budget.charge(cost);
  return true;
}

}  // namespace trustlint::internal
