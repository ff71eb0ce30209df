// Condition operator names beyond policy.h's parse_operator/operator_name: the list of every
// name IAM accepts (for did-you-mean) and the suggestion for a name it rejects (docs/semantics.md#condition-block).
// Pure functions over constant tables; safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/spelling.h"

namespace trustlint::internal {

// Every operator name IAM accepts, qualifiers and IfExists included (159 names).
const std::vector<std::string>& all_operator_names();

// The operator `written` most likely meant: a case-insensitive match first
// ("stringEquals" → StringEquals, case_only), else the closest name within edit distance 3.
std::optional<Suggestion> suggest_operator(std::string_view written);

}  // namespace trustlint::internal
