// lint() and lint_file(): run the rule families on one policy, then apply the options (rules
// turned off, severities, suppressions with reasons) and order the findings by position.
#include <algorithm>
#include <tuple>

#include "lint/lint_loaded.h"
#include "lint/registry.h"
#include "lint/rules.h"
#include "lint/rules_plain.h"

namespace trustlint {
namespace internal {

void add_finding(LintContext& ctx, Finding f) {
  auto& all = ctx.findings();
  const bool seen = std::any_of(all.begin(), all.end(), [&](const Finding& g) {
    return g.rule == f.rule && g.span.offset == f.span.offset && g.span.line == f.span.line &&
           g.span.col == f.span.col;
  });
  if (!seen) all.push_back(std::move(f));
}

Location fallback_location(const LintContext& ctx) {
  const Document& doc = ctx.document();
  // The first Allow that admits Vercel, else (a role of another provider) the first Allow.
  for (const bool vercel_only : {true, false}) {
    for (const auto& st : doc.statements) {
      if (st.effect == Effect::allow && (!vercel_only || ctx.admits_vercel(st))) {
        return Location{st.principal.span.known() ? st.principal.span : st.span, principal_pointer(doc, st, nullptr), &st};
      }
    }
  }
  return Location{doc.span, "", nullptr};
}

namespace {

bool pointer_covers(const std::string& outer, const std::string& inner) {
  if (outer.empty()) return true;
  return inner == outer || (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 &&
                            inner[outer.size()] == '/');
}

// The codes of an input that could not be read or parsed: TL001–TL009, and Terraform source's
// syntax error (TL078) and unreadable file()/--tf-var input (TL088).
bool input_code(const std::string& code) {
  return (code.size() == 5 && code.compare(0, 4, "TL00") == 0) || code == "TL078" || code == "TL088";
}

bool input_failure(const Diagnostic& d) { return d.severity == Severity::error && input_code(d.code); }

}  // namespace

// Options → findings: drops rules turned off, applies severities and suppressions, sorts.
void finalize(std::vector<Finding>& findings, const LintOptions& options) {
  std::vector<Finding> kept;
  for (auto& f : findings) {
    const bool input = input_code(f.rule);
    const RuleDecision d = rule_decision(options, f.rule, f.severity);
    if (!input) {
      if (!d.enabled) continue;
      if (d.overridden) f.severity = d.severity;
    }
    for (const auto& s : options.suppressions) {
      if (s.rule == f.rule && pointer_covers(s.pointer, f.pointer)) {
        f.suppressed = true;
        f.suppression_reason = s.reason;
        break;
      }
    }
    kept.push_back(std::move(f));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.span.line, a.span.col, a.rule) < std::tie(b.span.line, b.span.col, b.rule);
  });
  findings = std::move(kept);
}

}  // namespace internal

Result<LintReport> lint(const Document& document, const CompiledPolicy& policy, const LintOptions& options) {
  LintReport report;
  report.file = document.file;
  internal::LintContext ctx(policy, options, vercel_profile());
  Diagnostics problems;
  if (!ctx.prove_policy(problems)) return Result<LintReport>::failure(std::move(problems));
  internal::check_access(ctx);
  internal::check_values(ctx);
  internal::check_keys(ctx);
  internal::check_no_effect(ctx);
  internal::check_audience(ctx);
  internal::check_oidc(ctx);
  internal::check_plain(document, policy, ctx.findings());
  internal::complete_absent_key_examples(ctx);
  internal::check_expectations(ctx);
  if (auto stopped = ctx.incomplete()) {
    // Not a note: a finding that needed the proof that stopped may be missing, so the run is not
    // a pass (error level, located where the work ran out).
    stopped->message += ": findings that needed the rest of the work are not shown";
    ctx.findings().push_back(finding_from_diagnostic(*stopped, &document));
  }
  report.findings = std::move(ctx.findings());
  report.allowed = std::make_shared<const AllowedSet>(ctx.take_allowed());
  internal::finalize(report.findings, options);
  return report;
}

namespace internal {

// TL502 on a role the other security rules skip: the allowed set proved as for any role, then
// the expectations; a proof that ran out of budget is reported as lint() reports it.
void check_expectations_alone(const Document& document, const CompiledPolicy& policy, const LintOptions& options,
                              LintReport& report) {
  if (options.expectations.empty()) return;
  LintContext ctx(policy, options, vercel_profile());
  Diagnostics problems;
  if (!ctx.prove_policy(problems)) {
    for (const auto& d : problems) report.findings.push_back(finding_from_diagnostic(d, &document));
    report.notes.push_back("the expectations of the configuration (TL502) were not checked: the prover gave up");
    return;
  }
  check_expectations(ctx);
  if (auto stopped = ctx.incomplete()) {
    stopped->message += ": findings that needed the rest of the work are not shown";
    ctx.findings().push_back(finding_from_diagnostic(*stopped, &document));
  }
  for (auto& f : ctx.findings()) report.findings.push_back(std::move(f));
  if (!report.allowed) report.allowed = std::make_shared<const AllowedSet>(ctx.take_allowed());
}

LintReport lint_loaded(const Result<Document>& loaded, const std::string& path, const LintOptions& options,
                       std::string_view skip_security, bool skip_all) {
  LintReport report;
  report.file = path;
  const Document* doc = loaded.has_value() ? &loaded.value() : nullptr;
  bool meaning_intact = doc != nullptr;
  for (const auto& d : loaded.diagnostics()) {
    if (input_failure(d)) report.input_failed = true;
    if (!meaning_preserved_despite(d)) meaning_intact = false;
    report.findings.push_back(finding_from_diagnostic(d, doc));
  }
  if (doc != nullptr && !doc->file.empty()) report.file = doc->file;
  if (!meaning_intact) {
    if (doc != nullptr) report.notes.push_back("security rules not run: the errors above may change what the policy means");
    finalize(report.findings, options);
    return report;
  }
  auto compiled = compile(*doc);
  for (const auto& d : compiled.diagnostics()) report.findings.push_back(finding_from_diagnostic(d, doc));
  if (!compiled.ok()) {
    report.notes.push_back("security rules not run: a condition value cannot be evaluated");
    finalize(report.findings, options);
    return report;
  }
  if (!skip_security.empty() && options.prove_every_role) {
    WhoOptions who;
    who.limits = options.limits;
    if (auto set = allowed_set(compiled.value(), vercel_profile(), who); set.ok()) {
      report.allowed = std::make_shared<const AllowedSet>(std::move(set).value());
    }
  }
  if (!skip_security.empty() && skip_all) {
    report.notes.push_back("security rules not run: " + std::string(skip_security));
    if (!options.expectations.empty()) {
      report.notes.push_back("the expectations of the configuration (TL502) were not checked: " + std::string(skip_security));
    }
    finalize(report.findings, options);
    return report;
  }
  if (!skip_security.empty()) {
    // The Vercel rules need the prover; the rules for other providers, keys and actions do not.
    std::vector<Finding> plain;
    check_plain(*doc, compiled.value(), plain);
    for (auto& f : plain) report.findings.push_back(std::move(f));
    // An expectation holds for every role of the file whatever its provider: on a role no Vercel
    // deployment can assume, an `allow` is broken and `deny`/`only` hold (TL502).
    check_expectations_alone(*doc, compiled.value(), options, report);
    report.notes.push_back(trusts_other_federation(*doc)
                               ? "checked with the rules for its federated providers (TL106, TL107, TL4xx) and for its condition "
                                     "keys and actions (TL060-TL065, TL209, TL301); the Vercel rules do not apply: " +
                                     std::string(skip_security)
                               : "security rules not run: " + std::string(skip_security));
    finalize(report.findings, options);
    return report;
  }
  auto result = lint(*doc, compiled.value(), options);
  if (!result.has_value()) {
    for (const auto& d : result.diagnostics()) report.findings.push_back(finding_from_diagnostic(d, doc));
    report.notes.push_back("security rules not run: the prover gave up");
  } else {
    for (auto& f : result.value().findings) report.findings.push_back(std::move(f));
    for (auto& n : result.value().notes) report.notes.push_back(std::move(n));
    report.allowed = std::move(result.value().allowed);
  }
  finalize(report.findings, options);
  return report;
}

}  // namespace internal

LintReport lint_file(const std::string& path, const LintOptions& options, const LoadOptions& load) {
  return internal::lint_loaded(load_policy_file(path, load), path, options, {});
}

}  // namespace trustlint
