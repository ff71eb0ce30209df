// TL205: the policy allows nobody, or a statement changes nothing. Decided by comparing allowed
// sets exactly: the policy's, and the policy's without the statement (only when there are at
// least two statements that concern Vercel tokens). What the statement does on its own (alone,
// or a Deny read as an Allow) then says why: it allows nobody, another statement covers it, or
// (a Deny) it never applies to a Vercel token. A Deny that only refuses what no Allow admits
// anyway is defence in depth and is not reported.
#include <algorithm>

#include "lint/deployment_sets.h"
#include "lint/rules.h"

namespace trustlint::internal {
namespace {

Document without(const Document& doc, std::size_t index) {
  Document d = doc;
  d.statements.erase(d.statements.begin() + static_cast<std::ptrdiff_t>(index));
  return d;
}

Document only(const Document& doc, const std::vector<std::size_t>& indexes, bool deny_as_allow = false) {
  Document d = doc;
  d.statements.clear();
  for (std::size_t i : indexes) {
    d.statements.push_back(doc.statements[i]);
    if (deny_as_allow) d.statements.back().effect = Effect::allow;
  }
  return d;
}

bool severity_configured(const LintContext& ctx) {
  const auto it = ctx.options().rules.find("TL205");
  return it != ctx.options().rules.end() && it->second.severity.has_value();
}

void add_reasons(Finding& f, const AllowedSet& set) {
  for (const auto& r : set.nobody_reasons) f.notes.push_back(r);
}

void check_policy_nobody(LintContext& ctx, const std::vector<const Statement*>& vercel) {
  const Document& doc = ctx.document();
  const Statement* first = vercel.front();
  Finding f = ctx.make("TL205", "nobody can assume this role: no Vercel deployment is allowed by this policy",
                       vercel.size() == 1 ? first->span : doc.span,
                       vercel.size() == 1 ? statement_pointer(doc, *first) : std::string());
  if (!severity_configured(ctx)) f.severity = Severity::error;
  add_reasons(f, ctx.allowed());
  if (const AllowedSet* any = ctx.allowed_any_audience(); any != nullptr) {
    for (const auto& p : any->parts) {
      // Printed only once the evaluator has allowed it (README "lint": every witness is replayed through the evaluator).
      auto request = p.extra_conditions.empty() ? request_of(ctx, p.example) : std::nullopt;
      if (!request || !evaluate(ctx.policy(), *request).allowed()) continue;
      f.notes.push_back("only a deployment that requests another audience through Vercel's token exchange could, "
                        "e.g. " + describe_deployment(p.example) + " (docs/semantics.md#vercel-custom-audiences, (u))");
      break;
    }
  }
  add_finding(ctx, std::move(f));
}

void check_statement(LintContext& ctx, const Statement& st, const std::vector<const Statement*>& vercel) {
  const Document& doc = ctx.document();
  auto rest = ctx.prove(without(doc, st.index));
  if (!rest || !same_deployments(ctx, ctx.allowed(), *rest)) return;
  const bool allow = st.effect == Effect::allow;
  auto alone = ctx.prove(only(doc, {st.index}, /*deny_as_allow=*/!allow));
  if (!alone) return;
  std::string message;
  Finding f = ctx.make("TL205", "", st.span, statement_pointer(doc, st));
  if (alone->empty()) {
    message = allow ? "statement " + st.label() + " allows nobody: removing it changes nothing"
                    : "Deny " + st.label() + " never applies to a Vercel token: it refuses nobody";
    add_reasons(f, *alone);
  } else if (allow) {
    message = "statement " + st.label() + " changes nothing: everything it allows is allowed by another statement or "
              "refused by a Deny";
    for (const Statement* other : vercel) {
      if (other == &st || other->effect != Effect::allow) continue;
      auto cover = ctx.prove(only(doc, {other->index}));
      if (cover && !example_not_in(ctx, *alone, *cover)) {
        message = "statement " + st.label() + " is shadowed by statement " + other->label() +
                  ": everything it allows, that one allows too";
        break;
      }
    }
    // Redundant, not dangerous: a note unless the configuration sets the severity.
    if (!severity_configured(ctx)) f.severity = Severity::note;
  } else {
    return;  // a Deny that refuses only what no Allow admits is belt and braces, not a mistake
  }
  f.message = std::move(message);
  add_finding(ctx, std::move(f));
}

}  // namespace

void check_no_effect(LintContext& ctx) {
  std::vector<const Statement*> vercel;
  for (const auto& st : ctx.document().statements) {
    if (ctx.admits_vercel(st)) vercel.push_back(&st);
  }
  if (vercel.empty()) return;
  if (ctx.allowed().empty()) {
    check_policy_nobody(ctx, vercel);
    return;
  }
  if (vercel.size() < 2) return;
  for (const Statement* st : vercel) {
    if (ctx.foreign_providers(*st).empty()) check_statement(ctx, *st, vercel);
  }
}

}  // namespace trustlint::internal
