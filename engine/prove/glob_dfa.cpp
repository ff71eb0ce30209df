// Dfa::glob: IAM StringLike patterns (docs/semantics.md#string-operators) as automata. The pattern's position NFA
// (position i = the first i tokens matched; a '*' position loops on every character and may be
// skipped) is determinised by subset construction and minimised. Alphabet symbols that the
// pattern never writes literally behave identically, so each subset's successor is computed once
// per distinct literal plus once for "any other symbol".
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "prove/automaton.h"
#include "prove/dfa_builder.h"
#include "prove/glob_pattern.h"

namespace trustlint::internal {
namespace {

using PositionSet = std::vector<std::uint32_t>;  // sorted, no duplicates

struct PositionSetHash {
  std::size_t operator()(const PositionSet& s) const {
    std::uint64_t h = 1469598103934665603ull;
    for (std::uint32_t x : s) h = (h ^ x) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

class GlobNfa {
 public:
  explicit GlobNfa(std::string p) : p_(std::move(p)) {}

  PositionSet start() const { return close({0}); }

  // The positions reached from `from` by reading c, or (other == true, c ignored) by reading a
  // character that no literal of the pattern equals.
  PositionSet step(const PositionSet& from, char c, bool other) const {
    PositionSet out;
    for (std::uint32_t i : from) {
      if (i == p_.size()) continue;
      std::uint32_t to;
      if (p_[i] == '*') {
        to = i;
      } else if (p_[i] == '?' || (!other && p_[i] == c)) {
        to = i + 1;
      } else {
        continue;
      }
      if (out.empty() || out.back() != to) out.push_back(to);
    }
    return close(out);
  }

  bool accepting(const PositionSet& s) const { return !s.empty() && s.back() == p_.size(); }

 private:
  // Adds i+1 after every '*' position i (stars are collapsed, so one step suffices).
  PositionSet close(const PositionSet& s) const {
    PositionSet out;
    out.reserve(s.size() + 2);
    auto push = [&out](std::uint32_t x) {
      if (out.empty() || out.back() < x) out.push_back(x);
    };
    for (std::uint32_t i : s) {
      push(i);
      if (i < p_.size() && p_[i] == '*') push(i + 1);
    }
    return out;
  }

  std::string p_;  // INVARIANT: no two consecutive '*'
};

}  // namespace

Dfa Dfa::glob(std::string_view pattern, const Alphabet& a, StateBudget& budget) {
  std::string p = collapse_stars(pattern);
  const std::size_t k = a.size();
  // cls[symbol] = 1 + index into literals, or 0 when the pattern never writes the symbol.
  std::vector<std::uint32_t> cls(k, 0);
  std::string literals;
  for (char c : p) {
    const int s = a.index(static_cast<unsigned char>(c));
    if (c == '*' || c == '?' || s < 0 || cls[static_cast<std::size_t>(s)] != 0) continue;
    literals.push_back(c);
    cls[static_cast<std::size_t>(s)] = static_cast<std::uint32_t>(literals.size());
  }
  const GlobNfa nfa(std::move(p));

  DfaBuilder out(a);
  std::unordered_map<PositionSet, std::uint32_t, PositionSetHash> id;
  std::vector<PositionSet> sets{nfa.start()};
  id.emplace(sets[0], 0);
  out.add_state(nfa.accepting(sets[0]));
  std::vector<std::uint32_t> by_class(literals.size() + 1);
  for (std::size_t head = 0; head < sets.size(); ++head) {
    // Stepping every position of the set for every class, then k transitions.
    if (!budget.charge((literals.size() + 1) * (sets[head].size() + 1) + k)) return nothing(a);
    for (std::size_t c = 0; c <= literals.size(); ++c) {
      PositionSet next = nfa.step(sets[head], c == 0 ? '\0' : literals[c - 1], c == 0);
      auto found = id.find(next);
      if (found != id.end()) {
        by_class[c] = found->second;
        continue;
      }
      if (sets.size() >= budget.max_states || !budget.spend(1)) {
        budget.exceeded = true;
        return nothing(a);
      }
      const auto n = static_cast<std::uint32_t>(sets.size());
      out.add_state(nfa.accepting(next));
      id.emplace(next, n);
      sets.push_back(std::move(next));
      by_class[c] = n;
    }
    for (std::size_t s = 0; s < k; ++s) {
      out.set_transition(static_cast<std::uint32_t>(head), s, by_class[cls[s]]);
    }
  }
  return std::move(out).build(&budget);
}

}  // namespace trustlint::internal
