// `who` as text: one line per part, its example, and the nearest denied deployments.
#include <sstream>

#include "condition/glob.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {

namespace {

// "a, b, (any case) C": the globs, then the texts matched in any ASCII case.
std::string describe_list(const std::vector<std::string>& globs, const std::vector<std::string>& any_case) {
  std::string out;
  for (const auto& g : globs) out += (out.empty() ? "" : ", ") + internal::visible_text(g);
  for (const auto& t : any_case) out += (out.empty() ? "" : ", ") + std::string(kAnyCasePrefix) + internal::visible_text(t);
  return out;
}

}  // namespace

std::string describe_globs(const GlobSet& g) {
  std::string out = describe_list(g.match, g.match_any_case);
  if (!g.except.empty() || !g.except_any_case.empty()) out += " except " + describe_list(g.except, g.except_any_case);
  return out;
}

std::string describe_facts(const DeploymentFacts& f) {
  using internal::visible_text;
  std::string out = visible_text(f.team) + "/" + visible_text(f.project) + "/" + visible_text(f.environment) +
                    " (issuer " + issuer_mode_name(f.issuer);
  if (f.audience) out += ", aud " + visible_text(*f.audience);
  return out + ")";
}

namespace {

bool in(const GlobSet& g, const std::string& v) { return g.contains(v); }

// "production, preview" when the set is exactly known names; else the globs with a gloss.
std::string describe_environments(const GlobSet& g) {
  bool wildcard = false;
  for (const auto& p : g.match) wildcard = wildcard || p.find_first_of("*?") != std::string::npos;
  if (!wildcard) return describe_globs(g);
  std::string gloss;
  for (const char* env : {"production", "preview", "development"}) {
    if (in(g, env)) gloss += std::string(gloss.empty() ? "" : ", ") + env;
  }
  gloss += std::string(gloss.empty() ? "" : ", ") + "custom environments matching it";
  return describe_globs(g) + " (" + gloss + ")";
}

}  // namespace

std::string render_who_text(const AllowedSet& set, const WhoQuery& q) {
  std::ostringstream out;
  if (set.empty()) {
    // "NOBODY" only when the role trusts nothing else: a GitHub Actions role is not unassumable.
    out << (set.other_principals.empty() ? "NOBODY can assume this role" : "No Vercel deployment can assume this role")
        << (q.any_audience ? " (any audience)" : "") << ".\n";
    for (const auto& r : set.nobody_reasons) out << "  " << internal::visible_text(r) << "\n";
  } else {
    out << "These deployments can assume this role (exact" << (q.any_audience ? ", any requested audience" : ", default audience")
        << "):\n";
    std::size_t n = 0;
    for (const auto& p : set.parts) {
      out << "\n  " << ++n << ". team " << describe_globs(p.team) << " · project " << describe_globs(p.project)
          << " · environment " << describe_environments(p.environment) << " · issuer " << issuer_mode_name(p.issuer);
      if (p.audience) out << " · audience " << describe_globs(*p.audience);
      out << "\n";
      if (!p.extra_conditions.empty()) {
        out << "     only when:";
        for (const auto& e : p.extra_conditions) out << "\n       - " << internal::visible_text(e);
        out << "\n";
      }
      out << "     example:        " << describe_facts(p.example) << "\n";
      if (!p.nearest_denied.empty()) {
        out << "     nearest denied:";
        for (std::size_t i = 0; i < p.nearest_denied.size(); ++i) {
          out << (i ? "\n                     " : " ") << describe_facts(p.nearest_denied[i]);
        }
        out << "\n";
      }
    }
  }
  if (!set.other_principals.empty()) {
    out << "note: who describes Vercel deployments only; the role's Allow statements also name (lint checks them):\n";
    for (const auto& p : set.other_principals) out << "  " << internal::visible_text(p) << "\n";
  }
  for (const auto& note : set.notes) out << "note: " << internal::visible_text(note) << "\n";
  return out.str();
}

}  // namespace trustlint
