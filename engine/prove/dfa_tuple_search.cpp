// shortest_where(): breadth-first search over tuples of states of several automata at once.
#include <algorithm>
#include <cassert>
#include <cstring>

#include "prove/automaton.h"
#include "prove/dfa_builder.h"

namespace trustlint::internal {

std::optional<std::string> shortest_where(const std::vector<const Dfa*>& parts,
                                          const std::function<bool(const std::vector<bool>&)>& accept,
                                          StateBudget& budget) {
  if (parts.empty()) return accept({}) ? std::optional<std::string>("") : std::nullopt;
  const Alphabet& alphabet = parts.front()->alphabet();
  assert(std::all_of(parts.begin(), parts.end(), [&](const Dfa* d) { return d->alphabet() == alphabet; }));
  const std::size_t n = parts.size(), k = alphabet.size();
  // tuples[i * n .. i * n + n) is the i-th tuple; parent/symbol rebuild the string. Tuples seen
  // are found through an open-addressing table of tuple indices (no allocation per probe).
  std::vector<std::uint32_t> tuples(n, 0);
  std::vector<std::uint32_t> parent{UINT32_MAX};
  std::vector<char> symbol{0};
  std::vector<std::uint32_t> table(64, UINT32_MAX);
  auto hash = [n](const std::uint32_t* t) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ t[i]) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 29);
  };
  // Index of the tuple equal to t, inserting t as tuple `fresh` when absent.
  auto find_or_insert = [&](const std::uint32_t* t, std::uint32_t fresh) {
    const std::size_t mask = table.size() - 1;
    for (std::size_t slot = hash(t) & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t at = table[slot];
      if (at == UINT32_MAX) {
        table[slot] = fresh;
        return fresh;
      }
      if (std::memcmp(&tuples[static_cast<std::size_t>(at) * n], t, n * sizeof(std::uint32_t)) == 0) return at;
    }
  };
  auto grow = [&] {
    std::vector<std::uint32_t> old(table.size() * 2, UINT32_MAX);
    table.swap(old);
    const std::size_t mask = table.size() - 1;
    for (std::uint32_t at : old) {
      if (at == UINT32_MAX) continue;
      std::size_t slot = hash(&tuples[static_cast<std::size_t>(at) * n]) & mask;
      while (table[slot] != UINT32_MAX) slot = (slot + 1) & mask;
      table[slot] = at;
    }
  };
  find_or_insert(tuples.data(), 0);
  std::vector<bool> flags(n);
  std::vector<std::uint32_t> next(n);
  for (std::size_t head = 0; head < parent.size(); ++head) {
    // k·n transitions (n automata side by side) and the acceptance test of this tuple.
    if (!budget.charge((k + 2) * n)) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i) flags[i] = DfaBuilder::accepting(*parts[i], tuples[head * n + i]);
    if (accept(flags)) {
      std::string s;
      for (std::size_t i = head; parent[i] != UINT32_MAX; i = parent[i]) s.push_back(symbol[i]);
      std::reverse(s.begin(), s.end());
      return s;
    }
    for (std::size_t a = 0; a < k; ++a) {
      for (std::size_t i = 0; i < n; ++i) next[i] = DfaBuilder::next(*parts[i], tuples[head * n + i], a);
      const auto fresh = static_cast<std::uint32_t>(parent.size());
      if (find_or_insert(next.data(), fresh) != fresh) continue;
      if (parent.size() >= budget.max_states || !budget.spend(1)) {
        budget.exceeded = true;
        return std::nullopt;
      }
      tuples.insert(tuples.end(), next.begin(), next.end());
      parent.push_back(static_cast<std::uint32_t>(head));
      symbol.push_back(alphabet.at(a));
      if (parent.size() * 2 > table.size()) grow();
    }
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
