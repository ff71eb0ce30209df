// lint_sources (lint.h): every role of an input (sources.h) linted on its own. Roles that trust
// no Vercel OIDC provider get no Vercel findings (those rules ask what Vercel deployments can
// do), but the rules for their own providers, keys and actions run on them (rules_plain.h).
#include <algorithm>

#include "lint/ignore_comments.h"
#include "iac/iac_forms.h"
#include "lint/lint_loaded.h"
#include "source/source_file.h"
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

// A Federated principal known only at deployment (CDK's Custom::AWSCDKOpenIdConnectProvider, a
// provider in another stack) in statements whose condition keys are Vercel's claims
// (oidc.vercel.com[/TEAM]:sub or :aud): the provider is Vercel's, with the keys' issuer. Rewrites
// those principals to that provider's ARN, replaces the reader's "no token comes from it"
// assumption with this one, and returns the rewritten principals' spans; nothing when the keys
// name no Vercel issuer (the role then keeps "security rules not run").
std::vector<Span> assume_vercel_provider(Document& document, std::vector<std::string>& assumptions) {
  std::vector<Span> rewritten;
  for (Statement& st : document.statements) {
    std::string issuer, key;
    for (const Condition& c : st.conditions) {
      const auto colon = c.key_folded.rfind(':');
      if (colon == std::string::npos) continue;
      const std::string prefix = c.key_folded.substr(0, colon), claim = c.key_folded.substr(colon + 1);
      if ((claim == "sub" || claim == "aud") && (prefix == "oidc.vercel.com" || prefix.starts_with("oidc.vercel.com/"))) {
        issuer = prefix;
        key = c.key;
        break;
      }
    }
    if (issuer.empty()) continue;
    for (PrincipalEntry& e : st.principal.entries) {
      const auto at = e.value.text.find("UNRESOLVED-");
      if (e.kind != PrincipalKind::federated || at == std::string::npos) continue;
      const std::string placeholder = e.value.text.substr(at);
      const auto slash = e.value.text.find("oidc-provider/");
      const std::string arn = (slash == std::string::npos ? std::string("arn:aws:iam::000000000000:oidc-provider/")
                                                          : e.value.text.substr(0, slash + 14)) + issuer;
      std::erase_if(assumptions, [&](const std::string& a) { return a.starts_with("the Federated principal " + placeholder + " is read as"); });
      assumptions.push_back("the Federated principal " + placeholder + " (known only at deployment) is Vercel's OIDC provider " +
                            issuer + ", as the condition key " + key + " says: read as " + arn + " and the security rules run");
      e.value.text = arn;
      rewritten.push_back(e.value.span);
    }
  }
  return rewritten;
}

// Security findings at a value that holds a placeholder (a TL080 span inside the finding's) say
// only that the placeholder matches no real value, which TL080 already reports: dropped, and
// counted in a note. A principal assumed to be Vercel's provider (`assumed`) is no such value.
void drop_placeholder_findings(LintReport& report, const std::vector<Span>& assumed) {
  std::vector<Span> placeholders;
  for (const auto& f : report.findings) {
    const bool is_assumed = std::any_of(assumed.begin(), assumed.end(), [&](const Span& a) {
      return a.offset <= f.span.offset && f.span.end_offset <= a.end_offset;
    });
    if (f.rule == "TL080" && f.span.known() && !is_assumed) placeholders.push_back(f.span);
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

// `# trustlint:ignore` comments (any text but JSON, which has no comments) and a CloudFormation
// resource's Metadata.trustlint.ignore (ignore_comments.h).
void apply_suppressions_in_code(std::vector<LintReport>& reports, std::string_view text, const std::string& file,
                                const LintOptions& options) {
  Diagnostics problems;
  std::vector<internal::InlineSuppression> found;
  const auto first = text.find_first_not_of(" \t\r\n");
  const bool json = first != std::string::npos && (text[first] == '{' || text[first] == '[');
  if (!json && text.find("trustlint:ignore") != std::string::npos) {
    // HCL (.tf) comments open with #, // or /* (one line); YAML's with #.
    const bool hcl = !reports.empty() && reports.front().form == "terraform";
    found = internal::scan_ignore_comments(text, file, hcl ? std::vector<std::string_view>{"#", "//", "/*"} : std::vector<std::string_view>{"#"},
                                           problems);
  }
  if (!reports.empty() && reports.front().form == "cloudformation" && text.find("trustlint") != std::string::npos) {
    for (auto& s : internal::cloudformation_ignores(text, file, problems)) found.push_back(std::move(s));
  }
  if (found.empty() && problems.empty()) return;
  internal::apply_inline_suppressions(reports, found, problems,
                                      options.today.empty() ? internal::today_utc() : options.today);
}

}  // namespace

std::vector<LintReport> lint_sources(const std::string& path, const LintOptions& options, const LoadOptions& load) {
  // A file is mapped once: an account export is linted from the mapping, anything else from a
  // copy of its text (not read a second time). Stdin, an empty or special file, one that cannot
  // be opened or is over the limit are read, and the reader says what is wrong.
  if (std::optional<internal::SourceFile> mapped = internal::map_source_file(path, load.limits)) {
    if (auto streamed = internal::lint_account_export(*mapped, path, options, load)) return std::move(*streamed);
    auto text = std::make_shared<const std::string>(mapped->text());
    mapped.reset();
    return internal::lint_read(std::move(text), path, path, /*on_disk=*/true, options, load);
  }
  auto input = internal::read_source_file(path, load.limits);
  if (!input.has_value()) {
    std::vector<LintReport> reports;
    reports.push_back(internal::lint_loaded(Result<Document>::failure(input.take_diagnostics()), path, options, {}));
    return reports;
  }
  const std::string name = input.value().name();
  auto text = std::make_shared<const std::string>(input.value().text());
  input = Result<internal::SourceFile>::failure(Diagnostics{});  // one copy of the text, not two
  return internal::lint_read(std::move(text), path, name, path != "-", options, load);
}

namespace internal {

LintReport lint_role(PolicySource& source, const std::string& file, const LintOptions& options) {
  std::string skip;
  std::vector<Span> assumed;
  if (source.policy.has_value() && unresolved_principal(source.policy.value())) {
    assumed = assume_vercel_provider(source.policy.value(), source.assumptions);
  }
  bool skip_all = false;
  if (source.policy.has_value() && !trusts_provider(source.policy.value(), vercel_profile())) {
    skip = "the role trusts no Vercel OIDC provider";
    skip_all = unresolved_principal(source.policy.value());
  } else if (source.policy.has_value() && unresolved_principal(source.policy.value())) {
    skip = "the role's Federated principal is known only at deployment (TL080)";
    skip_all = true;
  }
  LintReport report = internal::lint_loaded(source.policy, file, options, skip, skip_all);
  drop_placeholder_findings(report, assumed);
  report.resource = std::move(source.resource);
  report.form = std::move(source.form);
  report.assumptions = std::move(source.assumptions);
  report.read_files = std::move(source.read_files);
  drop_resource_notes(report);
  return report;
}

std::vector<LintReport> lint_read(std::shared_ptr<const std::string> source, const std::string& path, const std::string& file,
                                  bool on_disk, const LintOptions& options, const LoadOptions& load) {
  auto found = find_trust_policies_text(*source, file, load, /*name_is_path=*/on_disk);
  return lint_found(std::move(found), std::move(source), path, file, options);
}

std::vector<LintReport> lint_parsed(std::shared_ptr<const std::string> source, const std::string& path, Result<Node> tree,
                                    const LintOptions& options, const LoadOptions& load) {
  auto found = find_trust_policies_in_tree(SourceFile(path, *source), std::move(tree), load);
  return lint_found(std::move(found), std::move(source), path, path, options);
}

std::vector<LintReport> lint_found(Result<std::vector<PolicySource>> found, std::shared_ptr<const std::string> source,
                                   const std::string& path, const std::string& file, const LintOptions& options) {
  std::vector<LintReport> reports;
  const std::string& text = *source;
  if (!found.has_value()) {
    reports.push_back(internal::lint_loaded(Result<Document>::failure(found.take_diagnostics()), path, options, {}));
    reports.back().role = false;
    reports.back().source = std::move(source);
    return reports;
  }
  for (PolicySource& source : found.value()) reports.push_back(lint_role(source, file, options));
  // Problems of the file outside every role (a duplicate key elsewhere in a template), and a file
  // that holds no role at all, get a report of their own so that nothing passes silently.
  if (!found.diagnostics().empty() || found.value().empty()) {
    LintReport rest = internal::lint_loaded(Result<Document>::failure(found.take_diagnostics()), file, options, {});
    rest.form = reports.empty() ? "" : reports.front().form;
    rest.role = false;
    if (found.value().empty()) rest.notes.push_back("no IAM role in this file");
    reports.push_back(std::move(rest));
  }
  apply_suppressions_in_code(reports, text, file, options);
  // A report carries the text it is named by: a Terraform role whose policy came from file() is
  // reported under that JSON file, which its renderers read on their own (the .tf text is not it).
  for (LintReport& report : reports) {
    if (report.file == file) report.source = source;
  }
  return reports;
}

}  // namespace internal
}  // namespace trustlint
