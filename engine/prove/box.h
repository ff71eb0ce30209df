// Box: a product of ValueSets, one per dimension of the deployment space (team × project ×
// environment, plus the audience when it is free). A union of boxes is how the prover writes any
// set of deployments that a trust policy's conditions can describe; intersection and difference
// of such unions stay unions of boxes. Plain values; safe to share between threads.
#pragma once

#include <vector>

#include "prove/value_set.h"

namespace trustlint::internal {

struct Box {
  std::vector<ValueSet> dims;

  bool empty() const;
  bool contains(const std::vector<std::string>& values) const;
};

using BoxSet = std::vector<Box>;

// REQUIRES: all boxes have the same dimensions in the same order.
std::optional<Box> intersect(const Box& a, const Box& b);
BoxSet intersect(const BoxSet& a, const BoxSet& b, StateBudget& budget);
// a − b as a union of boxes.
BoxSet minus(const Box& a, const Box& b, StateBudget& budget);
BoxSet minus(const BoxSet& a, const BoxSet& b, StateBudget& budget);
bool subset_of(const Box& a, const Box& b);
// Drops boxes contained in another and merges boxes that differ in one dimension only.
void tidy(BoxSet& boxes, StateBudget& budget);

}  // namespace trustlint::internal
