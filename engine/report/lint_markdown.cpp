// `lint --format markdown`: a summary for a pull-request comment or $GITHUB_STEP_SUMMARY:
// counts, one table row per finding, and the who-can-assume matrix of each policy.
#include <sstream>

#include "report/markdown.h"
#include "report/printable.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

std::string cell(std::string_view text) { return internal::markdown_text(text); }
std::string code(std::string_view text) { return internal::markdown_code(text); }

const char* icon(const Finding& f) {
  if (f.suppressed) return "🔕 suppressed";
  return f.severity == Severity::error ? "❌ error" : f.severity == Severity::warning ? "⚠️ warning" : "ℹ️ note";
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

std::string render_lint_markdown(const std::vector<LintReport>& raw, const std::vector<LintWho>& who) {
  std::vector<LintReport> reports;
  for (const auto& r : raw) {
    reports.push_back(internal::printable(r));
    reports.back().file = internal::visible_text(r.file);
    for (auto& f : reports.back().findings) f.span.file = internal::visible_text(f.span.file);
  }
  std::ostringstream out;
  const LintSummary s = summarize(reports);
  out << "## trustlint\n\n"
      << plural(s.files, "policy", "policies") << " checked: **" << plural(s.errors, "error", "errors") << "**, "
      << plural(s.warnings, "warning", "warnings") << ", " << plural(s.notes, "note", "notes") << ", " << s.suppressed
      << " suppressed.\n\n";
  bool any = false;
  for (const auto& r : reports) any = any || !r.findings.empty();
  if (any) {
    out << "| severity | rule | location | message | example |\n|---|---|---|---|---|\n";
    for (const auto& r : reports) {
      for (const auto& f : r.findings) {
        const std::string& file = f.span.file.empty() ? r.file : f.span.file;
        std::string where = file + (f.span.known() ? ":" + std::to_string(f.span.line) : "");
        std::string rule = f.rule + (f.name.empty() ? "" : " " + f.name);
        std::string message = cell(f.message);
        if (!r.resource.empty()) message = cell(r.resource) + ": " + message;
        if (f.suppressed) message += "<br>suppressed: " + cell(f.suppression_reason);
        out << "| " << icon(f) << " | " << code(rule) << " | " << code(where) << " | " << message << " | "
            << (f.witness ? cell(f.witness->description) : std::string("—")) << " |\n";
      }
    }
    out << "\n";
  } else {
    out << "No findings.\n\n";
  }
  for (const auto& r : reports) {
    for (const auto& n : r.notes) out << "> " << cell(r.file) << ": " << cell(n) << "\n\n";
  }
  for (const auto& w : who) {
    out << render_who_markdown(w.set, WhoQuery{w.resource.empty() ? w.file : w.file + " (" + w.resource + ")", false})
        << "\n";
  }
  return out.str();
}

}  // namespace trustlint

namespace trustlint {

std::string render_lint_markdown(const std::vector<LintReport>& reports) {
  std::vector<LintWho> who;
  for (const auto& r : reports) {
    if (r.allowed) who.push_back({r.file, r.resource, *r.allowed});
  }
  return render_lint_markdown(reports, who);
}

}  // namespace trustlint
