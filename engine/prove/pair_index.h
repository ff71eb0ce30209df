// PairIndex: the number given to each pair of automaton states met by a breadth-first search
// (product construction, product searches). An open-addressing table of 64-bit keys: no
// allocation per lookup, unlike std::unordered_map, which dominated these searches' profiles.
// One search, one thread.
#pragma once

#include <cstdint>
#include <vector>

namespace trustlint::internal {

class PairIndex {
 public:
  static std::uint64_t key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

  // The number of `k`; when `k` is new it gets `fresh` (and the result equals `fresh`).
  std::uint32_t find_or_insert(std::uint64_t k, std::uint32_t fresh) {
    if ((size_ + 1) * 2 > ids_.size()) grow();
    const std::size_t mask = ids_.size() - 1;
    for (std::size_t slot = hash(k) & mask;; slot = (slot + 1) & mask) {
      if (ids_[slot] == kEmpty) {
        keys_[slot] = k;
        ids_[slot] = fresh;
        ++size_;
        return fresh;
      }
      if (keys_[slot] == k) return ids_[slot];
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  static std::uint64_t hash(std::uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    return k ^ (k >> 33);
  }
  void grow() {
    std::vector<std::uint64_t> keys(keys_.empty() ? 64 : keys_.size() * 2);
    std::vector<std::uint32_t> ids(keys.size(), kEmpty);
    const std::size_t mask = ids.size() - 1;
    for (std::size_t i = 0; i < ids_.size(); ++i) {
      if (ids_[i] == kEmpty) continue;
      std::size_t slot = hash(keys_[i]) & mask;
      while (ids[slot] != kEmpty) slot = (slot + 1) & mask;
      keys[slot] = keys_[i];
      ids[slot] = ids_[i];
    }
    keys_.swap(keys);
    ids_.swap(ids);
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> ids_;
  std::size_t size_ = 0;
};

}  // namespace trustlint::internal
