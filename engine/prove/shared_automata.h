// Results shared by every computation of the process (every file of a `lint` run, every thread):
// glob automata within a segment domain and claim-glob decompositions, keyed by content, never by
// address. Each entry keeps the work it cost; a computation that takes it spends that work again
// (replay_work), so every budget, answer and TL095 is as if it had built the result itself.
// Thread-safe; entries are immutable once stored.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "prove/automaton.h"

namespace trustlint::internal {

// The work a budget has taken so far, in steps (a unit is kStepsPerUnit steps).
std::size_t work_steps(const StateBudget& budget);

// Spends `cost` steps of replayed work from `budget` and returns true when a computation that
// cost that much from a fresh start would have finished here as well (the budget had not run out
// and does not run out by it); otherwise spends nothing and returns false (the caller then does
// the work itself, which stops where it runs out, as before).
bool replay_work(StateBudget& budget, std::size_t cost);

// A process-wide map from content keys to immutable values with the work they cost. At most
// kKept entries: past that it starts again empty (a process that sees patterns forever stays
// bounded; values handed out stay alive with their holders).
template <typename T>
class SharedResults {
 public:
  static constexpr std::size_t kKept = 4096;
  struct Entry {
    std::shared_ptr<const T> value;
    std::size_t cost = 0;  // steps of work its construction spent
  };
  static SharedResults& instance() {
    static SharedResults shared;
    return shared;
  }
  // The entry for `key`, or an entry without a value.
  Entry find(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    return it == entries_.end() ? Entry{} : it->second;
  }
  void store(const std::string& key, Entry entry) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (entries_.size() >= kKept) entries_.clear();
    entries_.emplace(key, std::move(entry));
  }
  // Forgets every entry (for tests that compare answers with and without them).
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
  }

 private:
  SharedResults() = default;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

using SharedAutomata = SharedResults<Dfa>;

}  // namespace trustlint::internal
