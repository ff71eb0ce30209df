// PreReads (pre_read.h): a map from path to what the walk read, under a mutex, with a budget.
#include "query/pre_read.h"

namespace trustlint::internal {

void PreReads::keep(const std::string& path, PreRead read) {
  const std::size_t size = read.text ? read.text->size() : 0;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (size > kBudget - bytes_) return;
  bytes_ += size;
  kept_.insert_or_assign(path, std::move(read));
}

std::optional<PreRead> PreReads::take(const std::string& path) {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = kept_.find(path);
  if (it == kept_.end()) return std::nullopt;
  std::optional<PreRead> out(std::move(it->second));
  kept_.erase(it);
  return out;
}

}  // namespace trustlint::internal
