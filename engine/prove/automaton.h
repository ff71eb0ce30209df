// Finite automata over a small alphabet: the prover's exact decision procedure for IAM wildcard
// patterns (docs/semantics.md#string-operators) over a provider's claim alphabets (docs/semantics.md#vercel-name-alphabets). A Dfa is complete and
// deterministic over its Alphabet; strings with characters outside the alphabet are never in
// any Dfa's language. Operations build new automata (reachable states only, minimised) and
// respect a StateBudget: past it they stop and set budget.exceeded instead of blowing up.
// Values are immutable after construction; safe to share between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::internal {

// The characters a string may contain, in preference order for examples ("abc…z0…9-").
class Alphabet {
 public:
  Alphabet() : Alphabet(std::string_view()) {}  // the empty alphabet: only "" is a string over it
  explicit Alphabet(std::string_view chars);  // duplicates ignored
  std::size_t size() const { return chars_.size(); }
  // Index of c, or -1 when c is not in the alphabet.
  int index(unsigned char c) const { return index_[c]; }
  char at(std::size_t i) const { return chars_[i]; }
  const std::string& chars() const { return chars_; }
  bool contains(std::string_view s) const;  // every character of s is in the alphabet
  bool operator==(const Alphabet& o) const { return chars_ == o.chars_; }

 private:
  std::string chars_;
  int index_[256] = {};  // filled with -1 except for members
};

// The work one computation may do. max_states bounds each automaton built and each product
// search; `spent` adds up everything the computation does, so that many automata under the
// per-automaton bound cannot add up to an unbounded run either. Work is counted where it is
// done, in proportion to it: a state or tuple found is a unit (spend), and the steps behind it
// (transitions computed for every symbol, NFA positions stepped, the minimisation of what was
// built, boxes compared) are counted as they happen, kStepsPerUnit to a unit (charge). Past
// either bound, operations stop and set `exceeded`.
struct StateBudget {
  std::size_t max_states = 200000;  // per constructed automaton or search
  std::size_t max_work = 0;         // total for the computation; 0 = kWorkPerState × max_states
  std::size_t spent = 0;
  std::size_t steps = 0;            // steps not yet a whole unit
  bool exceeded = false;

  static constexpr std::size_t kWorkPerState = 50;
  static constexpr std::size_t kStepsPerUnit = 64;
  std::size_t total() const { return max_work != 0 ? max_work : max_states * kWorkPerState; }
  // Counts n more units of work; false (and exceeded set) once past the total.
  bool spend(std::size_t n) {
    spent += n;
    if (spent > total()) exceeded = true;
    return !exceeded;
  }
  // Counts n elementary steps; false (and exceeded set) once past the total.
  bool charge(std::size_t n) {
    steps += n;
    if (steps < kStepsPerUnit) return !exceeded;
    const std::size_t units = steps / kStepsPerUnit;
    steps %= kStepsPerUnit;
    return spend(units);
  }
};

class Dfa {
 public:
  // The empty language / every string over the alphabet (including "").
  static Dfa nothing(const Alphabet& a);
  static Dfa everything(const Alphabet& a);
  // Exactly the string s (empty language when s has a character outside the alphabet).
  static Dfa literal(std::string_view s, const Alphabet& a);
  // IAM glob: '*' any run (possibly empty), '?' exactly one character, others literal.
  // Restricted to strings over the alphabet.
  static Dfa glob(std::string_view pattern, const Alphabet& a, StateBudget& budget);
  // Strings with length in [min_len, max_len] (max_len 0 = unbounded).
  static Dfa length_between(std::size_t min_len, std::size_t max_len, const Alphabet& a);
  // Strings that do not contain s as a substring.
  static Dfa without_substring(std::string_view s, const Alphabet& a);

  Dfa intersect(const Dfa& o, StateBudget& budget) const;
  Dfa unite(const Dfa& o, StateBudget& budget) const;
  Dfa minus(const Dfa& o, StateBudget& budget) const;
  Dfa complement() const;  // w.r.t. every string over the alphabet
  // The strings whose ASCII-lowercased form this Dfa accepts, for a Dfa that accepts only
  // strings without upper-case letters (IAM's IgnoreCase folds ASCII only): each upper-case
  // letter moves as its lower-case twin.
  Dfa any_case() const;

  bool empty() const;
  bool contains(std::string_view s) const;
  bool subset_of(const Dfa& o, StateBudget& budget) const;
  // Shortest string in this language and not in o's (shortlex-first), found on the fly without
  // building the product; nullopt when none (or when the budget ran out: check it).
  std::optional<std::string> shortest_difference(const Dfa& o, StateBudget& budget) const;
  bool equivalent(const Dfa& o, StateBudget& budget) const;
  // Shortest member; among the shortest, the first in alphabet order. nullopt when empty.
  std::optional<std::string> shortest_example() const;
  // Shortest member that is not in `avoid` (for varied examples); nullopt when none.
  std::optional<std::string> example_avoiding(const std::vector<std::string>& avoid) const;

  std::size_t state_count() const { return accepting_.size(); }
  const Alphabet& alphabet() const { return alphabet_; }

 private:
  Dfa() = default;
  Alphabet alphabet_;
  // transitions_[state * alphabet.size() + symbol] = next state. State 0 is the start state.
  std::vector<std::uint32_t> transitions_;
  std::vector<bool> accepting_;
  friend class DfaBuilder;
};

// Shortest string (shortlex-first by alphabet order) whose memberships in `parts` (one flag per
// part, in order) satisfy `accept`, found by searching the product of all parts on the fly: no
// product automaton is built or minimised. REQUIRES: all parts share one alphabet. nullopt when
// none, or when more than budget.max_states tuples are needed (then budget.exceeded is set).
std::optional<std::string> shortest_where(const std::vector<const Dfa*>& parts,
                                          const std::function<bool(const std::vector<bool>&)>& accept,
                                          StateBudget& budget);

// The union of globs equal to L(a) ∩ L(b) over the alphabet (each result a glob in IAM syntax),
// simplified (no glob in the result is contained in another). nullopt when more than
// max_globs would be needed, or when the search for them exceeds a fixed work limit (about a
// tenth of a second; long patterns with many wildcards): then describe the set with a Dfa.
// With a budget, the walk's steps are spent from it too (kStepsPerUnit steps a unit), and the
// walk stops (budget->exceeded set, nullopt) when the budget runs out.
std::optional<std::vector<std::string>> glob_intersection(std::string_view a, std::string_view b,
                                                          const Alphabet& alphabet,
                                                          std::size_t max_globs = 64,
                                                          StateBudget* budget = nullptr);

// Escapes '*' '?' so that the result, read as a glob, matches exactly `literal`.
// REQUIRES: nothing; IAM globs have no escape, so this returns nullopt when literal contains
// '*' or '?' (such a string can only be written with ${*} / ${?} in StringLike).
std::optional<std::string> glob_for_literal(std::string_view literal);

}  // namespace trustlint::internal
