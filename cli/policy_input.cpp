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

// The errors of a load or compile, at most `max` of them (0 = all), then the TL069 note that says
// how many more there were: what can/who print.
Diagnostics shown_errors(const Diagnostics& all, std::size_t max, const std::string& file) {
  Diagnostics shown;
  std::size_t hidden = 0;
  for (const auto& d : all) {
    if (d.severity != Severity::error) continue;
    if (max != 0 && shown.size() >= max) ++hidden;
    else shown.push_back(d);
  }
  if (hidden != 0) {
    Span where;
    where.file = file;
    shown.push_back(make_note("TL069",
                              std::to_string(hidden) + (hidden == 1 ? " more error" : " more errors") +
                                  " not shown (the limit is " + std::to_string(max) + ")",
                              where));
  }
  return shown;
}

}  // namespace

std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options) {
  // Every error is collected, so that one hidden by --max-errors still stops the answer when it
  // could change the policy's meaning; the limit applies to what is printed.
  LoadOptions all_errors = options;
  all_errors.limits.max_errors = 0;
  const std::size_t max_errors = options.limits.max_errors;
  const std::string name = path == "-" ? "<stdin>" : path;
  auto loaded = load_policy_file(path, all_errors);
  const bool usable = loaded.has_value() &&
                      std::all_of(loaded.diagnostics().begin(), loaded.diagnostics().end(), evaluable_despite);
  if (usable && !loaded.ok()) {
    print_diagnostics(shown_errors(loaded.diagnostics(), max_errors, name));
    std::cerr << "trustlint: answering anyway: the errors above do not change what the policy means, "
                 "but IAM may refuse to store it\n";
  } else if (!usable) {
    print_diagnostics(shown_errors(loaded.diagnostics(), max_errors, name));
    std::cerr << "trustlint: " << path << " is not a valid trust policy; fix the errors above (see: trustlint lint "
              << path << ")\n";
    return std::nullopt;
  }
  Document document = std::move(loaded).value();
  auto compiled = compile(document);
  if (!compiled.ok()) {
    print_diagnostics(shown_errors(compiled.diagnostics(), max_errors, name));
    return std::nullopt;
  }
  return PolicyInput{std::move(document), std::move(compiled).value()};
}

}  // namespace trustlint::cli
