// `who` as a Markdown matrix for a pull-request comment.
#include <sstream>

#include "condition/glob.h"
#include "report/markdown.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

bool in(const GlobSet& g, const std::string& v) { return g.contains(v); }

// Does the set hold some value other than the known environments? Then "custom" gets a tick.
bool has_custom(const GlobSet& g) {
  for (const auto& p : g.match) {
    if (p != "production" && p != "preview" && p != "development") return true;
  }
  return !g.match_any_case.empty();
}

std::string code(const std::string& s) { return internal::markdown_code(s); }

}  // namespace

std::string render_who_markdown(const AllowedSet& set, const WhoQuery& q) {
  std::ostringstream out;
  out << "### Who can assume " << code(q.policy_file) << "\n\n";
  if (set.empty()) {
    out << (set.other_principals.empty() ? "**Nobody** can assume this role.\n\n"
                                         : "**No Vercel deployment** can assume this role.\n\n");
    for (const auto& r : set.nobody_reasons) out << "- " << internal::markdown_text(r) << "\n";
  } else {
    out << "| issuer | team | project | production | preview | development | custom | only when |\n";
    out << "|---|---|---|:---:|:---:|:---:|:---:|---|\n";
    for (const auto& p : set.parts) {
      out << "| " << issuer_mode_name(p.issuer) << " | " << code(describe_globs(p.team)) << " | "
          << code(describe_globs(p.project));
      for (const char* env : {"production", "preview", "development"}) out << " | " << (in(p.environment, env) ? "✅" : "❌");
      out << " | " << (has_custom(p.environment) ? "✅ " + code(describe_globs(p.environment)) : std::string("❌"));
      std::string extras;
      for (const auto& e : p.extra_conditions) extras += (extras.empty() ? "" : "; ") + e;
      out << " | " << (extras.empty() ? "—" : code(extras)) << " |\n";
    }
    out << "\nEvery deployment not in a row above is denied. Exact: computed by automata over Vercel's name alphabets"
        << (q.any_audience ? ", for any requested audience" : ", for the default audience") << ".\n";
  }
  if (!set.other_principals.empty()) {
    out << "\n> note: who describes Vercel deployments only; the role's Allow statements also name (lint checks them):\n";
    for (const auto& p : set.other_principals) out << ">\n> - " << internal::markdown_text(p) << "\n";
  }
  for (const auto& note : set.notes) out << "\n> note: " << internal::markdown_text(note) << "\n";
  return out.str();
}

}  // namespace trustlint
