// Loading a policy for can/who: the input read with find_trust_policies (sources.h), one role
// chosen, its diagnostics shown, and the decision whether the answer can be trusted.
#include "cli/policy_input.h"

#include <algorithm>
#include <iostream>

#include "trustlint/report.h"
#include "trustlint/sources.h"
#include "trustlint/vercel_policy.h"

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

std::string list(const std::vector<const PolicySource*>& roles) {
  std::string out;
  for (const PolicySource* r : roles) out += (out.empty() ? "" : ", ") + r->resource;
  return out;
}

// Does `resource` name this role? Account details also answer to the role's name, the last
// segment of its ARN.
bool names(const PolicySource& role, const std::string& resource) {
  if (role.resource == resource) return true;
  if (role.form != "account-authorization-details" || resource.find('/') != std::string::npos) return false;
  const auto slash = role.resource.rfind('/');
  return slash != std::string::npos && role.resource.compare(slash + 1, std::string::npos, resource) == 0;
}

// The role to evaluate, or nullptr after printing why there is none.
const PolicySource* select_role(const std::vector<PolicySource>& sources, const std::string& path,
                                const std::string& resource, std::vector<std::string>& assumptions) {
  if (sources.size() == 1 && sources.front().form == "policy") {
    if (resource.empty()) return &sources.front();
    std::cerr << "trustlint: error: --resource " << visible_text(resource) << ": " << path
              << " is a trust policy, not a template, plan or account listing with roles\n";
    return nullptr;
  }
  std::vector<const PolicySource*> all, vercel;
  for (const auto& s : sources) {
    all.push_back(&s);
    if (s.policy.has_value() && trusts_provider(s.policy.value(), vercel_profile())) vercel.push_back(&s);
  }
  if (all.empty()) {
    std::cerr << "trustlint: error: " << visible_text(path) << " holds no IAM role\n";
    return nullptr;
  }
  if (!resource.empty()) {
    for (const PolicySource* r : all) {
      if (names(*r, resource)) return r;
    }
    std::cerr << "trustlint: error: " << visible_text(path) << " has no role \"" << visible_text(resource) << "\"; its roles: " << visible_text(list(all)) << "\n";
    return nullptr;
  }
  if (vercel.size() == 1) {
    assumptions.push_back("role " + vercel.front()->resource + ": the only role in " + path +
                          " that trusts Vercel (give --resource to choose another)");
    return vercel.front();
  }
  if (vercel.empty() && all.size() == 1) {
    assumptions.push_back("role " + all.front()->resource + ": the only role in " + path);
    return all.front();
  }
  const auto& candidates = vercel.empty() ? all : vercel;
  std::cerr << "trustlint: error: " << visible_text(path) << " holds " << candidates.size() << " roles"
            << (vercel.empty() ? "" : " that trust Vercel") << "; choose one with --resource: " << visible_text(list(candidates)) << "\n";
  return nullptr;
}

}  // namespace

std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options,
                                               const std::string& resource) {
  // Every error is collected, so that one hidden by --max-errors still stops the answer when it
  // could change the policy's meaning; the limit applies to what is printed.
  LoadOptions all_errors = options;
  all_errors.limits.max_errors = 0;
  const std::size_t max_errors = options.limits.max_errors;
  const std::string name = path == "-" ? "<stdin>" : path;
  auto found = find_trust_policies(path, all_errors);
  if (!found.has_value()) {
    print_diagnostics(shown_errors(found.diagnostics(), max_errors, name));
    std::cerr << "trustlint: " << visible_text(path) << " is not a valid trust policy; fix the errors above (see: trustlint lint "
              << visible_text(path) << ")\n";
    return std::nullopt;
  }
  // Problems outside every role (a duplicate key elsewhere in a template) do not touch the
  // role's meaning: shown, and the answer goes on.
  print_diagnostics(found.diagnostics());
  std::vector<std::string> assumptions;
  const PolicySource* role = select_role(found.value(), name, resource, assumptions);
  if (role == nullptr) return std::nullopt;
  const Result<Document>& loaded = role->policy;
  const bool usable = loaded.has_value() &&
                      std::all_of(loaded.diagnostics().begin(), loaded.diagnostics().end(), evaluable_despite);
  if (usable && !loaded.ok()) {
    print_diagnostics(shown_errors(loaded.diagnostics(), max_errors, name));
    std::cerr << "trustlint: answering anyway: the errors above do not change what the policy means, "
                 "but IAM may refuse to store it\n";
  } else if (!usable) {
    print_diagnostics(shown_errors(loaded.diagnostics(), max_errors, name));
    std::cerr << "trustlint: " << visible_text(path) << (role->resource.empty() ? "" : " (" + visible_text(role->resource) + ")")
              << " is not a valid trust policy; fix the errors above (see: trustlint lint " << visible_text(path) << ")\n";
    return std::nullopt;
  }
  Document document = loaded.value();
  auto compiled = compile(document);
  if (!compiled.ok()) {
    print_diagnostics(shown_errors(compiled.diagnostics(), max_errors, name));
    return std::nullopt;
  }
  for (const auto& a : role->assumptions) assumptions.push_back(a);
  return PolicyInput{std::move(document), std::move(compiled).value(), std::move(assumptions)};
}

}  // namespace trustlint::cli
