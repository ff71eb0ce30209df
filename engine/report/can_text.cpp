// `can` as text: the verdict, the deciding statement, and for a denial the failed conditions.
#include <sstream>

#include "trustlint/report.h"

namespace trustlint {
namespace {

std::string where(const Span& s) {
  if (!s.known()) return "";
  return s.file + ":" + std::to_string(s.line) + ":" + std::to_string(s.col);
}

std::string statement_name(const StatementTrace& t) {
  std::string out = "statement " + t.label + " (" + (t.effect == Effect::allow ? "Allow" : "Deny");
  if (t.span.known()) out += ", line " + std::to_string(t.span.line);
  return out + ")";
}

std::string deployment(const CanQuery& q) {
  return q.facts.environment + " of project " + q.facts.project + " of team " + q.facts.team + " (issuer " +
         issuer_mode_name(q.facts.issuer) + ")";
}

void conditions(std::ostringstream& out, const StatementTrace& t, bool only_failed) {
  for (const auto& c : t.conditions) {
    if (only_failed && c.result) continue;
    out << "    " << (c.result ? "held:   " : "failed: ") << c.op << " " << c.key;
    if (c.span.known()) out << " (" << where(c.span) << ")";
    out << "\n      " << c.reason << "\n";
  }
}

}  // namespace

std::string render_can_text(const Decision& d, const CanQuery& q) {
  std::ostringstream out;
  for (const auto& a : q.assumptions) out << "note: assuming " << a << "\n";
  const StatementTrace* decider = nullptr;
  if (d.deciding_statement) {
    for (const auto& t : d.statements) {
      if (t.index == *d.deciding_statement) decider = &t;
    }
  }
  switch (d.outcome) {
    case Outcome::allow:
      out << "ALLOWED: " << deployment(q) << " can assume this role.\n";
      if (decider) {
        out << "  decided by " << statement_name(*decider) << ", whose conditions all hold:\n";
        conditions(out, *decider, false);
      }
      break;
    case Outcome::explicit_deny:
      out << "DENIED (explicit deny): " << deployment(q) << " cannot assume this role.\n";
      if (decider) {
        out << "  decided by " << statement_name(*decider) << ", which applies:\n";
        conditions(out, *decider, false);
      }
      break;
    case Outcome::implicit_deny:
      out << "DENIED (implicit deny): " << deployment(q) << " cannot assume this role.\n";
      out << "  no Allow statement applies:\n";
      for (const auto& t : d.statements) {
        if (t.effect != Effect::allow) continue;
        out << "  " << statement_name(t) << ": ";
        if (!t.principal_matched || !t.action_matched) {
          out << t.reason << "\n";
        } else {
          out << "conditions failed\n";
          conditions(out, t, true);
        }
      }
      break;
  }
  out << "  request: provider " << q.request.provider << ", action " << q.request.action << "\n";
  for (const auto& e : q.request.context) {
    out << "    " << e.key << " = ";
    for (std::size_t i = 0; i < e.values.size(); ++i) out << (i ? ", " : "") << e.values[i];
    out << "\n";
  }
  for (const auto& n : d.notes) out << "note: " << n << "\n";
  return out.str();
}

std::string render_diagnostics_text(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += format_diagnostic(d) + "\n";
    for (const auto& n : d.notes) out += "  note: " + n + "\n";
  }
  return out;
}

}  // namespace trustlint
