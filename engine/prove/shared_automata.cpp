// The process-wide automata (see the header): a mutex-protected map keyed by content.
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

SharedAutomata& SharedAutomata::instance() {
  static SharedAutomata shared;
  return shared;
}

SharedAutomata::Entry SharedAutomata::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  return it == entries_.end() ? Entry{} : it->second;
}

void SharedAutomata::store(const std::string& key, Entry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() >= kKept) entries_.clear();
  entries_.emplace(key, std::move(entry));
}

std::size_t SharedAutomata::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace trustlint::internal
