// `diff` as text: per role, the gained and lost parts in `who`'s form, each with its example
// and what the evaluator says about it on both sides.
#include <sstream>

#include "trustlint/policy_diff.h"
#include "trustlint/report.h"

namespace trustlint {

bool grants_new_access(const std::vector<RoleDiff>& roles) {
  for (const auto& r : roles) {
    if (!r.diff.gained.empty()) return true;
  }
  return false;
}

namespace {

std::string verdict(const std::optional<bool>& allows, const char* side) {
  if (!allows) return std::string(side) + " has no such role";
  return std::string(side) + (*allows ? " allows" : " denies");
}

void part_text(std::ostream& out, const DiffPart& p, std::size_t n, const std::string& indent, const char* other) {
  out << indent << n << ". team " << describe_globs(p.team) << " · project " << describe_globs(p.project)
      << " · environment " << describe_globs(p.environment) << " · issuer " << issuer_mode_name(p.issuer);
  if (p.audience) out << " · audience " << describe_globs(*p.audience);
  out << "\n";
  const std::string more = indent + "   ";
  if (!p.extra_conditions.empty()) {
    out << more << "only when:";
    for (const auto& e : p.extra_conditions) out << "\n" << more << "  - " << visible_text(e);
    out << "\n";
  }
  if (!p.other_side_conditions.empty()) {
    out << more << other << (p.conditions_only ? " lets all of these in, but only when:" : " lets some of these in, but only when:");
    for (const auto& e : p.other_side_conditions) out << "\n" << more << "  - " << visible_text(e);
    out << "\n";
  }
  if (p.conditions_only) {
    out << more << "the difference is only in conditions on other keys, compared as written\n";
  }
  out << more << "example: " << describe_facts(p.example) << ": " << verdict(p.old_allows, "OLD") << ", "
      << verdict(p.new_allows, "NEW");
  if (!p.extra_conditions.empty() || !p.other_side_conditions.empty()) out << " (without the extra keys)";
  out << "\n";
}

void section(std::ostream& out, const char* title, const std::vector<DiffPart>& parts, const std::string& indent,
             const char* other) {
  out << indent << title;
  if (parts.empty()) {
    out << " none\n";
    return;
  }
  out << "\n";
  std::size_t n = 0;
  for (const auto& p : parts) part_text(out, p, ++n, indent + "  ", other);
}

}  // namespace

std::string render_diff_text(const std::vector<RoleDiff>& roles, const DiffQuery& q) {
  std::ostringstream out;
  std::size_t gained = 0, lost = 0;
  for (const auto& r : roles) {
    gained += r.diff.gained.size();
    lost += r.diff.lost.size();
  }
  out << "Comparing " << visible_text(q.old_input) << " (OLD) with " << visible_text(q.new_input) << " (NEW), exact, "
      << (q.any_audience ? "any requested audience" : "default audience") << ":\n";
  for (const auto& r : roles) {
    std::string indent;
    out << "\n";
    if (!r.resource.empty()) {
      out << "role " << visible_text(r.resource);
      if (r.status == RoleDiff::Status::added) out << " (added in NEW)";
      else if (r.status == RoleDiff::Status::removed) out << " (removed in NEW)";
      out << ":\n";
      indent = "  ";
    }
    if (r.diff.same()) {
      out << indent << "no difference: both let in exactly the same deployments\n";
    } else {
      section(out, "gained (NEW lets in, OLD kept out):", r.diff.gained, indent, "OLD");
      section(out, "lost (OLD let in, NEW keeps out):", r.diff.lost, indent, "NEW");
    }
    for (const auto& n : r.diff.notes) out << indent << "note: " << visible_text(n) << "\n";
  }
  out << "\n" << gained << (gained == 1 ? " part" : " parts") << " gained, " << lost << " lost\n";
  return out.str();
}

}  // namespace trustlint
