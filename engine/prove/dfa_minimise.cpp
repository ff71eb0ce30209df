// Minimisation of complete DFAs: reachable part, Hopcroft's partition refinement (with the
// refinable-partition structure of Valmari & Lehtinen), then a canonical breadth-first numbering
// of the quotient. O(n·k·log n) time for n states over k symbols; memory about 3·n·k words.
#include <cassert>
#include <cstdint>
#include <utility>
#include <vector>

#include "prove/dfa_builder.h"

namespace trustlint::internal {
namespace {

// A partition of {0..n-1} into sets; elements of one set are contiguous in elems_, the marked
// ones first. split() separates marked from unmarked elements of every touched set.
class RefinablePartition {
 public:
  explicit RefinablePartition(std::uint32_t n)
      : elems_(n), loc_(n), set_of_(n, 0), first_{0}, past_{n}, marked_{0} {
    for (std::uint32_t i = 0; i < n; ++i) elems_[i] = loc_[i] = i;
  }

  std::uint32_t set_count() const { return static_cast<std::uint32_t>(first_.size()); }
  std::uint32_t set_of(std::uint32_t e) const { return set_of_[e]; }
  std::uint32_t first(std::uint32_t s) const { return first_[s]; }
  std::uint32_t past(std::uint32_t s) const { return past_[s]; }
  std::uint32_t element(std::uint32_t i) const { return elems_[i]; }

  void mark(std::uint32_t e) {
    const std::uint32_t s = set_of_[e];
    const std::uint32_t i = loc_[e];
    const std::uint32_t j = first_[s] + marked_[s];
    if (i < j) return;  // already marked
    elems_[i] = elems_[j];
    loc_[elems_[i]] = i;
    elems_[j] = e;
    loc_[e] = j;
    if (marked_[s]++ == 0) touched_.push_back(s);
  }

  // Splits every touched set; the smaller part becomes a new set, reported to on_new.
  template <typename OnNew>
  void split(OnNew on_new) {
    while (!touched_.empty()) {
      const std::uint32_t s = touched_.back();
      touched_.pop_back();
      const std::uint32_t j = first_[s] + marked_[s];
      marked_[s] = 0;
      if (j == past_[s]) continue;  // every element marked: nothing to split
      const std::uint32_t z = set_count();
      if (j - first_[s] <= past_[s] - j) {
        first_.push_back(first_[s]);
        past_.push_back(j);
        first_[s] = j;
      } else {
        first_.push_back(j);
        past_.push_back(past_[s]);
        past_[s] = j;
      }
      marked_.push_back(0);
      for (std::uint32_t i = first_[z]; i < past_[z]; ++i) set_of_[elems_[i]] = z;
      on_new(z);
    }
  }

 private:
  std::vector<std::uint32_t> elems_, loc_, set_of_, first_, past_, marked_;
  std::vector<std::uint32_t> touched_;
};

// Keeps only the states reachable from 0, renumbered in breadth-first order.
void keep_reachable(std::size_t k, std::vector<std::uint32_t>& trans, std::vector<bool>& acc) {
  const std::size_t n = acc.size();
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> id(n, kNone), order{0};
  id[0] = 0;
  for (std::size_t head = 0; head < order.size(); ++head) {
    for (std::size_t a = 0; a < k; ++a) {
      const std::uint32_t t = trans[order[head] * k + a];
      if (id[t] == kNone) {
        id[t] = static_cast<std::uint32_t>(order.size());
        order.push_back(t);
      }
    }
  }
  if (order.size() == n) return;
  std::vector<std::uint32_t> new_trans(order.size() * k);
  std::vector<bool> new_acc(order.size());
  for (std::size_t q = 0; q < order.size(); ++q) {
    new_acc[q] = acc[order[q]];
    for (std::size_t a = 0; a < k; ++a) new_trans[q * k + a] = id[trans[order[q] * k + a]];
  }
  trans = std::move(new_trans);
  acc = std::move(new_acc);
}

}  // namespace

std::size_t minimise_tables(std::size_t k, std::vector<std::uint32_t>& trans, std::vector<bool>& acc) {
  assert(!acc.empty() && trans.size() == acc.size() * k);
  std::size_t steps = 0;
  keep_reachable(k, trans, acc);
  const auto n = static_cast<std::uint32_t>(acc.size());

  // inverse[offset[a*n + q] .. offset[a*n + q + 1]) = the states with an a-transition into q.
  std::vector<std::uint32_t> offset(n * k + 1, 0), inverse(n * k);
  for (std::uint32_t p = 0; p < n; ++p) {
    for (std::size_t a = 0; a < k; ++a) ++offset[a * n + trans[p * k + a] + 1];
  }
  for (std::size_t i = 1; i < offset.size(); ++i) offset[i] += offset[i - 1];
  {
    std::vector<std::uint32_t> fill(offset.begin(), offset.end() - 1);
    for (std::uint32_t p = 0; p < n; ++p) {
      for (std::size_t a = 0; a < k; ++a) inverse[fill[a * n + trans[p * k + a]]++] = p;
    }
  }

  RefinablePartition blocks(n);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> work;  // (block, symbol) splitters
  // Hopcroft's rule: when a block splits, the smaller half (the new set) is a splitter for every
  // symbol; the larger half keeps whatever splitters the old block had pending.
  auto on_new = [&](std::uint32_t z) {
    for (std::size_t a = 0; a < k; ++a) work.emplace_back(z, static_cast<std::uint32_t>(a));
  };
  for (std::uint32_t q = 0; q < n; ++q) {
    if (acc[q]) blocks.mark(q);
  }
  blocks.split(on_new);
  std::vector<std::uint32_t> members;
  while (!work.empty()) {
    const auto [b, a] = work.back();
    work.pop_back();
    members.clear();
    for (std::uint32_t i = blocks.first(b); i < blocks.past(b); ++i) members.push_back(blocks.element(i));
    steps += 1 + members.size();
    for (std::uint32_t q : members) {
      steps += offset[a * n + q + 1] - offset[a * n + q];
      for (std::uint32_t i = offset[a * n + q]; i < offset[a * n + q + 1]; ++i) blocks.mark(inverse[i]);
    }
    blocks.split(on_new);
  }

  // Quotient, numbered breadth-first from the start block.
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> id(blocks.set_count(), kNone), order{blocks.set_of(0)};
  id[blocks.set_of(0)] = 0;
  std::vector<std::uint32_t> new_trans;
  std::vector<bool> new_acc;
  for (std::size_t head = 0; head < order.size(); ++head) {
    const std::uint32_t rep = blocks.element(blocks.first(order[head]));
    new_acc.push_back(acc[rep]);
    for (std::size_t a = 0; a < k; ++a) {
      const std::uint32_t t = blocks.set_of(trans[rep * k + a]);
      if (id[t] == kNone) {
        id[t] = static_cast<std::uint32_t>(order.size());
        order.push_back(t);
      }
      new_trans.push_back(id[t]);
    }
  }
  trans = std::move(new_trans);
  acc = std::move(new_acc);
  return steps + 4 * static_cast<std::size_t>(n) * k;  // the splitters' work, and the tables built and read
}

}  // namespace trustlint::internal
