// Inputs shared by the benchmarks: the fixtures that load cleanly, and a generated large policy
// (many statements, many wildcards) to show there is no blow-up.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace trustlint::bench {

// (name, path) of every fixture under fixtures/good and fixtures/risky.
std::vector<std::pair<std::string, std::string>> fixture_policies();

// A policy with `statements` Allow/Deny statements over sub and aud with wildcards in every
// segment, deterministic; `values` StringLike values of sub per statement (3 by default).
std::string generated_policy(int statements);
std::string generated_policy(int statements, int values);

}  // namespace trustlint::bench
