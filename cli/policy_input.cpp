// Loading a policy for can/who.
#include "cli/policy_input.h"

#include <algorithm>
#include <iostream>

#include "trustlint/report.h"

namespace trustlint::cli {

void print_diagnostics(const Diagnostics& diagnostics) { std::cerr << render_diagnostics_text(diagnostics); }

namespace {

// Errors after which the policy still means one thing, and IAM may even store it (semantics.md
// §1.12 marks most of these unverified): can/who answer anyway and say so. Anything else (a
// parse error, an unknown key or operator, a wrong type) could change the meaning, so it stops.
bool evaluable_despite(const Diagnostic& d) {
  static const char* const kCodes[] = {"TL037", "TL042", "TL044", "TL047", "TL048",
                                       "TL051", "TL053", "TL058", "TL059"};
  for (const char* c : kCodes) {
    if (d.code == c) return true;
  }
  return d.severity != Severity::error;
}

}  // namespace

std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options) {
  auto loaded = load_policy_file(path, options);
  const bool usable = loaded.has_value() &&
                      std::all_of(loaded.diagnostics().begin(), loaded.diagnostics().end(), evaluable_despite);
  if (usable && !loaded.ok()) {
    Diagnostics errors;
    for (const auto& d : loaded.diagnostics()) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    print_diagnostics(errors);
    std::cerr << "trustlint: answering anyway: the errors above do not change what the policy means, "
                 "but IAM may refuse to store it\n";
  } else if (!usable) {
    Diagnostics errors;
    for (const auto& d : loaded.diagnostics()) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    print_diagnostics(errors);
    std::cerr << "trustlint: " << path << " is not a valid trust policy; fix the errors above (see: trustlint lint "
              << path << ")\n";
    return std::nullopt;
  }
  Document document = std::move(loaded).value();
  auto compiled = compile(document);
  if (!compiled.ok()) {
    print_diagnostics(compiled.diagnostics());
    return std::nullopt;
  }
  return PolicyInput{std::move(document), std::move(compiled).value()};
}

}  // namespace trustlint::cli
