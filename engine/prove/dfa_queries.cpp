// Dfa queries: emptiness, membership, inclusion, equivalence and examples. Every Dfa is minimal
// and canonically numbered with all states reachable (dfa_builder.h), which makes emptiness a
// scan of the accepting flags and equivalence a comparison of tables.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "prove/automaton.h"
#include "prove/dfa_builder.h"
#include "prove/pair_index.h"

namespace trustlint::internal {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// Breadth-first search over pairs (Dfa state, tag state) from (0, 0), symbols in alphabet order,
// so that the first pair found is reached by the shortlex-least string. `step(tag, symbol)` moves
// the tag; `goal(state, tag)` says whether a pair is wanted. Returns that string, or nullopt when
// no wanted pair is reachable or (budget given) more pairs than budget->max_states are needed.
template <typename Step, typename Goal>
std::optional<std::string> first_string_to(const Dfa& d, Step step, Goal goal,
                                           StateBudget* budget) {
  struct Node {
    std::uint32_t state, tag, parent;
    char c;
  };
  std::vector<Node> nodes{{0, 0, kNone, 0}};
  PairIndex seen;
  seen.find_or_insert(0, 0);
  const std::size_t k = d.alphabet().size();
  for (std::size_t head = 0; head < nodes.size(); ++head) {
    const Node n = nodes[head];
    if (goal(n.state, n.tag)) {
      std::string s;
      for (std::uint32_t i = static_cast<std::uint32_t>(head); nodes[i].parent != kNone; i = nodes[i].parent) {
        s.push_back(nodes[i].c);
      }
      std::reverse(s.begin(), s.end());
      return s;
    }
    if (budget != nullptr && !budget->charge(k)) return std::nullopt;  // k transitions of this node
    for (std::size_t a = 0; a < k; ++a) {
      const std::uint32_t q = DfaBuilder::next(d, n.state, a);
      const std::uint32_t t = step(n.tag, a);
      const auto fresh = static_cast<std::uint32_t>(nodes.size());
      if (seen.find_or_insert(PairIndex::key(q, t), fresh) != fresh) continue;
      if (budget != nullptr && (nodes.size() >= budget->max_states || !budget->spend(1))) {
        budget->exceeded = true;
        return std::nullopt;
      }
      nodes.push_back({q, t, static_cast<std::uint32_t>(head), d.alphabet().at(a)});
    }
  }
  return std::nullopt;
}

}  // namespace

bool Dfa::empty() const {
  return std::find(accepting_.begin(), accepting_.end(), true) == accepting_.end();
}

bool Dfa::contains(std::string_view s) const {
  std::uint32_t q = 0;
  for (char c : s) {
    const int a = alphabet_.index(static_cast<unsigned char>(c));
    if (a < 0) return false;
    q = transitions_[q * alphabet_.size() + static_cast<std::size_t>(a)];
  }
  return accepting_[q];
}

bool Dfa::subset_of(const Dfa& o, StateBudget& budget) const {
  // Searches the product for a string in this language and not in o's, without building it.
  assert(alphabet_ == o.alphabet_);
  // Past the budget the answer is false with budget.exceeded set.
  const bool was_exceeded = budget.exceeded;
  budget.exceeded = false;
  const bool found = first_string_to(
      *this,
      [&o](std::uint32_t q, std::size_t a) { return DfaBuilder::next(o, q, a); },
      [this, &o](std::uint32_t p, std::uint32_t q) { return accepting_[p] && !DfaBuilder::accepting(o, q); },
      &budget).has_value();
  const bool stopped = budget.exceeded;
  budget.exceeded = was_exceeded || stopped;
  return !found && !stopped;
}

std::optional<std::string> Dfa::shortest_difference(const Dfa& o, StateBudget& budget) const {
  assert(alphabet_ == o.alphabet_);
  return first_string_to(
      *this, [&o](std::uint32_t q, std::size_t a) { return DfaBuilder::next(o, q, a); },
      [this, &o](std::uint32_t p, std::uint32_t q) { return accepting_[p] && !DfaBuilder::accepting(o, q); }, &budget);
}

bool Dfa::equivalent(const Dfa& o, StateBudget& /*budget*/) const {
  // Minimal complete DFAs of one language are isomorphic, and the canonical numbering fixes the
  // isomorphism, so no search is needed (and the budget cannot be exceeded).
  return alphabet_ == o.alphabet_ && DfaBuilder::same_tables(*this, o);
}

std::optional<std::string> Dfa::shortest_example() const {
  return first_string_to(
      *this, [](std::uint32_t, std::size_t) { return std::uint32_t{0}; },
      [this](std::uint32_t q, std::uint32_t) { return static_cast<bool>(accepting_[q]); }, nullptr);
}

std::optional<std::string> Dfa::example_avoiding(const std::vector<std::string>& avoid) const {
  // The avoided strings as a trie over the alphabet (node 0 the root, `off` = left the trie);
  // the answer is the shortlex-first string accepted here and not ending on an avoided node.
  // Each trie node is reached by one string only, so the search visits at most
  // state_count() + trie size pairs.
  const std::size_t k = alphabet_.size();
  std::vector<std::uint32_t> child(k, kNone);
  std::vector<bool> avoided(1, false);
  for (const std::string& s : avoid) {
    if (!alphabet_.contains(s)) continue;  // never a member anyway
    std::uint32_t t = 0;
    for (char c : s) {
      const auto a = static_cast<std::size_t>(alphabet_.index(static_cast<unsigned char>(c)));
      if (child[t * k + a] == kNone) {
        child[t * k + a] = static_cast<std::uint32_t>(avoided.size());
        avoided.push_back(false);
        child.resize(child.size() + k, kNone);
      }
      t = child[t * k + a];
    }
    avoided[t] = true;
  }
  const auto off = static_cast<std::uint32_t>(avoided.size());
  return first_string_to(
      *this,
      [&child, k, off](std::uint32_t t, std::size_t a) {
        return t == off || child[t * k + a] == kNone ? off : child[t * k + a];
      },
      [this, &avoided, off](std::uint32_t q, std::uint32_t t) {
        return accepting_[q] && (t == off || !avoided[t]);
      },
      nullptr);
}

}  // namespace trustlint::internal
