// TL064: an sts: action that is not one of STS's actions (a typo such as
// sts:AssumeRoleWithWebIdentiy, or a pattern that matches none), or an STS action name behind a
// misspelt service (stss:AssumeRoleWithWebIdentity), with the nearest valid name.
// Read against rules/condition_keys.yaml; other services' actions are not catalogued.
#include "condition/key_catalogue.h"
#include "eval/principal_match.h"
#include "lint/lint_context.h"
#include "lint/rules_plain.h"
#include "policy/spelling.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

bool matches_some_action(const Located& pattern) {
  ActionBlock one;
  one.present = true;
  one.actions = {pattern};
  for (const auto& a : key_catalogue().actions) {
    if (match_action(one, "sts:" + a)) return true;
  }
  return false;
}

// "stss:AssumeRole": an STS action name behind a service prefix close to "sts".
std::optional<std::string> misspelt_service(const std::string& action) {
  const auto colon = action.find(':');
  if (colon == std::string::npos || fold_key(action.substr(0, colon)) == "sts") return std::nullopt;
  if (edit_distance(action.substr(0, colon), "sts", 3) > 2) return std::nullopt;
  const std::string name = fold_key(action.substr(colon + 1));
  for (const auto& a : key_catalogue().actions) {
    if (fold_key(a) == name) return "sts:" + a;
  }
  return std::nullopt;
}

void check_service(PlainContext& ctx, const Statement& st, const Located& a) {
  const auto meant = misspelt_service(a.text);
  if (!meant) return;
  Finding f = ctx.make("TL064",
                       a.text + " names no service (did you mean " + *meant + "?): " +
                           (st.action.negated ? "this NotAction excludes nothing through it"
                                              : std::string("it names no action, so this ") +
                                                    (st.effect == Effect::deny ? "Deny refuses" : "Allow grants") +
                                                    " nothing through it"),
                       a.span, statement_pointer(ctx.document, st) + (st.action.negated ? "/NotAction" : "/Action"));
  f.notes.push_back("Access Analyzer: invalid service in action");
  ctx.add(std::move(f));
}

}  // namespace

void check_sts_actions(PlainContext& ctx) {
  for (const auto& st : ctx.document.statements) {
    for (const auto& a : st.action.actions) {
      check_service(ctx, st, a);
      if (fold_key(a.text).rfind("sts:", 0) != 0 || a.text.size() <= 4) continue;
      const bool pattern = a.text.find_first_of("*?") != std::string::npos;
      if (pattern ? matches_some_action(a) : known_sts_action(a.text)) continue;
      std::string message = a.text + (pattern ? " matches no STS action" : " is not an STS action");
      if (!pattern) {
        if (auto near = nearest_sts_action(a.text)) message += " (did you mean " + *near + "?)";
      }
      message += st.action.negated ? ": this NotAction excludes nothing through it"
                                   : std::string(": it names no action, so this ") +
                                         (st.effect == Effect::deny ? "Deny refuses" : "Allow grants") + " nothing through it";
      Finding f = ctx.make("TL064", std::move(message), a.span,
                           statement_pointer(ctx.document, st) + (st.action.negated ? "/NotAction" : "/Action"));
      f.notes.push_back("checked against STS's actions (rules/condition_keys.yaml); Access Analyzer: invalid action");
      ctx.add(std::move(f));
    }
  }
}

}  // namespace trustlint::internal
