// The role of can and who, opened through the query layer, its diagnostics printed.
#include "cli/policy_input.h"

#include <iostream>

namespace trustlint::cli {

void print_diagnostics(const Diagnostics& diagnostics) { std::cerr << render_query_diagnostics(diagnostics); }

std::optional<Role> load_for_evaluation(const std::string& path, const LoadOptions& options, const std::string& resource) {
  auto role = open_role(Input::file(path), resource, options);
  print_diagnostics(role.diagnostics());
  if (!role.has_value()) return std::nullopt;
  return std::move(role).value();
}

}  // namespace trustlint::cli
