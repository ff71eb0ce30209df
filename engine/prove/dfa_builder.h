// DfaBuilder: the one way a Dfa comes into existence. Constructions (glob subset construction,
// products, the small fixed automata) add states and transitions here, then build() drops
// unreachable states, minimises (Hopcroft) and numbers the states canonically, so that two Dfas
// over the same alphabet accept the same language exactly when their tables are identical.
// A builder is a single-threaded scratch object; the Dfa it returns is immutable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "prove/automaton.h"

namespace trustlint::internal {

class DfaBuilder {
 public:
  explicit DfaBuilder(const Alphabet& alphabet) : alphabet_(alphabet) {}

  // Adds a state whose transitions all lead to itself until set; the first state added is the
  // start state.
  std::uint32_t add_state(bool accepting);
  void set_transition(std::uint32_t from, std::size_t symbol, std::uint32_t to) {
    transitions_[from * alphabet_.size() + symbol] = to;
  }
  std::size_t state_count() const { return accepting_.size(); }

  // The minimal, canonically numbered automaton. REQUIRES: at least one state. With a budget,
  // the minimisation's steps (at most about n·k·log n for n states over k symbols) are charged
  // as taken, and nothing() comes back with budget->exceeded set when they did not fit.
  Dfa build(StateBudget* budget = nullptr) &&;

  // Read access for the algorithms of engine/prove (the tables are private to Dfa).
  // INVARIANT of every built Dfa: minimal, complete, every state reachable from state 0, states
  // numbered in breadth-first order from 0 visiting symbols in alphabet order.
  static std::uint32_t next(const Dfa& d, std::uint32_t state, std::size_t symbol) {
    return d.transitions_[state * d.alphabet_.size() + symbol];
  }
  static bool accepting(const Dfa& d, std::uint32_t state) { return d.accepting_[state]; }
  static bool same_tables(const Dfa& a, const Dfa& b) {
    return a.transitions_ == b.transitions_ && a.accepting_ == b.accepting_;
  }

  enum class ProductOp { kIntersect, kUnite, kMinus };
  // The product over pairs reachable from (0, 0), minimised; nothing() with budget.exceeded set
  // when it would need more than budget.max_states pairs. REQUIRES: a and b share an alphabet.
  static Dfa product(const Dfa& a, const Dfa& b, ProductOp op, StateBudget& budget);

 private:
  Alphabet alphabet_;
  std::vector<std::uint32_t> transitions_;
  std::vector<bool> accepting_;
};

// Hopcroft minimisation in place: on return the tables describe the minimal automaton, canonically
// numbered (see the INVARIANT above). Returns the steps it took (at most about n·k·log n), for
// the budget. REQUIRES: accepting non-empty, transitions sized accepting.size() * symbols, all
// targets in range.
std::size_t minimise_tables(std::size_t symbols, std::vector<std::uint32_t>& transitions,
                     std::vector<bool>& accepting);

}  // namespace trustlint::internal
