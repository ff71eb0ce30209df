// Grammar and input diagnostics (TL0xx) as findings: same report, same configuration, their own
// ids. The JSON pointer is recovered from the model by the diagnostic's position.
#include <algorithm>

#include "lint/lint_context.h"
#include "trustlint/lint.h"

namespace trustlint {
namespace {

bool inside(const Span& outer, const Span& inner) {
  return outer.known() && inner.known() && outer.file == inner.file && outer.offset <= inner.offset &&
         inner.offset < std::max(outer.end_offset, outer.offset + 1);
}

std::string pointer_at(const Document& doc, const Span& where) {
  using namespace internal;
  for (const auto& st : doc.statements) {
    if (!inside(st.span, where)) continue;
    for (const auto& c : st.conditions) {
      for (std::size_t k = 0; k < c.values.size(); ++k) {
        if (inside(c.values[k].span, where)) return value_pointer(doc, st, c, k);
      }
      if (inside(c.key_span, where) || inside(c.values_span, where)) return condition_pointer(doc, st, c);
      if (inside(c.op_span, where)) return statement_pointer(doc, st) + "/Condition/" + c.op_text;
    }
    if (inside(st.condition_span, where)) return statement_pointer(doc, st) + "/Condition";
    for (const auto& e : st.principal.entries) {
      if (inside(e.value.span, where)) return principal_pointer(doc, st, &e);
    }
    if (inside(st.principal.span, where)) return principal_pointer(doc, st, nullptr);
    if (inside(st.action.span, where)) return statement_pointer(doc, st) + (st.action.negated ? "/NotAction" : "/Action");
    if (inside(st.effect_span, where)) return statement_pointer(doc, st) + "/Effect";
    if (st.sid && inside(st.sid->span, where)) return statement_pointer(doc, st) + "/Sid";
    if (inside(st.resource_span, where)) return statement_pointer(doc, st) + "/Resource";
    return statement_pointer(doc, st);
  }
  if (doc.version && inside(doc.version->span, where)) return "/Version";
  if (doc.id && inside(doc.id->span, where)) return "/Id";
  return "";
}

}  // namespace

bool meaning_preserved_despite(const Diagnostic& d) {
  static const char* const kCodes[] = {"TL037", "TL042", "TL044", "TL047", "TL048",
                                       "TL051", "TL053", "TL058", "TL059"};
  if (d.severity != Severity::error) return true;
  return std::any_of(std::begin(kCodes), std::end(kCodes), [&](const char* c) { return d.code == c; });
}

Finding finding_from_diagnostic(const Diagnostic& d, const Document* document) {
  Finding f;
  f.rule = d.code;
  f.severity = d.severity;
  f.message = d.message;
  f.span = d.span;
  f.notes = d.notes;
  if (const RuleInfo* info = find_rule(d.code)) f.fix = info->fix;
  if (document != nullptr) f.pointer = pointer_at(*document, d.span);
  return f;
}

bool is_security_finding(const Finding& f) {
  return f.rule.size() == 5 && f.rule.compare(0, 2, "TL") == 0 && f.rule[2] >= '1' && f.rule[2] <= '4';
}

}  // namespace trustlint
