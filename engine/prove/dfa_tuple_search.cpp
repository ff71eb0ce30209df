// shortest_where(): breadth-first search over tuples of states of several automata at once.
#include <algorithm>
#include <cassert>
#include <cstring>
#include <unordered_map>

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
  // tuples[i * n .. i * n + n) is the i-th tuple; parent/symbol rebuild the string.
  std::vector<std::uint32_t> tuples(n, 0);
  std::vector<std::uint32_t> parent{UINT32_MAX};
  std::vector<char> symbol{0};
  std::unordered_map<std::string, std::uint32_t> seen;
  auto key = [&](const std::uint32_t* t) { return std::string(reinterpret_cast<const char*>(t), n * sizeof(std::uint32_t)); };
  seen.emplace(key(tuples.data()), 0);
  std::vector<bool> flags(n);
  std::vector<std::uint32_t> next(n);
  for (std::size_t head = 0; head < parent.size(); ++head) {
    for (std::size_t i = 0; i < n; ++i) flags[i] = DfaBuilder::accepting(*parts[i], tuples[head * n + i]);
    if (accept(flags)) {
      std::string s;
      for (std::size_t i = head; parent[i] != UINT32_MAX; i = parent[i]) s.push_back(symbol[i]);
      std::reverse(s.begin(), s.end());
      return s;
    }
    for (std::size_t a = 0; a < k; ++a) {
      for (std::size_t i = 0; i < n; ++i) next[i] = DfaBuilder::next(*parts[i], tuples[head * n + i], a);
      if (!seen.emplace(key(next.data()), static_cast<std::uint32_t>(parent.size())).second) continue;
      if (parent.size() >= budget.max_states) {
        budget.exceeded = true;
        return std::nullopt;
      }
      tuples.insert(tuples.end(), next.begin(), next.end());
      parent.push_back(static_cast<std::uint32_t>(head));
      symbol.push_back(alphabet.at(a));
    }
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
