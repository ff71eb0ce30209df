// shortest_where(): breadth-first search over tuples of states of several automata at once.
#include <algorithm>
#include <cassert>
#include <cstring>
#include <unordered_set>

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
  // The tuples seen so far, by index into `tuples` (hashed in place: no key per lookup). A
  // candidate is appended to `tuples` first and dropped again when it was already seen.
  const auto hash = [&](std::uint32_t t) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < n; ++i) h = (h ^ tuples[t * n + i]) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 32));
  };
  const auto equal = [&](std::uint32_t a, std::uint32_t b) {
    return std::memcmp(&tuples[a * n], &tuples[b * n], n * sizeof(std::uint32_t)) == 0;
  };
  std::unordered_set<std::uint32_t, decltype(hash), decltype(equal)> seen(64, hash, equal);
  seen.insert(0);
  std::vector<bool> flags(n);
  for (std::size_t head = 0; head < parent.size(); ++head) {
    for (std::size_t i = 0; i < n; ++i) flags[i] = DfaBuilder::accepting(*parts[i], tuples[head * n + i]);
    if (accept(flags)) {
      std::string s;
      for (std::size_t i = head; parent[i] != UINT32_MAX; i = parent[i]) s.push_back(symbol[i]);
      std::reverse(s.begin(), s.end());
      return s;
    }
    for (std::size_t a = 0; a < k; ++a) {
      const auto candidate = static_cast<std::uint32_t>(parent.size());
      for (std::size_t i = 0; i < n; ++i) tuples.push_back(DfaBuilder::next(*parts[i], tuples[head * n + i], a));
      if (!seen.insert(candidate).second) {
        tuples.resize(tuples.size() - n);
        continue;
      }
      if (parent.size() >= budget.max_states) {
        budget.exceeded = true;
        return std::nullopt;
      }
      parent.push_back(static_cast<std::uint32_t>(head));
      symbol.push_back(alphabet.at(a));
    }
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
