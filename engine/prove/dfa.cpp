// Dfa construction: the fixed automata (nothing, everything, literal, length bounds, forbidden
// substring), Boolean operations by product construction, and the DfaBuilder that minimises and
// numbers every result. The glob construction lives in glob_dfa.cpp, the queries in
// dfa_queries.cpp.
#include <cassert>
#include <cstdint>
#include <utility>
#include <vector>

#include "prove/automaton.h"
#include "prove/dfa_builder.h"
#include "prove/pair_index.h"

namespace trustlint::internal {

std::uint32_t DfaBuilder::add_state(bool accepting) {
  const auto id = static_cast<std::uint32_t>(accepting_.size());
  accepting_.push_back(accepting);
  transitions_.resize(transitions_.size() + alphabet_.size(), id);
  return id;
}

Dfa DfaBuilder::build(StateBudget* budget) && {
  assert(!accepting_.empty());
  const std::size_t steps = minimise_tables(alphabet_.size(), transitions_, accepting_);
  if (budget != nullptr && !budget->charge(steps)) {
    budget->exceeded = true;
    return Dfa::nothing(alphabet_);
  }
  Dfa d;
  d.alphabet_ = std::move(alphabet_);
  d.transitions_ = std::move(transitions_);
  d.accepting_ = std::move(accepting_);
  return d;
}

Dfa DfaBuilder::product(const Dfa& a, const Dfa& b, ProductOp op, StateBudget& budget) {
  assert(a.alphabet_ == b.alphabet_);
  const std::size_t k = a.alphabet_.size();
  auto accepts = [op](bool x, bool y) {
    switch (op) {
      case ProductOp::kIntersect: return x && y;
      case ProductOp::kUnite: return x || y;
      case ProductOp::kMinus: return x && !y;
    }
    return false;
  };
  DfaBuilder out(a.alphabet_);
  PairIndex id;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs{{0, 0}};
  id.find_or_insert(0, 0);
  out.add_state(accepts(a.accepting_[0], b.accepting_[0]));
  for (std::size_t head = 0; head < pairs.size(); ++head) {
    const auto [p, q] = pairs[head];
    if (!budget.charge(k)) return Dfa::nothing(a.alphabet_);  // the k transitions of this pair
    for (std::size_t s = 0; s < k; ++s) {
      const std::uint32_t p2 = next(a, p, s), q2 = next(b, q, s);
      const auto fresh = static_cast<std::uint32_t>(pairs.size());
      const std::uint32_t target = id.find_or_insert(PairIndex::key(p2, q2), fresh);
      if (target == fresh) {
        if (pairs.size() >= budget.max_states || !budget.spend(1)) {
          budget.exceeded = true;
          return Dfa::nothing(a.alphabet_);
        }
        pairs.emplace_back(p2, q2);
        out.add_state(accepts(a.accepting_[p2], b.accepting_[q2]));
      }
      out.set_transition(static_cast<std::uint32_t>(head), s, target);
    }
  }
  return std::move(out).build(&budget);
}

Dfa Dfa::nothing(const Alphabet& a) {
  DfaBuilder b(a);
  b.add_state(false);
  return std::move(b).build();
}

Dfa Dfa::everything(const Alphabet& a) {
  DfaBuilder b(a);
  b.add_state(true);
  return std::move(b).build();
}

Dfa Dfa::literal(std::string_view s, const Alphabet& a) {
  if (!a.contains(s)) return nothing(a);
  // States 0..|s| follow the string; state |s|+1 is the dead state.
  DfaBuilder b(a);
  for (std::size_t i = 0; i <= s.size(); ++i) b.add_state(i == s.size());
  const std::uint32_t dead = b.add_state(false);
  for (std::uint32_t i = 0; i <= s.size(); ++i) {
    for (std::size_t c = 0; c < a.size(); ++c) b.set_transition(i, c, dead);
    if (i < s.size()) b.set_transition(i, a.index(static_cast<unsigned char>(s[i])), i + 1);
  }
  return std::move(b).build();
}

Dfa Dfa::length_between(std::size_t min_len, std::size_t max_len, const Alphabet& a) {
  if (max_len != 0 && max_len < min_len) return nothing(a);
  // State i counts the characters read so far, saturating at the last counted length.
  const std::size_t last = max_len == 0 ? min_len : max_len;
  DfaBuilder b(a);
  for (std::size_t i = 0; i <= last; ++i) b.add_state(i >= min_len);
  const std::uint32_t dead = b.add_state(false);
  for (std::uint32_t i = 0; i <= last; ++i) {
    const std::uint32_t to = i < last ? i + 1 : (max_len == 0 ? i : dead);
    for (std::size_t c = 0; c < a.size(); ++c) b.set_transition(i, c, to);
  }
  return std::move(b).build();
}

Dfa Dfa::without_substring(std::string_view s, const Alphabet& a) {
  if (s.empty()) return nothing(a);  // every string contains ""
  if (!a.contains(s)) return everything(a);
  // KMP automaton: state i = the longest prefix of s that is a suffix of the input (i < |s|);
  // state |s| (s seen) is the dead state.
  const std::size_t m = s.size();
  std::vector<std::size_t> fail(m + 1, 0);  // fail[i]: longest proper border of s[0..i)
  for (std::size_t i = 1, k = 0; i < m; ++i) {
    while (k > 0 && s[i] != s[k]) k = fail[k];
    if (s[i] == s[k]) ++k;
    fail[i + 1] = k;
  }
  DfaBuilder b(a);
  for (std::size_t i = 0; i <= m; ++i) b.add_state(i < m);
  for (std::uint32_t i = 0; i < m; ++i) {
    for (std::size_t c = 0; c < a.size(); ++c) {
      std::size_t k = i;
      while (k > 0 && a.at(c) != s[k]) k = fail[k];
      if (a.at(c) == s[k]) ++k;
      b.set_transition(i, c, static_cast<std::uint32_t>(k));
    }
  }
  return std::move(b).build();  // state m keeps its self-loops
}

Dfa Dfa::intersect(const Dfa& o, StateBudget& budget) const {
  return DfaBuilder::product(*this, o, DfaBuilder::ProductOp::kIntersect, budget);
}

Dfa Dfa::unite(const Dfa& o, StateBudget& budget) const {
  return DfaBuilder::product(*this, o, DfaBuilder::ProductOp::kUnite, budget);
}

Dfa Dfa::minus(const Dfa& o, StateBudget& budget) const {
  return DfaBuilder::product(*this, o, DfaBuilder::ProductOp::kMinus, budget);
}

Dfa Dfa::any_case() const {
  const std::size_t k = alphabet_.size();
  DfaBuilder b(alphabet_);
  for (std::size_t q = 0; q < accepting_.size(); ++q) b.add_state(accepting_[q]);
  for (std::uint32_t q = 0; q < accepting_.size(); ++q) {
    for (std::size_t s = 0; s < k; ++s) {
      const char c = alphabet_.at(s);
      const int lower = c >= 'A' && c <= 'Z' ? alphabet_.index(static_cast<unsigned char>(c - 'A' + 'a')) : -1;
      b.set_transition(q, s, transitions_[q * k + (lower >= 0 ? static_cast<std::size_t>(lower) : s)]);
    }
  }
  return std::move(b).build();
}

Dfa Dfa::complement() const {
  // Flipping acceptance keeps a complete DFA minimal and its canonical numbering unchanged.
  Dfa d = *this;
  d.accepting_.flip();
  return d;
}

}  // namespace trustlint::internal
