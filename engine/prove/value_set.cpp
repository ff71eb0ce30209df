// ValueSet operations on descriptions; automata only when a question needs them.
#include "prove/value_set.h"

#include <algorithm>

#include "condition/text.h"
#include "prove/shared_automata.h"

namespace trustlint::internal {
namespace {

void add_unique(Globs& v, const Glob& g) {
  if (std::find(v.begin(), v.end(), g) == v.end()) v.push_back(g);
}

// An any-case glob is a literal text, but its set is infinite for the purposes here (never a
// list of plain names).
bool has_wildcard(const Glob& g) { return g.any_case || g.text.find_first_of("*?") != std::string::npos; }

Globs intersect_globs_by_automata(const SegmentDomain& d, const Glob& a, const Glob& b);

// The globs whose union is L(a) ∩ L(b) within the domain; sets budget.exceeded if too many.
Globs intersect_globs(const SegmentDomain& d, const Glob& a, const Glob& b) {
  if (a == b) return {a};
  if (!has_wildcard(a)) return matches(b, a.text) ? Globs{a} : Globs{};
  if (!has_wildcard(b)) return matches(a, b.text) ? Globs{b} : Globs{};
  if (a == Glob("*")) return {b};
  if (b == Glob("*")) return {a};
  StateBudget& budget = *d.budget;
  budget.charge(a.text.size() + b.text.size());  // looking the pair up
  if (const Globs* known = d.intersection(a, b)) return *known;
  Globs globs = intersect_globs_by_automata(d, a, b);
  d.remember_intersection(a, b, globs);
  return globs;
}

// intersect_globs() for two globs with wildcards, neither "*", not equal.
Globs intersect_globs_by_automata(const SegmentDomain& d, const Glob& a, const Glob& b) {
  StateBudget& budget = *d.budget;
  const Dfa& da = d.glob_dfa(a);
  const Dfa& db = d.glob_dfa(b);
  if (!d.within_bound(da.shortest_difference(db, budget))) return {a};
  if (!d.within_bound(db.shortest_difference(da, budget))) return {b};
  if (a.any_case || b.any_case) {
    // Neither contains the other: disjoint, or a part of the case variants that no glob list
    // writes exactly. The latter is refused (TL095) rather than approximated.
    const Dfa both = da.intersect(db, budget);
    if (!d.nonempty(both)) return {};
    budget.exceeded = true;
    return {};
  }
  auto globs = glob_intersection(a.text, b.text, d.alphabet, 64, &budget);
  if (!globs) {
    budget.exceeded = true;
    return {};
  }
  return exact_globs(*globs);
}

Globs intersect_lists(const SegmentDomain& d, const Globs& a, const Globs& b) {
  Globs out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      for (auto& g : intersect_globs(d, x, y)) add_unique(out, g);
    }
  }
  return out;
}

}  // namespace

Globs exact_globs(const std::vector<std::string>& texts) { return Globs(texts.begin(), texts.end()); }

std::string globs_key(const Globs& globs) {
  std::string key;
  for (const auto& g : globs) {
    key += g.any_case ? 'i' : 'e';
    key += std::to_string(g.text.size());
    key += ':';
    key += g.text;
  }
  return key;
}

bool matches(const Glob& g, std::string_view t) {
  if (g.any_case) return ascii_lowercase(t) == ascii_lowercase(g.text);
  return glob_matches(g.text, t);
}

bool glob_matches(std::string_view p, std::string_view t) {
  // Greedy two-pointer match with one backtrack point per star: exact for '*' and '?'.
  std::size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    // A '*' in the pattern is always a wildcard, even facing a '*' in the text.
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = ti;
    } else if (pi < p.size() && (p[pi] == '?' || p[pi] == t[ti])) {
      ++pi;
      ++ti;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

// ---- SegmentDomain --------------------------------------------------------------------------

namespace {

// A length-prefixed field of a content key (no two different lists of fields give one key).
void add_field(std::string& key, std::string_view field) {
  key += std::to_string(field.size());
  key += ':';
  key += field;
}

}  // namespace

SegmentDomain SegmentDomain::from_spec(const SegmentSpec& spec, StateBudget& budget) {
  SegmentDomain d;
  d.name = spec.name;
  d.alphabet = Alphabet(spec.alphabet);
  d.domain = Dfa::length_between(spec.min_length, 0, d.alphabet);
  const bool was_exceeded = budget.exceeded;
  for (const auto& bad : spec.forbidden_substrings) {
    d.domain = d.domain.intersect(Dfa::without_substring(bad, d.alphabet), budget);
  }
  d.max_length = spec.max_length;
  d.known_values = spec.known_values;
  d.budget = &budget;
  if (!was_exceeded && !budget.exceeded) {
    // The automaton follows from the alphabet, the minimum length and the forbidden substrings.
    d.content_key = "spec:";
    add_field(d.content_key, d.alphabet.chars());
    add_field(d.content_key, std::to_string(spec.min_length) + "," + std::to_string(spec.max_length));
    for (const auto& bad : spec.forbidden_substrings) add_field(d.content_key, bad);
  }
  return d;
}

SegmentDomain SegmentDomain::free_text(std::string name, StateBudget& budget) {
  // The same automaton for every name: built once per process, copied (a few small tables).
  static const SegmentDomain prototype = [] {
    SegmentDomain d;
    std::string chars = "abcdefghijklmnopqrstuvwxyz0123456789-._~:/ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (char c = 0x21; c < 0x7f; ++c) {
      if (c != '*' && c != '?') chars.push_back(c);
    }
    d.alphabet = Alphabet(chars);
    d.domain = Dfa::length_between(1, 0, d.alphabet);
    d.content_key = "free-text";
    return d;
  }();
  SegmentDomain d = prototype;
  d.name = std::move(name);
  d.budget = &budget;
  return d;
}

bool SegmentDomain::nonempty(const Dfa& d) const { return within_bound(d.shortest_example()); }

bool SegmentDomain::within_bound(const std::optional<std::string>& shortest) const {
  return shortest && (max_length == 0 || shortest->size() <= max_length);
}

bool SegmentDomain::valid(std::string_view value) const {
  return (max_length == 0 || value.size() <= max_length) && alphabet.contains(value) && domain.contains(value);
}

std::optional<bool> SegmentDomain::answer(const std::string& question) const {
  auto it = answers_.find(question);
  if (it == answers_.end()) return std::nullopt;
  return it->second;
}

void SegmentDomain::remember(const std::string& question, bool answer) const {
  // An answer found after the budget ran out is not an answer; it is not kept.
  if (budget == nullptr || !budget->exceeded) answers_.emplace(question, answer);
}

const Globs* SegmentDomain::intersection(const Glob& a, const Glob& b) const {
  auto it = intersections_.find({a, b});
  return it == intersections_.end() ? nullptr : &it->second;
}

void SegmentDomain::remember_intersection(const Glob& a, const Glob& b, const Globs& globs) const {
  // As remember(): what was found after the budget ran out is not kept.
  if (budget == nullptr || !budget->exceeded) intersections_.emplace(std::pair<Glob, Glob>{a, b}, globs);
}

const Dfa& SegmentDomain::glob_dfa(const Glob& glob) const {
  auto it = cache_.find(glob);
  if (it != cache_.end()) return *it->second;
  // Built by another computation of the process: taken with its work spent again (as if built
  // here), unless that work would run this budget out (then built here, to stop where it stops).
  std::string key;
  if (!content_key.empty()) {
    key = content_key;
    key += '|';
    add_field(key, std::to_string(budget->max_states));
    key += glob.any_case ? 'i' : 'e';
    add_field(key, glob.text);
    auto shared = SharedAutomata::instance().find(key);
    if (shared.value && replay_work(*budget, shared.cost)) return *cache_.emplace(glob, std::move(shared.value)).first->second;
  }
  const bool was_exceeded = budget->exceeded;
  const std::size_t before = work_steps(*budget);
  const Dfa d = glob.any_case ? Dfa::literal(ascii_lowercase(glob.text), alphabet).any_case()
                              : Dfa::glob(glob.text, alphabet, *budget);
  auto built = std::make_shared<const Dfa>(d.intersect(domain, *budget));
  if (!key.empty() && !was_exceeded && !budget->exceeded) {
    SharedAutomata::instance().store(key, {built, work_steps(*budget) - before});
  }
  return *cache_.emplace(glob, std::move(built)).first->second;
}

Dfa SegmentDomain::union_dfa(const Globs& globs) const {
  if (globs.empty()) return Dfa::nothing(alphabet);
  Dfa out = glob_dfa(globs.front());
  for (std::size_t i = 1; i < globs.size(); ++i) out = out.unite(glob_dfa(globs[i]), *budget);
  return out;
}

// ---- ValueSet -------------------------------------------------------------------------------

ValueSet::ValueSet(const SegmentDomain* d, Globs m, Globs e) : domain_(d), match_(std::move(m)), except_(std::move(e)) {
  finite_ = std::none_of(match_.begin(), match_.end(), [](const Glob& g) { return has_wildcard(g); });
  if (finite_) {
    // A finite set: keep the valid names that no except removes, and no except list.
    Globs names;
    for (const auto& n : match_) {
      const bool removed = std::any_of(except_.begin(), except_.end(), [&](const Glob& e) { return matches(e, n.text); });
      if (!removed && domain_->valid(n.text)) add_unique(names, n);
    }
    match_ = std::move(names);
    except_.clear();
  }
}

ValueSet ValueSet::all(const SegmentDomain& domain) { return ValueSet(&domain, {Glob("*")}, {}); }

ValueSet ValueSet::of_globs(const SegmentDomain& domain, const std::vector<std::string>& globs) {
  return ValueSet(&domain, exact_globs(globs), {});
}

ValueSet ValueSet::of(const SegmentDomain& domain, Globs globs) { return ValueSet(&domain, std::move(globs), {}); }

const Dfa& ValueSet::dfa() const {
  if (!dfa_) {
    dfa_ = except_.empty() ? domain_->union_dfa(match_)
                           : domain_->union_dfa(match_).minus(domain_->union_dfa(except_), *domain_->budget);
  }
  return *dfa_;
}

namespace {

// The automata of several glob lists side by side, for shortest_where(). A glob that occurs in
// several lists (or twice) is searched once: the product grows with every distinct automaton.
struct GlobLists {
  std::vector<const Dfa*> parts;               // distinct automata
  std::vector<std::vector<std::size_t>> lists;  // for each list, the indices of its parts

  GlobLists(const SegmentDomain& d, std::initializer_list<const Globs*> globs) {
    std::map<const Dfa*, std::size_t> index;
    for (const auto* list : globs) {
      auto& ids = lists.emplace_back();
      for (const auto& g : *list) {
        const Dfa* dfa = &d.glob_dfa(g);
        auto [it, fresh] = index.emplace(dfa, parts.size());
        if (fresh) parts.push_back(dfa);
        ids.push_back(it->second);
      }
    }
  }
  bool any(const std::vector<bool>& flags, std::size_t list) const {
    for (std::size_t i : lists[list]) {
      if (flags[i]) return true;
    }
    return false;
  }
};

// The lists of a question, as the key of its cached answer (globs_key: exact, so two different
// questions never share a key whatever characters their globs hold).
std::string question_key(char kind, std::initializer_list<const Globs*> lists) {
  std::string key(1, kind);
  for (const auto* list : lists) {
    key += globs_key(*list);
    key += '|';
  }
  return key;
}

}  // namespace

bool ValueSet::empty() const {
  if (finite_) return match_.empty();
  // "*" minus finitely many names is never empty: every domain here is infinite up to its
  // length bound, which leaves far more names than a policy can list.
  const bool star = std::find(match_.begin(), match_.end(), Glob("*")) != match_.end();
  if (star && std::none_of(except_.begin(), except_.end(), [](const Glob& e) { return has_wildcard(e); })) {
    return false;
  }
  const std::string key = question_key('e', {&match_, &except_});
  if (domain_->budget != nullptr) domain_->budget->charge(key.size());  // building and hashing the key
  if (auto known = domain_->answer(key)) return *known;
  const GlobLists g(*domain_, {&match_, &except_});
  const bool none = !domain_->within_bound(shortest_where(
      g.parts, [&g](const std::vector<bool>& f) { return g.any(f, 0) && !g.any(f, 1); }, *domain_->budget));
  domain_->remember(key, none);
  return none;
}

bool ValueSet::contains(std::string_view value) const {
  if (!domain_->valid(value)) return false;
  const auto hit = [&](const Glob& g) { return matches(g, value); };
  return std::any_of(match_.begin(), match_.end(), hit) && std::none_of(except_.begin(), except_.end(), hit);
}

bool ValueSet::subset_of(const ValueSet& o) const {
  if (finite_) return std::all_of(match_.begin(), match_.end(), [&](const Glob& n) { return o.contains(n.text); });
  if (o.match_.size() == 1 && o.match_[0] == Glob("*") && o.except_.empty()) return true;
  // A member of this set outside o refutes inclusion without automata.
  if (const auto& m = quick_member(); m && !o.contains(*m)) return false;
  const std::string key = question_key('s', {&match_, &except_, &o.match_, &o.except_});
  if (domain_->budget != nullptr) domain_->budget->charge(key.size());  // building and hashing the key
  if (auto known = domain_->answer(key)) return *known;
  const GlobLists g(*domain_, {&match_, &except_, &o.match_, &o.except_});
  const bool subset = !domain_->within_bound(shortest_where(
      g.parts,
      [&g](const std::vector<bool>& f) { return g.any(f, 0) && !g.any(f, 1) && !(g.any(f, 2) && !g.any(f, 3)); },
      *domain_->budget));
  domain_->remember(key, subset);
  return subset;
}

bool ValueSet::same_as(const ValueSet& o) const {
  if (match_ == o.match_ && except_ == o.except_) return true;
  if (finite_ && o.finite_) {
    return match_.size() == o.match_.size() && subset_of(o);
  }
  return subset_of(o) && o.subset_of(*this);
}

bool ValueSet::same_description(const ValueSet& o) const { return description_key() == o.description_key(); }

// Each list's globs sorted (globs_key: exact), so the order they were written in does not matter.
const std::string& ValueSet::description_key() const {
  if (description_key_.empty()) {
    auto sorted = [](Globs l) {
      std::sort(l.begin(), l.end());
      return l;
    };
    description_key_ = globs_key(sorted(match_)) + '|' + globs_key(sorted(except_));
  }
  return description_key_;
}

bool ValueSet::plain() const {
  const auto anycase = [](const Glob& g) { return g.any_case; };
  return std::none_of(match_.begin(), match_.end(), anycase) && std::none_of(except_.begin(), except_.end(), anycase);
}

const std::optional<std::string>& ValueSet::quick_member() const {
  if (quick_member_) return *quick_member_;
  quick_member_.emplace();
  auto try_candidate = [this](const std::string& c) {
    if (c.find_first_of("*?") == std::string::npos && contains(c)) quick_member_->emplace(c);
    return quick_member_->has_value();
  };
  for (const auto* list : {&domain_->known_values, &domain_->preferred_examples}) {
    for (const auto& v : *list) {
      if (try_candidate(v)) return *quick_member_;
    }
  }
  // Each glob with its wildcards filled: '*' empty or one character, '?' one character; an
  // any-case glob as written.
  const char fill = domain_->alphabet.size() != 0 ? domain_->alphabet.at(0) : 'a';
  for (const auto& g : match_) {
    for (bool star_empty : {true, false}) {
      std::string c;
      for (char ch : g.text) {
        if (g.any_case) c += ch;
        else if (ch == '*') c += star_empty ? "" : std::string(1, fill);
        else c += ch == '?' ? fill : ch;
      }
      if (try_candidate(c)) return *quick_member_;
    }
  }
  return *quick_member_;
}

ValueSet ValueSet::intersect(const ValueSet& o) const {
  if (finite_ || o.finite_) {
    const ValueSet& names = finite_ ? *this : o;
    const ValueSet& other = finite_ ? o : *this;
    Globs kept;
    for (const auto& n : names.match_) {
      if (other.contains(n.text)) kept.push_back(n);
    }
    return ValueSet(domain_, std::move(kept), {});
  }
  Globs except = except_;
  for (const auto& e : o.except_) add_unique(except, e);
  return ValueSet(domain_, intersect_lists(*domain_, match_, o.match_), std::move(except));
}

std::vector<ValueSet> ValueSet::minus(const ValueSet& o) const {
  std::vector<ValueSet> out;
  if (finite_) {
    Globs kept;
    for (const auto& n : match_) {
      if (!o.contains(n.text)) kept.push_back(n);
    }
    if (!kept.empty()) out.push_back(ValueSet(domain_, std::move(kept), {}));
    return out;
  }
  // this ∖ match(o)
  Globs except = except_;
  for (const auto& m : o.match_) add_unique(except, m);
  ValueSet outside(domain_, match_, std::move(except));
  if (!outside.empty()) out.push_back(std::move(outside));
  // this ∩ except(o)
  if (!o.except_.empty()) {
    ValueSet excepted = intersect(ValueSet(domain_, o.except_, {}));
    if (!excepted.empty()) out.push_back(std::move(excepted));
  }
  return out;
}

std::optional<ValueSet> ValueSet::merge(const ValueSet& o) const {
  if (subset_of(o)) return o;
  if (o.subset_of(*this)) return *this;
  Globs a = except_, b = o.except_;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  if (a != b) return std::nullopt;
  Globs match = match_;
  for (const auto& m : o.match_) add_unique(match, m);
  return ValueSet(domain_, std::move(match), except_);
}

void ValueSet::simplify() {
  if (finite_) return;
  const SegmentDomain& d = *domain_;
  StateBudget& budget = *d.budget;
  // Match globs: drop those inside another match glob or inside the excepts.
  const Dfa except_dfa = d.union_dfa(except_);
  Globs match;
  for (std::size_t i = 0; i < match_.size(); ++i) {
    const Dfa& gi = d.glob_dfa(match_[i]);
    if (!d.within_bound(gi.shortest_difference(except_dfa, budget))) continue;
    bool covered = false;
    for (std::size_t j = 0; j < match_.size() && !covered; ++j) {
      if (i == j) continue;
      const Dfa& gj = d.glob_dfa(match_[j]);
      const bool inside = !d.within_bound(gi.shortest_difference(gj, budget));
      covered = inside && (j < i || d.within_bound(gj.shortest_difference(gi, budget)));  // of two equals keep the first
    }
    if (!covered) add_unique(match, match_[i]);
  }
  match_ = std::move(match);
  // Except globs: drop those that remove nothing from the match and those inside another except.
  const Dfa match_dfa = d.union_dfa(match_);
  Globs except;
  for (std::size_t i = 0; i < except_.size(); ++i) {
    const Dfa ei = d.glob_dfa(except_[i]).intersect(match_dfa, budget);
    if (!d.nonempty(ei)) continue;
    bool covered = false;
    for (std::size_t j = 0; j < except_.size() && !covered; ++j) {
      if (i == j) continue;
      const Dfa ej = d.glob_dfa(except_[j]).intersect(match_dfa, budget);
      const bool inside = !d.within_bound(ei.shortest_difference(ej, budget));
      covered = inside && (j < i || d.within_bound(ej.shortest_difference(ei, budget)));
    }
    if (!covered) add_unique(except, except_[i]);
  }
  except_ = std::move(except);
  dfa_.reset();
  quick_member_.reset();  // the same language, but the member may have come from a dropped glob
  description_key_.clear();
}

std::optional<std::string> ValueSet::example() const {
  for (const auto& v : domain_->known_values) {
    if (contains(v)) return v;
  }
  for (const auto& g : match_) {
    if (!has_wildcard(g) && contains(g.text)) return g.text;
  }
  for (const auto& v : domain_->preferred_examples) {
    if (contains(v)) return v;
  }
  auto ex = dfa().shortest_example();
  if (ex && domain_->max_length != 0 && ex->size() > domain_->max_length) return std::nullopt;
  return ex;
}

}  // namespace trustlint::internal
