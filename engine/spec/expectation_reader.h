// Reading an `expect:` list (allow / deny / only, each a selector over team, project,
// environment and issuer) from the located YAML tree, for spec files and for `expect:` in
// .trustlint.yaml. Every problem is an error with the caller's code, located at the key or
// value it is about. Internal; stateless.
#pragma once

#include <string>
#include <vector>

#include "source/node.h"
#include "trustlint/spec.h"

namespace trustlint::internal {

// Appends the expectations of `list` (a sequence) to `out`, errors to `diagnostics`.
void read_expectations(const Node& list, const std::string& code, std::vector<Expectation>& out,
                       Diagnostics& diagnostics);

}  // namespace trustlint::internal
