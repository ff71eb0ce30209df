// ValueSet: a set of values of one segment (a team slug, a project name, ...), described as
// "matches one of `match` and none of `except`" (IAM globs). The description is exact by
// construction and is what users read and `who --format json` prints; the Dfa that decides
// emptiness and inclusion is built from it only when a question needs it (sets of plain names
// are answered without automata). SegmentDomain holds what a segment's values can be
// (docs/semantics.md#vercel-name-alphabets) and caches the automaton of each glob for one computation
// (drawn from the process-wide SharedAutomata when the domain has a content key).
// A SegmentDomain and its ValueSets belong to one computation on one thread.
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "prove/automaton.h"
#include "trustlint/provider.h"

namespace trustlint::internal {

// One glob of a ValueSet: an IAM glob compared case-sensitively, or (any_case) a literal text in
// any ASCII case (StringEqualsIgnoreCase / StringNotEqualsIgnoreCase on a requested audience).
// The flag travels beside the text, so no policy value can pose as the any-case form.
struct Glob {
  std::string text;
  bool any_case = false;
  Glob() = default;
  Glob(std::string t, bool ic = false) : text(std::move(t)), any_case(ic) {}  // NOLINT: implicit
  Glob(const char* t) : text(t) {}                                           // NOLINT: implicit
  friend bool operator==(const Glob&, const Glob&) = default;
  friend auto operator<=>(const Glob&, const Glob&) = default;
};
using Globs = std::vector<Glob>;

// Case-sensitive globs, from policy text.
Globs exact_globs(const std::vector<std::string>& texts);
// A key that tells lists apart exactly (lengths and flags included), for caches.
std::string globs_key(const Globs& globs);

struct SegmentDomain {
  std::string name;
  Alphabet alphabet;
  Dfa domain = Dfa::nothing(Alphabet());  // every valid value, except for the length bound
  std::size_t max_length = 0;             // 0 = unbounded
  std::vector<std::string> known_values;  // listed first in descriptions and examples
  std::vector<std::string> preferred_examples;
  StateBudget* budget = nullptr;
  // What the domain is made of (its alphabet, automaton and length bound, written out by
  // from_spec and free_text): glob automata are shared between computations under it. Empty:
  // not shared (a domain whose construction ran out of budget).
  std::string content_key;

  static SegmentDomain from_spec(const SegmentSpec& spec, StateBudget& budget);
  // A free-form claim (e.g. an audience chosen by the deployment): printable ASCII.
  static SegmentDomain free_text(std::string name, StateBudget& budget);

  // Is some member of d a valid value (length bound included)?
  bool nonempty(const Dfa& d) const;
  // Is a shortest member (from a search) within the length bound?
  bool within_bound(const std::optional<std::string>& shortest) const;
  bool valid(std::string_view value) const;
  // L(glob) ∩ domain, cached.
  const Dfa& glob_dfa(const Glob& glob) const;
  Dfa union_dfa(const Globs& globs) const;
  // Answers to emptiness and inclusion questions already decided in this computation, keyed by
  // the question's glob lists (ValueSet::empty, subset_of).
  std::optional<bool> answer(const std::string& question) const;
  void remember(const std::string& question, bool answer) const;
  // The globs whose union is L(a) ∩ L(b), as already computed in this computation (the same
  // pairs of a policy's globs meet again in every box operation), or null.
  const Globs* intersection(const Glob& a, const Glob& b) const;
  void remember_intersection(const Glob& a, const Glob& b, const Globs& globs) const;

 private:
  mutable std::map<Glob, std::shared_ptr<const Dfa>> cache_;
  mutable std::map<std::pair<Glob, Glob>, Globs> intersections_;
  mutable std::unordered_map<std::string, bool> answers_;
};

class ValueSet {
 public:
  static ValueSet all(const SegmentDomain& domain);
  // The union of the globs (each restricted to the domain): case-sensitive globs from policy
  // text, or globs that may carry the any-case flag.
  static ValueSet of_globs(const SegmentDomain& domain, const std::vector<std::string>& globs);
  static ValueSet of(const SegmentDomain& domain, Globs globs);

  const Globs& match() const { return match_; }
  const Globs& except() const { return except_; }
  const SegmentDomain& domain() const { return *domain_; }
  const Dfa& dfa() const;

  bool empty() const;
  bool contains(std::string_view value) const;
  bool subset_of(const ValueSet& o) const;
  bool same_as(const ValueSet& o) const;
  // Same description up to order (cheap; same_as decides by language).
  bool same_description(const ValueSet& o) const;
  // The description independent of the order of its globs, computed once per set (merges
  // bucket boxes by it).
  const std::string& description_key() const;
  // A member found without automata (a known or preferred name, or a glob with its wildcards
  // filled in), computed once; nullopt when none is found that way. Refutes inclusion cheaply.
  const std::optional<std::string>& quick_member() const;
  // No any-case glob.
  bool plain() const;

  ValueSet intersect(const ValueSet& o) const;
  // this − o, as at most two value sets (this∖match(o), and this ∩ except(o)).
  std::vector<ValueSet> minus(const ValueSet& o) const;
  // this ∪ o as one set when the description allows it (same except lists), else nullopt.
  std::optional<ValueSet> merge(const ValueSet& o) const;
  // Drops globs that change nothing (contained in another, or removing nothing).
  void simplify();

  // A readable member: known values first, then preferred examples, then the shortest.
  std::optional<std::string> example() const;

 private:
  ValueSet(const SegmentDomain* d, Globs m, Globs e);
  bool finite() const { return finite_; }  // match holds plain names only
  const SegmentDomain* domain_;
  Globs match_;
  Globs except_;
  bool finite_ = false;
  mutable std::optional<Dfa> dfa_;
  mutable std::optional<std::optional<std::string>> quick_member_;
  mutable std::string description_key_;  // empty until computed (a computed key is never empty)
};

// IAM glob matching for short values (names), without building anything. The pattern is
// compared case-sensitively, whatever its text.
bool glob_matches(std::string_view pattern, std::string_view text);
// The same for a Glob (an any-case glob matches its text in any ASCII case).
bool matches(const Glob& glob, std::string_view text);

}  // namespace trustlint::internal
