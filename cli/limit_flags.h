// The input-limit flags every verb that reads policies takes: --max-bytes, --max-depth,
// --max-nodes, --max-statements, --max-values, --max-string-length and --max-errors. Each sets
// one field of trustlint::Limits (options.h says what it guards and why its default is what it
// is); exceeding a limit is a located TL002/TL007/TL008/TL056/TL057/TL009 diagnostic and exit 2, and --max-errors caps the errors printed per file (then one TL069 note).
// Also the Terraform variable flags. Call add_limit_flags() while building a verb's CLI11 subcommand.
#pragma once

#include <CLI/CLI.hpp>

#include "trustlint/options.h"

namespace trustlint::cli {

// Registers the flags on `cmd`, writing into `limits` when they are parsed. `limits` starts
// from its defaults and must outlive the parse (keep it in the verb's options struct).
void add_limit_flags(CLI::App& cmd, Limits& limits);

// --tf-var NAME=VALUE and --tf-var-file FILE (Terraform source), kept until the verb runs.
struct TerraformVars {
  std::vector<std::string> values;
  std::vector<std::string> files;
  void apply(LoadOptions& load) const;
};
void add_terraform_flags(CLI::App& cmd, TerraformVars& vars);

}  // namespace trustlint::cli
