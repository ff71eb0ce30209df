// JSON pieces shared by the documents that print `who`'s parts (who --format json and diff
// --format json): a DIM ({"match": [...], "except": [...]}) and a deployment. Internal; pure.
#pragma once

#include <nlohmann/json.hpp>

#include "trustlint/allowed_set.h"

namespace trustlint::internal {

nlohmann::ordered_json glob_set_json(const GlobSet& globs);
nlohmann::ordered_json facts_json(const DeploymentFacts& facts);

}  // namespace trustlint::internal
