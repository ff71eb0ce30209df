// ValueSet: a set of values of one segment (a team slug, a project name, ...), described as
// "matches one of `match` and none of `except`" (IAM globs) and kept exact by a Dfa over the
// segment's domain. The description is what users read and what `who --format json` prints;
// the Dfa is what decides emptiness, inclusion and examples. Every operation keeps the two
// equal. SegmentDomain holds what a segment's values can be (semantics.md §4.7).
// Values are immutable once built; safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "prove/automaton.h"
#include "trustlint/provider.h"

namespace trustlint::internal {

struct SegmentDomain {
  std::string name;
  Alphabet alphabet;
  Dfa domain = Dfa::nothing(Alphabet());  // every valid value, except for the length bound
  std::size_t max_length = 0;             // 0 = unbounded
  std::vector<std::string> known_values;  // listed first in descriptions and examples
  std::vector<std::string> preferred_examples;

  static SegmentDomain from_spec(const SegmentSpec& spec, StateBudget& budget);
  // A free-form claim (e.g. an audience chosen by the deployment): printable ASCII plus `extra`.
  static SegmentDomain free_text(std::string name, std::string_view extra_chars);

  // Is some member of d a valid value (length bound included)?
  bool nonempty(const Dfa& d) const;
  bool valid(std::string_view value) const;
};

class ValueSet {
 public:
  // Every valid value of the domain.
  static ValueSet all(const SegmentDomain& domain);
  // The union of the globs (each restricted to the domain).
  static ValueSet of_globs(const SegmentDomain& domain, std::vector<std::string> globs, StateBudget& budget);

  const std::vector<std::string>& match() const { return match_; }
  const std::vector<std::string>& except() const { return except_; }
  const Dfa& dfa() const { return dfa_; }
  const SegmentDomain& domain() const { return *domain_; }

  bool empty() const { return !domain_->nonempty(dfa_); }
  bool contains(std::string_view value) const { return domain_->valid(value) && dfa_.contains(value); }
  bool subset_of(const ValueSet& o, StateBudget& budget) const;
  bool same_as(const ValueSet& o, StateBudget& budget) const;
  bool is_all(StateBudget& budget) const;

  ValueSet intersect(const ValueSet& o, StateBudget& budget) const;
  // this − o, as at most two value sets (this∖match(o), and this ∩ except(o)).
  std::vector<ValueSet> minus(const ValueSet& o, StateBudget& budget) const;
  // this ∪ o as one set when the description allows it (same except lists), else nullopt.
  std::optional<ValueSet> merge(const ValueSet& o, StateBudget& budget) const;

  // A readable member: known values first, then preferred examples, then the shortest.
  std::optional<std::string> example(const std::vector<std::string>& prefer = {}) const;
  // Does `value` belong according to the printed description alone (for tests)?
  bool description_contains(std::string_view value) const;

 private:
  ValueSet(const SegmentDomain* d, std::vector<std::string> m, std::vector<std::string> e, Dfa dfa)
      : domain_(d), match_(std::move(m)), except_(std::move(e)), dfa_(std::move(dfa)) {}
  void simplify(StateBudget& budget);
  const SegmentDomain* domain_;
  std::vector<std::string> match_;
  std::vector<std::string> except_;
  Dfa dfa_;
};

}  // namespace trustlint::internal
