// Box algebra. Difference of two boxes, dimension by dimension:
//   A − B = (A0−B0)×A1×A2 ∪ (A0∩B0)×(A1−B1)×A2 ∪ (A0∩B0)×(A1∩B1)×(A2−B2)
#include "prove/box.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace trustlint::internal {

bool Box::empty() const {
  for (const auto& d : dims) {
    if (d.empty()) return true;
  }
  return false;
}

bool Box::contains(const std::vector<std::string>& values) const {
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (!dims[i].contains(values[i])) return false;
  }
  return true;
}

std::optional<Box> intersect(const Box& a, const Box& b) {
  Box out;
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    ValueSet v = a.dims[i].intersect(b.dims[i]);
    if (v.empty()) return std::nullopt;
    out.dims.push_back(std::move(v));
  }
  return out;
}

BoxSet intersect(const BoxSet& a, const BoxSet& b, StateBudget& budget) {
  BoxSet out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      if (!budget.spend(1)) return out;
      if (auto z = intersect(x, y)) out.push_back(std::move(*z));
    }
  }
  tidy(out, budget);
  return out;
}

bool subset_of(const Box& a, const Box& b) {
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    if (!a.dims[i].subset_of(b.dims[i])) return false;
  }
  return true;
}

BoxSet minus(const Box& a, const Box& b, StateBudget& budget) {
  if (subset_of(a, b)) return {};
  // A and B disjoint in some dimension: A − B = A. Decided first, from the intersections the
  // pieces need anyway, so that a disjoint pair (the common case) computes no difference.
  std::vector<ValueSet> both;
  both.reserve(a.dims.size());
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    both.push_back(a.dims[i].intersect(b.dims[i]));
    if (both.back().empty()) return BoxSet{a};
    if (budget.exceeded) return {};
  }
  BoxSet out;
  Box prefix = a;  // dims before i hold A∩B, from i on hold A
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    for (auto& part : a.dims[i].minus(b.dims[i])) {
      Box piece = prefix;
      piece.dims[i] = std::move(part);
      if (!piece.empty()) out.push_back(std::move(piece));
    }
    prefix.dims[i] = std::move(both[i]);
    if (budget.exceeded) break;
  }
  return out;
}

BoxSet minus(const BoxSet& a, const BoxSet& b, StateBudget& budget) {
  BoxSet current = a;
  for (const auto& y : b) {
    BoxSet next;
    for (const auto& x : current) {
      if (!budget.spend(1)) return next;
      for (auto& piece : minus(x, y, budget)) next.push_back(std::move(piece));
      if (budget.exceeded) return next;
    }
    tidy(next, budget);
    current = std::move(next);
  }
  return current;
}

namespace {

// Merges boxes written the same in every dimension but `d` (a cheap test; merging is only for
// readability, the union is the same either way). Boxes are grouped by the description of the
// other dimensions, so a pass costs n·dims, not n². Returns whether anything merged.
bool merge_along(BoxSet& boxes, std::size_t d, StateBudget& budget) {
  std::unordered_map<std::string, std::vector<std::size_t>> groups;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    std::string key;
    for (std::size_t k = 0; k < boxes[i].dims.size(); ++k) {
      if (k != d) {
        key += boxes[i].dims[k].description_key();  // computed once per value set
        key += '\x1d';
      }
    }
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) order.push_back(key);
    it->second.push_back(i);
  }
  if (!budget.spend(boxes.size())) return false;
  bool merged_any = false;
  std::vector<bool> gone(boxes.size(), false);
  for (const auto& key : order) {
    const auto& members = groups[key];
    std::vector<std::size_t> kept;  // accumulators of this group
    for (std::size_t i : members) {
      bool merged = false;
      for (std::size_t into : kept) {
        if (!budget.spend(1)) return merged_any;
        if (auto m = boxes[into].dims[d].merge(boxes[i].dims[d])) {
          boxes[into].dims[d] = std::move(*m);
          gone[i] = merged = merged_any = true;
          break;
        }
      }
      if (!merged) kept.push_back(i);
    }
  }
  if (merged_any) {
    BoxSet out;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (!gone[i]) out.push_back(std::move(boxes[i]));
    }
    boxes = std::move(out);
  }
  return merged_any;
}

// Drops every box contained in another (of two equal boxes, the later one).
bool drop_contained(BoxSet& boxes, StateBudget& budget) {
  std::vector<bool> gone(boxes.size(), false);
  bool dropped = false;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = 0; j < boxes.size() && !gone[i]; ++j) {
      if (i == j || gone[j]) continue;
      if (!budget.spend(1)) return dropped;
      if (subset_of(boxes[i], boxes[j])) gone[i] = dropped = true;
    }
  }
  if (dropped) {
    BoxSet out;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (!gone[i]) out.push_back(std::move(boxes[i]));
    }
    boxes = std::move(out);
  }
  return dropped;
}

}  // namespace

void tidy(BoxSet& boxes, StateBudget& budget) {
  if (boxes.size() < 2) return;
  bool changed = true;
  while (changed && !budget.exceeded) {
    changed = drop_contained(boxes, budget);
    for (std::size_t d = 0; d < boxes.front().dims.size() && boxes.size() > 1; ++d) {
      changed = merge_along(boxes, d, budget) || changed;
    }
  }
}

}  // namespace trustlint::internal
