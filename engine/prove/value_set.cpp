// ValueSet operations: every change to the description is mirrored on the Dfa.
#include "prove/value_set.h"

#include <algorithm>

#include "condition/glob.h"

namespace trustlint::internal {
namespace {

Dfa union_of(const SegmentDomain& d, const std::vector<std::string>& globs, StateBudget& budget) {
  Dfa out = Dfa::nothing(d.alphabet);
  for (const auto& g : globs) out = out.unite(Dfa::glob(g, d.alphabet, budget), budget);
  return out;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

bool has_wildcard(std::string_view g) { return g.find_first_of("*?") != std::string_view::npos; }

// The globs whose union is L(a) ∩ L(b) within the domain; sets budget.exceeded if too many.
std::vector<std::string> intersect_globs(const SegmentDomain& d, const std::string& a, const std::string& b,
                                         StateBudget& budget) {
  if (a == b) return {a};
  if (!has_wildcard(a)) return glob_match(b, a) ? std::vector<std::string>{a} : std::vector<std::string>{};
  if (!has_wildcard(b)) return glob_match(a, b) ? std::vector<std::string>{b} : std::vector<std::string>{};
  const Dfa da = Dfa::glob(a, d.alphabet, budget).intersect(d.domain, budget);
  const Dfa db = Dfa::glob(b, d.alphabet, budget).intersect(d.domain, budget);
  if (da.subset_of(db, budget)) return {a};
  if (db.subset_of(da, budget)) return {b};
  auto globs = glob_intersection(a, b, d.alphabet);
  if (!globs) {
    budget.exceeded = true;
    return {};
  }
  return *globs;
}

std::vector<std::string> intersect_lists(const SegmentDomain& d, const std::vector<std::string>& a,
                                         const std::vector<std::string>& b, StateBudget& budget) {
  std::vector<std::string> out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      for (auto& g : intersect_globs(d, x, y, budget)) add_unique(out, g);
    }
  }
  return out;
}

}  // namespace

SegmentDomain SegmentDomain::from_spec(const SegmentSpec& spec, StateBudget& budget) {
  SegmentDomain d;
  d.name = spec.name;
  d.alphabet = Alphabet(spec.alphabet);
  d.domain = Dfa::length_between(std::max<std::size_t>(spec.min_length, 0), 0, d.alphabet);
  for (const auto& bad : spec.forbidden_substrings) {
    d.domain = d.domain.intersect(Dfa::without_substring(bad, d.alphabet), budget);
  }
  d.max_length = spec.max_length;
  d.known_values = spec.known_values;
  return d;
}

SegmentDomain SegmentDomain::free_text(std::string name, std::string_view extra_chars) {
  SegmentDomain d;
  d.name = std::move(name);
  std::string chars = "abcdefghijklmnopqrstuvwxyz0123456789-._~:/ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (char c = 0x21; c < 0x7f; ++c) chars.push_back(c);
  chars.append(extra_chars);
  chars.erase(std::remove_if(chars.begin(), chars.end(), [](char c) { return c == '*' || c == '?'; }), chars.end());
  chars += "*?";  // last: allowed in values, never preferred in examples
  d.alphabet = Alphabet(chars);
  d.domain = Dfa::length_between(1, 0, d.alphabet);
  return d;
}

bool SegmentDomain::nonempty(const Dfa& d) const {
  const auto ex = d.shortest_example();
  return ex && (max_length == 0 || ex->size() <= max_length);
}

bool SegmentDomain::valid(std::string_view value) const {
  return (max_length == 0 || value.size() <= max_length) && alphabet.contains(value) && domain.contains(value);
}

ValueSet ValueSet::all(const SegmentDomain& domain) { return ValueSet(&domain, {"*"}, {}, domain.domain); }

ValueSet ValueSet::of_globs(const SegmentDomain& domain, std::vector<std::string> globs, StateBudget& budget) {
  Dfa dfa = union_of(domain, globs, budget).intersect(domain.domain, budget);
  ValueSet v(&domain, std::move(globs), {}, std::move(dfa));
  v.simplify(budget);
  return v;
}

bool ValueSet::subset_of(const ValueSet& o, StateBudget& budget) const {
  return !domain_->nonempty(dfa_.minus(o.dfa_, budget));
}

bool ValueSet::same_as(const ValueSet& o, StateBudget& budget) const { return subset_of(o, budget) && o.subset_of(*this, budget); }

bool ValueSet::is_all(StateBudget& budget) const { return !domain_->nonempty(domain_->domain.minus(dfa_, budget)); }

ValueSet ValueSet::intersect(const ValueSet& o, StateBudget& budget) const {
  std::vector<std::string> except = except_;
  for (const auto& e : o.except_) add_unique(except, e);
  ValueSet v(domain_, intersect_lists(*domain_, match_, o.match_, budget), std::move(except),
             dfa_.intersect(o.dfa_, budget));
  v.simplify(budget);
  return v;
}

std::vector<ValueSet> ValueSet::minus(const ValueSet& o, StateBudget& budget) const {
  std::vector<ValueSet> out;
  // this ∖ match(o)
  std::vector<std::string> except = except_;
  for (const auto& m : o.match_) add_unique(except, m);
  ValueSet outside(domain_, match_, std::move(except), dfa_.minus(union_of(*domain_, o.match_, budget), budget));
  if (!outside.empty()) {
    outside.simplify(budget);
    out.push_back(std::move(outside));
  }
  // this ∩ except(o)
  if (!o.except_.empty()) {
    ValueSet excepted(domain_, intersect_lists(*domain_, match_, o.except_, budget), except_,
                      dfa_.intersect(union_of(*domain_, o.except_, budget), budget));
    if (!excepted.empty()) {
      excepted.simplify(budget);
      out.push_back(std::move(excepted));
    }
  }
  return out;
}

std::optional<ValueSet> ValueSet::merge(const ValueSet& o, StateBudget& budget) const {
  if (subset_of(o, budget)) return o;
  if (o.subset_of(*this, budget)) return *this;
  std::vector<std::string> a = except_, b = o.except_;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) return std::nullopt;
  std::vector<std::string> match = match_;
  for (const auto& m : o.match_) add_unique(match, m);
  ValueSet v(domain_, std::move(match), except_, dfa_.unite(o.dfa_, budget));
  v.simplify(budget);
  return v;
}

void ValueSet::simplify(StateBudget& budget) {
  const SegmentDomain& d = *domain_;
  auto lang = [&](const std::string& g) { return Dfa::glob(g, d.alphabet, budget).intersect(d.domain, budget); };
  // Match globs: drop empty ones and those inside another match glob or inside the excepts.
  const Dfa except_dfa = union_of(d, except_, budget);
  std::vector<std::string> match;
  for (std::size_t i = 0; i < match_.size(); ++i) {
    const Dfa gi = lang(match_[i]);
    if (!d.nonempty(gi.minus(except_dfa, budget))) continue;
    bool covered = false;
    for (std::size_t j = 0; j < match_.size() && !covered; ++j) {
      if (i == j) continue;
      const Dfa gj = lang(match_[j]);
      const bool inside = !d.nonempty(gi.minus(gj, budget));
      // Of two equal languages keep the first.
      covered = inside && (j < i || d.nonempty(gj.minus(gi, budget)));
    }
    if (!covered) add_unique(match, match_[i]);
  }
  match_ = std::move(match);
  // Except globs: drop those that remove nothing from the match and those inside another except.
  const Dfa match_dfa = union_of(d, match_, budget).intersect(d.domain, budget);
  std::vector<std::string> except;
  for (std::size_t i = 0; i < except_.size(); ++i) {
    const Dfa ei = lang(except_[i]).intersect(match_dfa, budget);
    if (!d.nonempty(ei)) continue;
    bool covered = false;
    for (std::size_t j = 0; j < except_.size() && !covered; ++j) {
      if (i == j) continue;
      const Dfa ej = lang(except_[j]).intersect(match_dfa, budget);
      const bool inside = !d.nonempty(ei.minus(ej, budget));
      covered = inside && (j < i || d.nonempty(ej.minus(ei, budget)));
    }
    if (!covered) add_unique(except, except_[i]);
  }
  except_ = std::move(except);
}

std::optional<std::string> ValueSet::example(const std::vector<std::string>& prefer) const {
  for (const auto* list : {&domain_->known_values, &prefer, &domain_->preferred_examples}) {
    for (const auto& v : *list) {
      if (contains(v)) return v;
    }
  }
  auto ex = dfa_.shortest_example();
  if (ex && domain_->max_length != 0 && ex->size() > domain_->max_length) return std::nullopt;
  return ex;
}

bool ValueSet::description_contains(std::string_view value) const {
  if (!domain_->valid(value)) return false;
  const bool in = std::any_of(match_.begin(), match_.end(), [&](const std::string& g) { return glob_match(g, value); });
  return in && std::none_of(except_.begin(), except_.end(), [&](const std::string& g) { return glob_match(g, value); });
}

}  // namespace trustlint::internal
