// `can` as text: the verdict, the deciding statement, and for a denial the failed conditions.
#include <sstream>

#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

// Every value printed here may come from the policy or the command line.
std::string v(std::string_view text) { return internal::visible_text(text); }

std::string where(const Span& s) {
  if (!s.known()) return "";
  return v(s.file) + ":" + std::to_string(s.line) + ":" + std::to_string(s.col);
}

std::string statement_name(const StatementTrace& t) {
  std::string out = "statement " + v(t.label) + " (" + (t.effect == Effect::allow ? "Allow" : "Deny");
  if (t.span.known()) out += ", line " + std::to_string(t.span.line);
  return out + ")";
}

std::string deployment(const CanQuery& q) {
  return v(q.facts.environment) + " of project " + v(q.facts.project) + " of team " + v(q.facts.team) + " (issuer " +
         issuer_mode_name(q.facts.issuer) + ")";
}

void conditions(std::ostringstream& out, const StatementTrace& t, bool only_failed) {
  for (const auto& c : t.conditions) {
    if (only_failed && c.result) continue;
    out << "    " << (c.result ? "held:   " : "failed: ") << v(c.op) << " " << v(c.key);
    if (c.span.known()) out << " (" << where(c.span) << ")";
    out << "\n      " << v(c.reason) << "\n";
  }
}

}  // namespace

std::string render_can_text(const Decision& d, const CanQuery& q) {
  std::ostringstream out;
  for (const auto& a : q.assumptions) out << "note: assuming " << v(a) << "\n";
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
          out << v(t.reason) << "\n";
        } else {
          out << "conditions failed\n";
          conditions(out, t, true);
        }
      }
      break;
  }
  out << "  request: provider " << v(q.request.provider) << ", action " << v(q.request.action) << "\n";
  for (const auto& e : q.request.context) {
    out << "    " << v(e.key) << " = ";
    for (std::size_t i = 0; i < e.values.size(); ++i) out << (i ? ", " : "") << v(e.values[i]);
    out << "\n";
  }
  for (const auto& n : d.notes) out << "note: " << v(n) << "\n";
  return out.str();
}

std::string render_diagnostics_text(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += format_diagnostic(d) + "\n";
    for (const auto& n : d.notes) out += "  note: " + v(n) + "\n";
  }
  return out;
}

}  // namespace trustlint
