// lint_sources (lint.h): every role of an input (sources.h) linted on its own. Roles that trust
// no Vercel OIDC provider get no Vercel findings (those rules ask what Vercel deployments can
// do), but the rules for their own providers, keys and actions run on them (rules_plain.h).
#include <algorithm>

#include "lint/lint_loaded.h"
#include "trustlint/provider.h"
#include "trustlint/sources.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {
namespace {

// The IaC readers end each diagnostic with a note "in resource X (AWS::IAM::Role)" for callers
// that print diagnostics alone; a report names its resource itself.
void drop_resource_notes(LintReport& report) {
  if (report.resource.empty()) return;
  for (Finding& f : report.findings) {
    if (!f.notes.empty() && f.notes.back().starts_with("in ") && f.notes.back().find(report.resource) != std::string::npos) {
      f.notes.pop_back();
    }
  }
}

// A Federated principal an IaC input could not resolve (a placeholder, sources.h): who gets in
// then depends on a value known only at deployment.
bool unresolved_principal(const Document& document) {
  for (const auto& st : document.statements) {
    for (const auto& e : st.principal.entries) {
      if (e.kind == PrincipalKind::federated && e.value.text.find("UNRESOLVED-") != std::string::npos) return true;
    }
  }
  return false;
}

// Security findings at a value that holds a placeholder (a TL080 span inside the finding's) say
// only that the placeholder matches no real value, which TL080 already reports: dropped, and
// counted in a note.
void drop_placeholder_findings(LintReport& report) {
  std::vector<Span> placeholders;
  for (const auto& f : report.findings) {
    if (f.rule == "TL080" && f.span.known()) placeholders.push_back(f.span);
  }
  const auto about_placeholder = [&](const Finding& f) {
    if (!is_security_finding(f) || !f.span.known()) return false;
    return std::any_of(placeholders.begin(), placeholders.end(), [&](const Span& p) {
      return f.span.offset <= p.offset && p.end_offset <= f.span.end_offset;
    });
  };
  const auto before = report.findings.size();
  report.findings.erase(std::remove_if(report.findings.begin(), report.findings.end(), about_placeholder),
                        report.findings.end());
  if (const auto dropped = before - report.findings.size()) {
    report.notes.push_back(std::to_string(dropped) + (dropped == 1 ? " finding" : " findings") +
                           " about values known only at deployment not shown (see TL080)");
  }
}

}  // namespace

std::vector<LintReport> lint_sources(const std::string& path, const LintOptions& options, const LoadOptions& load) {
  std::vector<LintReport> reports;
  auto found = find_trust_policies(path, load);
  if (!found.has_value()) {
    reports.push_back(internal::lint_loaded(Result<Document>::failure(found.take_diagnostics()), path, options, {}));
    return reports;
  }
  const std::string file = path == "-" ? "<stdin>" : path;
  for (PolicySource& source : found.value()) {
    std::string skip;
    bool skip_all = false;
    if (source.policy.has_value() && !trusts_provider(source.policy.value(), vercel_profile())) {
      skip = "the role trusts no Vercel OIDC provider";
      skip_all = unresolved_principal(source.policy.value());
    } else if (source.policy.has_value() && unresolved_principal(source.policy.value())) {
      skip = "the role's Federated principal is known only at deployment (TL080)";
      skip_all = true;
    }
    LintReport report = internal::lint_loaded(source.policy, file, options, skip, skip_all);
    drop_placeholder_findings(report);
    report.resource = std::move(source.resource);
    report.form = std::move(source.form);
    report.assumptions = std::move(source.assumptions);
    drop_resource_notes(report);
    reports.push_back(std::move(report));
  }
  // Problems of the file outside every role (a duplicate key elsewhere in a template), and a file
  // that holds no role at all, get a report of their own so that nothing passes silently.
  if (!found.diagnostics().empty() || found.value().empty()) {
    LintReport rest = internal::lint_loaded(Result<Document>::failure(found.take_diagnostics()), file, options, {});
    rest.form = reports.empty() ? "" : reports.front().form;
    if (found.value().empty()) rest.notes.push_back("no IAM role in this file");
    reports.push_back(std::move(rest));
  }
  return reports;
}

}  // namespace trustlint
