// Loading a policy for a verb: reads it, prints its diagnostics to stderr, and says whether the
// verb can go on. Shared by can, who and lint.
#pragma once

#include <optional>
#include <string>

#include "trustlint/engine.h"

namespace trustlint::cli {

struct PolicyInput {
  Document document;
  CompiledPolicy compiled;
};

// Loads and compiles; on errors prints them (stderr) and returns nullopt (exit 2).
std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options);

// Prints diagnostics to stderr in the compiler-style format.
void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace trustlint::cli
