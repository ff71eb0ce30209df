// TL205 on the proof's statement regions (no_effect_regions.h). Within one class of teams, with
// A the Allow regions and D the unconditional Deny regions, the allowed set is ∪(Aⱼ − D) labelled
// by each Allow's extra conditions, and a re-proof compares two such sets part by part: a part
// is covered by the other set's parts with no conditions or the same ones. So
//   - an Allow i changes nothing iff (Aᵢ − D) ⊆ ∪{Aⱼ : j ≠ i, Eⱼ empty or Eⱼ = Eᵢ};
//   - a Deny i changes nothing iff (∪A ∩ Dᵢ) ⊆ ∪{Dⱼ : j ≠ i}.
// Classes partition the deployments, so the policy answer is the conjunction over classes.
#include "lint/no_effect_regions.h"

#include <algorithm>

namespace trustlint::internal {
namespace {

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool conditional_deny(const StatementBoxes& s) { return s.effect == Effect::deny && !s.extras.empty(); }

const StatementBoxes* find(const ClassRegions& c, std::size_t index) {
  for (const auto& s : c.statements) {
    if (s.index == index) return &s;
  }
  return nullptr;
}

// The question's work drawn from the lint run's one budget (as every proof of the run is): the
// regions' value sets spend their context's budget, synchronised with the run's around it.
class Charged {
 public:
  Charged(PolicyRegions& r, StateBudget& run) : budget_(r.ctx->budget), run_(run) {
    budget_.max_work = run.total();
    budget_.spent = run.spent;
    budget_.exceeded = run.exceeded;
  }
  ~Charged() {
    run_.spent = budget_.spent;
    run_.exceeded = run_.exceeded || budget_.exceeded;
  }
  Charged(const Charged&) = delete;
  Charged& operator=(const Charged&) = delete;
  StateBudget& budget() { return budget_; }

 private:
  StateBudget& budget_;
  StateBudget& run_;
};

// "Unless" labels name Denies by position or Sid, so a conditional Deny anywhere makes the
// re-proof's parts differ in text; only the re-proof answers then.
bool has_conditional_deny(const PolicyRegions& r) {
  for (const auto& c : r.classes) {
    if (std::any_of(c.statements.begin(), c.statements.end(), conditional_deny)) return true;
  }
  return false;
}

// A point of the box from each dimension's member found without automata, or nullopt.
std::optional<std::vector<std::string>> quick_point(const Box& b) {
  std::vector<std::string> point;
  for (const auto& d : b.dims) {
    const auto& m = d.quick_member();
    if (!m) return std::nullopt;
    point.push_back(*m);
  }
  return point;
}

bool all_plain(const BoxSet& boxes) {
  return std::all_of(boxes.begin(), boxes.end(), [](const Box& c) {
    return std::all_of(c.dims.begin(), c.dims.end(), [](const ValueSet& v) { return v.plain(); });
  });
}

// A Deny i matters when some point lies in an Allow, in Deny i and in no other Deny: removing i
// lets that point in. Candidate points are the quick points of i's boxes and of the Allow boxes
// (found without automata), each tried with a glob match per box. True when such a point is
// found (an exact refutation of "changes nothing"); false says nothing.
bool deny_matters_at_a_point(const BoxSet& deny, const BoxSet& allowed, const BoxSet& others, StateBudget& budget) {
  if (!all_plain(deny) || !all_plain(allowed) || !all_plain(others)) return false;
  const auto in = [&](const BoxSet& set, const std::vector<std::string>& point) {
    return std::any_of(set.begin(), set.end(), [&](const Box& b) {
      budget.charge(b.dims.size());  // a glob match per dimension
      return b.contains(point);
    });
  };
  const auto matters = [&](const std::optional<std::vector<std::string>>& point) {
    return point && in(deny, *point) && in(allowed, *point) && !in(others, *point);
  };
  for (const auto* candidates : {&deny, &allowed}) {
    for (const auto& b : *candidates) {
      if (budget.exceeded) return false;
      if (matters(quick_point(b))) return true;
    }
  }
  return false;
}

// pieces − cover. A piece with a point outside every cover box is left over at once (the common
// case of a statement that matters, a glob match per box); pieces inside one box of the cover
// go next (the common case of a shadowed statement, one subset test each); the rest is
// subtracted box by box.
BoxSet uncovered(BoxSet pieces, const BoxSet& cover, StateBudget& budget) {
  const bool plain = all_plain(cover);
  for (const auto& p : pieces) {
    if (!plain) break;
    const auto point = quick_point(p);
    if (point && std::none_of(cover.begin(), cover.end(), [&](const Box& c) { return c.contains(*point); })) {
      return BoxSet{p};
    }
  }
  BoxSet rest;
  for (auto& p : pieces) {
    const bool inside = std::any_of(cover.begin(), cover.end(), [&](const Box& c) {
      return budget.spend(1) && subset_of(p, c);
    });
    if (!inside) rest.push_back(std::move(p));
  }
  if (rest.empty() || budget.exceeded) return rest;
  return minus(rest, cover, budget);
}

}  // namespace

std::optional<bool> unchanged_without(PolicyRegions& r, std::size_t index, StateBudget& run) {
  if (r.ctx == nullptr || has_conditional_deny(r) || run.exceeded) return std::nullopt;
  Charged charged(r, run);
  StateBudget& budget = charged.budget();
  for (const auto& c : r.classes) {
    const StatementBoxes* st = find(c, index);
    if (st == nullptr) continue;  // nothing of it in this class
    BoxSet rest;
    if (st->effect == Effect::allow) {
      const auto label = sorted(st->extras);
      BoxSet cover;
      for (const auto& s : c.statements) {
        if (s.effect == Effect::allow && s.index != index && (s.extras.empty() || sorted(s.extras) == label)) {
          cover.insert(cover.end(), s.boxes.begin(), s.boxes.end());
        }
      }
      rest = uncovered(st->left, cover, budget);  // left: the Allow minus the Denies, from the proof
    } else {
      BoxSet allowed, others;
      for (const auto& s : c.statements) {
        if (s.effect == Effect::deny && s.index != index) others.insert(others.end(), s.boxes.begin(), s.boxes.end());
      }
      // Dᵢ inside the other Denies (each box inside one of theirs, a subset test each): then so
      // is (∪A ∩ Dᵢ), whatever the Allows are.
      const bool inside_others = std::all_of(st->boxes.begin(), st->boxes.end(), [&](const Box& d) {
        return std::any_of(others.begin(), others.end(), [&](const Box& o) { return budget.spend(1) && subset_of(d, o); });
      });
      if (budget.exceeded) return std::nullopt;
      if (inside_others) continue;
      for (const auto& s : c.statements) {
        if (s.effect == Effect::allow) allowed.insert(allowed.end(), s.boxes.begin(), s.boxes.end());
      }
      if (deny_matters_at_a_point(st->boxes, allowed, others, budget)) return false;
      rest = uncovered(intersect(allowed, st->boxes, budget), others, budget);
    }
    if (budget.exceeded) return std::nullopt;
    if (!rest.empty()) return false;
  }
  return true;
}

std::optional<bool> allows_nobody_alone(PolicyRegions& r, std::size_t index) {
  if (r.ctx == nullptr) return std::nullopt;
  for (const auto& c : r.classes) {
    if (find(c, index) != nullptr) return false;  // recorded regions are never empty
  }
  return true;
}

std::optional<bool> covered_alone(PolicyRegions& r, std::size_t index, std::size_t by, StateBudget& run) {
  if (r.ctx == nullptr || run.exceeded) return std::nullopt;
  Charged charged(r, run);
  StateBudget& budget = charged.budget();
  for (const auto& c : r.classes) {
    const StatementBoxes* st = find(c, index);
    if (st == nullptr) continue;
    const StatementBoxes* cover = find(c, by);
    if (cover == nullptr || cover->effect != Effect::allow) return false;
    // Alone, a statement's part carries its own extras (a Deny read as an Allow keeps its own).
    if (!cover->extras.empty() && sorted(cover->extras) != sorted(st->extras)) return false;
    const BoxSet rest = uncovered(st->boxes, cover->boxes, budget);
    if (budget.exceeded) return std::nullopt;
    if (!rest.empty()) return false;
  }
  return true;
}

}  // namespace trustlint::internal
