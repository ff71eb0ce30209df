// What a default-audience proof keeps so that the any-audience answer of the same policy is
// derived from it instead of proved a second time (lint needs both): the regions of conditions
// that do not read aud (the same in both audience modes but for the audience dimension, which
// they leave whole), and the value sets describe_parts has simplified. Every entry is exactly
// what the second proof would compute again in the same computation (same domains).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "prove/condition_region.h"

namespace trustlint::internal {

struct ProofMemo {
  struct Entry {
    ConditionRegion region;          // boxes without the audience dimension
    std::vector<std::string> notes;  // the notes computing it gave, in order
  };
  // (team class in proof order, statement index, condition index) → its region.
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, Entry> conditions;
  // Dimension and ordered glob lists of a value set → the set simplified (ValueSet::simplify).
  std::unordered_map<std::string, ValueSet> simplified;
  std::size_t conditions_reused = 0;  // regions taken from `conditions` (tests count them)
};

}  // namespace trustlint::internal
