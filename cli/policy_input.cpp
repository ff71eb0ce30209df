// Loading a policy for can/who.
#include "cli/policy_input.h"

#include <iostream>

#include "trustlint/report.h"

namespace trustlint::cli {

void print_diagnostics(const Diagnostics& diagnostics) { std::cerr << render_diagnostics_text(diagnostics); }

std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options) {
  auto loaded = load_policy_file(path, options);
  if (!loaded.ok()) {
    Diagnostics errors;
    for (const auto& d : loaded.diagnostics()) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    print_diagnostics(errors);
    std::cerr << "trustlint: " << path << " is not a valid trust policy; fix the errors above (see: trustlint lint "
              << path << ")\n";
    return std::nullopt;
  }
  auto compiled = compile(loaded.value());
  if (!compiled.ok()) {
    print_diagnostics(compiled.diagnostics());
    return std::nullopt;
  }
  return PolicyInput{std::move(loaded).value(), std::move(compiled).value()};
}

}  // namespace trustlint::cli
