// `diff` as Markdown: one table row per gained or lost part, for a pull-request comment or
// $GITHUB_STEP_SUMMARY.
#include <sstream>

#include "report/markdown.h"
#include "trustlint/policy_diff.h"
#include "trustlint/report.h"

namespace trustlint {

std::string render_diff_markdown(const std::vector<RoleDiff>& roles, const DiffQuery& q) {
  using internal::markdown_code;
  using internal::markdown_text;
  std::ostringstream out;
  std::size_t gained = 0, lost = 0;
  for (const auto& r : roles) {
    gained += r.diff.gained.size();
    lost += r.diff.lost.size();
  }
  out << "### trustlint diff: " << markdown_code(q.old_input) << " → " << markdown_code(q.new_input) << "\n\n";
  if (gained == 0 && lost == 0) {
    out << "No difference: both let in exactly the same deployments (exact, "
        << (q.any_audience ? "any requested audience" : "default audience") << ").\n";
  } else {
    out << "**" << gained << " gained, " << lost << " lost** (exact, "
        << (q.any_audience ? "any requested audience" : "default audience") << ")\n\n";
    out << "| | role | issuer | team | project | environment |" << (q.any_audience ? " audience |" : "")
        << " only when | example |\n";
    out << "|---|---|---|---|---|---|" << (q.any_audience ? "---|" : "") << "---|---|\n";
    for (const auto& r : roles) {
      std::string role = r.resource.empty() ? "—" : markdown_code(r.resource);
      if (r.status == RoleDiff::Status::added) role += " (added)";
      if (r.status == RoleDiff::Status::removed) role += " (removed)";
      for (const auto* list : {&r.diff.gained, &r.diff.lost}) {
        const bool is_gained = list == &r.diff.gained;
        for (const auto& p : *list) {
          std::string when;
          for (const auto& e : p.extra_conditions) when += (when.empty() ? "" : "; ") + e;
          if (p.conditions_only) when += std::string(when.empty() ? "" : "; ") + "(differs only in conditions on other keys)";
          out << "| " << (is_gained ? "➕ gained" : "➖ lost") << " | " << role << " | " << issuer_mode_name(p.issuer)
              << " | " << markdown_code(describe_globs(p.team)) << " | " << markdown_code(describe_globs(p.project))
              << " | " << markdown_code(describe_globs(p.environment)) << " |";
          if (q.any_audience) out << " " << (p.audience ? markdown_code(describe_globs(*p.audience)) : "—") << " |";
          out << " " << (when.empty() ? "—" : markdown_text(when)) << " | " << markdown_text(describe_facts(p.example))
              << " |\n";
        }
      }
    }
  }
  bool first = true;
  for (const auto& r : roles) {
    for (const auto& n : r.diff.notes) {
      out << (first ? "\n" : "") << "> note: " << markdown_text(n) << "\n";
      first = false;
    }
  }
  return out.str();
}

}  // namespace trustlint
