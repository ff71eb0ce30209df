// add_limit_flags(): the input-limit flags with their defaults in the help text.
#include "cli/limit_flags.h"

#include <charconv>
#include <limits>
#include <string>

namespace trustlint::cli {

namespace {

// A whole number that fits a size_t, at least `minimum` (a limit of 0 bytes, levels or nodes
// would refuse every input). CLI11's own range checks print doubles; these say what is wanted.
CLI::Validator whole_number(std::size_t minimum) {
  return CLI::Validator(
      [minimum](std::string& value) -> std::string {
        std::size_t n = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (value.empty() || ec != std::errc() || ptr != end || n < minimum) {
          return "must be a whole number from " + std::to_string(minimum) + " to " +
                 std::to_string(std::numeric_limits<std::size_t>::max()) + ", not \"" + value + "\"";
        }
        return {};
      },
      minimum == 0 ? "N>=0" : "N>=1");
}

std::string with_default(const char* what, std::size_t value) { return std::string(what) + " (default " + std::to_string(value) + ")"; }

}  // namespace

void add_limit_flags(CLI::App& cmd, Limits& limits) {
  const Limits defaults;
  cmd.add_option("--max-bytes", limits.max_bytes,
                 with_default("Largest input read, in bytes; larger is TL002", defaults.max_bytes))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-depth", limits.max_depth,
                 with_default("Deepest nesting of arrays and objects; deeper is TL007", defaults.max_depth))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-nodes", limits.max_nodes,
                 with_default("Most values in one input, YAML alias expansions included; more is TL008",
                              defaults.max_nodes))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-statements", limits.max_statements,
                 with_default("Most statements in one policy; more is TL056", defaults.max_statements))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-values", limits.max_values,
                 with_default("Most values under one condition key; more is TL057", defaults.max_values))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-string-length", limits.max_string_length,
                 with_default("Longest string value (a pattern, say), in characters; longer is TL009",
                              defaults.max_string_length))
      ->check(whole_number(1))
      ->group("Limits");
  cmd.add_option("--max-errors", limits.max_errors,
                 with_default("Errors printed per input before a TL069 summary; 0 = all", defaults.max_errors))
      ->check(whole_number(0))
      ->group("Limits");
}

void add_terraform_flags(CLI::App& cmd, TerraformVars& vars) {
  cmd.add_option("--tf-var", vars.values, "Terraform source: a variable's value, NAME=VALUE, as terraform -var (repeatable)")
      ->group("Terraform");
  cmd.add_option("--tf-var-file", vars.files, "Terraform source: a .tfvars file of variable values, as terraform -var-file (repeatable)")
      ->group("Terraform");
}

void TerraformVars::apply(LoadOptions& load) const {
  load.tf_vars = values;
  load.tf_var_files = files;
}

}  // namespace trustlint::cli
