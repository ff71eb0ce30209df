// TL205: the policy allows nobody, or a statement changes nothing; TL208: only deployments that
// request another audience get in. Decided by comparing allowed sets exactly, with the default
// audience and with every audience a deployment may request through Vercel's token exchange: a
// statement changes nothing only when the policy without it allows the same deployments in both
// (a Deny that refuses only custom audiences is an audience pin, not dead). What the statement
// does on its own (alone, or a Deny read as an Allow) then says why: it allows nobody, another
// statement covers it, or (a Deny) it never applies to a Vercel token. A Deny that only refuses
// what no Allow admits anyway is defence in depth and is not reported.
#include <algorithm>

#include "lint/deployment_sets.h"
#include "lint/no_effect_regions.h"
#include "lint/witness.h"
#include "trustlint/vercel_policy.h"
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

// The statements whose principal admits a Vercel token.
std::vector<const Statement*> vercel_statements(const LintContext& ctx) {
  std::vector<const Statement*> out;
  for (const auto& st : ctx.document().statements) {
    if (ctx.admits_vercel(st)) out.push_back(&st);
  }
  return out;
}

// Nobody with the default audience. With the any-audience set non-empty, a deployment that
// requests another audience does get in: TL208 with that deployment (replayed), else TL205.
void check_policy_nobody(LintContext& ctx, const std::vector<const Statement*>& vercel) {
  const Document& doc = ctx.document();
  const Statement* first = vercel.empty() ? nullptr : vercel.front();
  const Span span = vercel.size() == 1 ? first->span : doc.span;
  const std::string pointer = vercel.size() == 1 ? statement_pointer(doc, *first) : std::string();
  const AllowedSet* any = ctx.allowed_any_audience();
  if (any != nullptr && !any->empty()) {
    for (const auto& p : any->parts) {
      if (!p.extra_conditions.empty()) continue;
      Finding f = ctx.make("TL208",
                           "no deployment with Vercel's default audience can assume this role: only one that "
                           "requests another audience through Vercel's token exchange can, e.g. " +
                               describe_deployment(p.example),
                           span, pointer);
      f.notes.push_back("a deployment chooses its audience through Vercel's token exchange (the changelog of "
                        "2026-06-23); whether Vercel restricts which audiences may be requested is unverified");
      for (const auto& r : ctx.allowed().nobody_reasons) f.notes.push_back("with the default audience: " + r);
      if (p.example.issuer == IssuerMode::global) {
        f.notes.push_back("exchanged tokens carry the team issuer, so a global-issuer provider may not accept them; "
                          "unverified");
      }
      if (attach_witness(ctx, f, p.example, true)) {
        add_finding(ctx, std::move(f));
        return;
      }
    }
    // Only conditional parts (aws:SourceIp, ...): still not nobody.
    const AllowedPart& p = any->parts.front();
    Finding f = ctx.make("TL208",
                         "no deployment with Vercel's default audience can assume this role: only one that requests "
                         "another audience through Vercel's token exchange can, e.g. " +
                             describe_deployment(p.example),
                         span, pointer);
    std::string extras;
    for (const auto& e : p.extra_conditions) extras += (extras.empty() ? "" : ", ") + e;
    f.notes.push_back("only when: " + extras);
    add_finding(ctx, std::move(f));
    return;
  }
  Finding f = ctx.make("TL205", "nobody can assume this role: no Vercel deployment is allowed by this policy", span,
                       pointer);
  if (!severity_configured(ctx)) f.severity = Severity::error;
  add_reasons(f, ctx.allowed());
  if (any == nullptr) {
    f.notes.push_back("whether a deployment that requests another audience could was not proven: the automaton "
                      "limit was reached");
  }
  add_finding(ctx, std::move(f));
}

// Do the policy and a variant allow the same deployments with every audience? True when the
// any-audience proofs are not available (the default-audience answer stands alone).
bool same_with_any_audience(LintContext& ctx, const Document& variant) {
  const AllowedSet* any = ctx.allowed_any_audience();
  if (any == nullptr) return true;
  auto rest = ctx.prove(variant, /*any_audience=*/true);
  return !rest || same_deployments(ctx, *any, *rest);
}

// The statement alone (a Deny read as an Allow) allows nobody with any audience, and (when it
// does) the prover's reasons; nullopt when a proof gave up.
struct Alone {
  bool nobody = false;
  std::vector<std::string> reasons;
};

std::optional<Alone> alone_by_proof(LintContext& ctx, const Statement& st, const Document& alone_doc) {
  auto alone = ctx.prove(alone_doc);
  if (!alone) return std::nullopt;
  const AllowedSet* any = ctx.allowed_any_audience();
  auto alone_any = any != nullptr ? ctx.prove(alone_doc, /*any_audience=*/true) : std::nullopt;
  if (any != nullptr && !alone_any) return std::nullopt;
  (void)st;
  return Alone{alone->empty() && (!alone_any || alone_any->empty()), alone->nobody_reasons};
}

// Does Allow `other` alone cover everything `st` alone allows (both audience modes)? By the
// regions when they answer, else by proving both.
bool covered_by(LintContext& ctx, const Statement& st, const Statement& other, const Document& alone_doc) {
  const bool any_known = ctx.allowed_any_audience() != nullptr;
  StateBudget& run = ctx.prover().budget;
  std::optional<bool> fast = covered_alone(*ctx.regions(false), st.index, other.index, run);
  if (fast && any_known) {
    const auto any = covered_alone(*ctx.regions(true), st.index, other.index, run);
    fast = any ? std::optional<bool>(*fast && *any) : std::nullopt;
  }
  if (fast) return *fast;
  const Document& doc = ctx.document();
  const Document cover_doc = only(doc, {other.index});
  if (ctx.prover().budget.exceeded) return false;  // as in changes_nothing
  auto alone = ctx.prove(alone_doc);
  auto cover = ctx.prove(cover_doc);
  if (!alone || !cover || example_not_in(ctx, *alone, *cover)) return false;
  if (any_known) {
    auto alone_any = ctx.prove(alone_doc, /*any_audience=*/true);
    auto cover_any = ctx.prove(cover_doc, /*any_audience=*/true);
    if (!alone_any || !cover_any || example_not_in(ctx, *alone_any, *cover_any)) return false;
  }
  return !ctx.prover().budget.exceeded;
}

void check_statement(LintContext& ctx, const Statement& st, const std::vector<const Statement*>& vercel) {
  const Document& doc = ctx.document();
  if (!changes_nothing(ctx, st, /*reference=*/false)) return;
  const bool allow = st.effect == Effect::allow;
  const Document alone_doc = only(doc, {st.index}, /*deny_as_allow=*/!allow);
  // Nobody, by the regions when they answer (the reasons still come from a proof of the
  // statement alone), else by proving it alone.
  std::optional<bool> nobody = allows_nobody_alone(*ctx.regions(false), st.index);
  if (nobody && *nobody && ctx.allowed_any_audience() != nullptr) nobody = allows_nobody_alone(*ctx.regions(true), st.index);
  std::optional<Alone> alone;
  if (!nobody || *nobody) {
    alone = alone_by_proof(ctx, st, alone_doc);
    if (!alone) return;
    nobody = alone->nobody;
  }
  std::string message;
  Finding f = ctx.make("TL205", "", st.span, statement_pointer(doc, st));
  if (*nobody) {
    message = allow ? "statement " + st.label() + " allows nobody: removing it changes nothing"
                    : "Deny " + st.label() + " never applies to a Vercel token: it refuses nobody";
    for (const auto& r : alone->reasons) f.notes.push_back(r);
  } else if (allow) {
    message = "statement " + st.label() + " changes nothing: everything it allows is allowed by another statement or "
              "refused by a Deny";
    for (const Statement* other : vercel) {
      if (other == &st || other->effect != Effect::allow) continue;
      if (!covered_by(ctx, st, *other, alone_doc)) continue;
      message = "statement " + st.label() + " is shadowed by statement " + other->label() +
                ": everything it allows, that one allows too";
      break;
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

bool changes_nothing(LintContext& ctx, const Statement& st, bool reference) {
  if (!reference) {
    StateBudget& run = ctx.prover().budget;
    PolicyRegions* regions = ctx.regions(false);
    std::optional<bool> fast = regions != nullptr ? unchanged_without(*regions, st.index, run) : std::nullopt;
    if (fast && *fast && ctx.allowed_any_audience() != nullptr) fast = unchanged_without(*ctx.regions(true), st.index, run);
    if (fast) return *fast;
  }
  // The comparisons spend the context's budget; once it has run out they may miss a difference,
  // so nothing is claimed (lint's report says findings were left out).
  if (ctx.prover().budget.exceeded) return false;
  const Document rest_doc = without(ctx.document(), st.index);
  auto rest = ctx.prove(rest_doc);
  if (!rest || !same_deployments(ctx, ctx.allowed(), *rest)) return false;
  const bool same = same_with_any_audience(ctx, rest_doc);  // else it matters for a requested audience
  return same && !ctx.prover().budget.exceeded;
}

void check_no_effect(LintContext& ctx) {
  const std::vector<const Statement*> vercel = vercel_statements(ctx);
  if (vercel.empty()) {
    // No principal admits a Vercel token, yet the role is about Vercel (lint runs security rules
    // only then): nobody can assume it. TL307 says why when a principal names Vercel in another case.
    if (!trusts_provider(ctx.document(), ctx.profile())) return;
    std::vector<const Statement*> keyed;  // the statements whose keys are about Vercel
    for (const auto& st : ctx.document().statements) {
      if (std::any_of(st.conditions.begin(), st.conditions.end(),
                      [&](const Condition& c) { return ctx.claim_key(c.key).vercel; })) {
        keyed.push_back(&st);
      }
    }
    check_policy_nobody(ctx, keyed);
    return;
  }
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
