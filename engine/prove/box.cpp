// Box algebra. Difference of two boxes, dimension by dimension:
//   A − B = (A0−B0)×A1×A2 ∪ (A0∩B0)×(A1−B1)×A2 ∪ (A0∩B0)×(A1∩B1)×(A2−B2)
#include "prove/box.h"

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
      if (auto z = intersect(x, y)) out.push_back(std::move(*z));
      if (budget.exceeded) return out;
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
  BoxSet out;
  Box prefix = a;  // dims before i hold A∩B, from i on hold A
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    for (auto& part : a.dims[i].minus(b.dims[i])) {
      Box piece = prefix;
      piece.dims[i] = std::move(part);
      if (!piece.empty()) out.push_back(std::move(piece));
    }
    ValueSet both = a.dims[i].intersect(b.dims[i]);
    if (both.empty()) {
      // A and B are disjoint: A − B = A.
      return BoxSet{a};
    }
    prefix.dims[i] = std::move(both);
    if (budget.exceeded) break;
  }
  return out;
}

BoxSet minus(const BoxSet& a, const BoxSet& b, StateBudget& budget) {
  BoxSet current = a;
  for (const auto& y : b) {
    BoxSet next;
    for (const auto& x : current) {
      for (auto& piece : minus(x, y, budget)) next.push_back(std::move(piece));
      if (budget.exceeded) return next;
    }
    tidy(next, budget);
    current = std::move(next);
  }
  return current;
}

void tidy(BoxSet& boxes, StateBudget& budget) {
  bool changed = true;
  while (changed && !budget.exceeded) {
    changed = false;
    for (std::size_t i = 0; i < boxes.size() && !changed; ++i) {
      for (std::size_t j = 0; j < boxes.size() && !changed; ++j) {
        if (i == j) continue;
        if (subset_of(boxes[i], boxes[j])) {
          boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(i));
          changed = true;
          break;
        }
        // Merge when all dimensions but one are written the same (a cheap test; merging is
        // only for readability, the union is the same either way).
        std::size_t differing = 0, where = 0;
        for (std::size_t k = 0; k < boxes[i].dims.size() && differing < 2; ++k) {
          if (!boxes[i].dims[k].same_description(boxes[j].dims[k])) {
            ++differing;
            where = k;
          }
        }
        if (differing == 1) {
          if (auto merged = boxes[i].dims[where].merge(boxes[j].dims[where])) {
            boxes[i].dims[where] = std::move(*merged);
            boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
            changed = true;
          }
        }
      }
    }
  }
}

}  // namespace trustlint::internal
