// TL209's example where a condition on a key no web-identity request carries never holds, so that
// its statement is dead: the plain rule (rules_condition_keys.cpp) has no prover, and the token it
// builds from the statement's other conditions is often one the policy's other statements decide
// (no Allow admits what a Deny was written to refuse; another Allow admits what a dead Allow was
// written for). With the prover: the deployments on which the policy and its variant without
// that condition differ (a Deny: admitted now, refused without it; an Allow: refused now,
// admitted without it), one of them replayed as the example; when there are none, a note says so.
#include "condition/compiled_condition.h"
#include "lint/deployment_sets.h"
#include "lint/rules.h"

namespace trustlint::internal {
namespace {

// The statement and condition a TL209 finding is located at (the condition's key).
std::optional<std::pair<std::size_t, std::size_t>> condition_at(const Document& doc, const Finding& f) {
  for (std::size_t si = 0; si < doc.statements.size(); ++si) {
    const auto& conditions = doc.statements[si].conditions;
    for (std::size_t ci = 0; ci < conditions.size(); ++ci) {
      const Span& at = conditions[ci].key_span;
      if (at.known() && at.offset == f.span.offset && at.end_offset == f.span.end_offset) return std::pair{si, ci};
    }
  }
  return std::nullopt;
}

// Does the condition never hold on a request without its key (what TL209 says of it)?
bool never_holds(const Document& doc, const Condition& c) {
  auto compiled = CompiledCondition::compile(c, doc.variables_enabled());
  return compiled.ok() && !compiled.value().evaluate(Request{}).result;
}

}  // namespace

void complete_absent_key_examples(LintContext& ctx) {
  const Document& doc = ctx.document();
  for (Finding& f : ctx.findings()) {
    if (f.rule != "TL209" || f.witness) continue;
    const auto at = condition_at(doc, f);
    if (!at || !never_holds(doc, doc.statements[at->first].conditions[at->second])) continue;
    const bool deny = doc.statements[at->first].effect == Effect::deny;
    Document variant = doc;
    auto& conditions = variant.statements[at->first].conditions;
    conditions.erase(conditions.begin() + static_cast<std::ptrdiff_t>(at->second));
    const std::optional<AllowedSet> without = ctx.prove(variant);
    if (!without) continue;  // out of work: incomplete() says so
    const auto example = deny ? example_not_in(ctx, ctx.allowed(), *without) : example_not_in(ctx, *without, ctx.allowed());
    if (!example) {
      f.notes.push_back(deny ? "no example: without this condition the Deny would still refuse no deployment that the policy admits"
                             : "no example: without this condition the Allow would still admit no deployment that the policy refuses");
      continue;
    }
    if (!example->extras.empty()) continue;  // admitted only under other keys' conditions: not replayable
    attach_witness(ctx, f, example->facts, deny, std::nullopt,
                   deny ? "can assume the role, though this Deny was written to refuse it"
                        : "cannot assume the role, though this Allow was written to admit it");
  }
}

}  // namespace trustlint::internal
