// TL209's example for a Deny that never applies (a condition on a key no web-identity request
// carries): the plain rule (rules_condition_keys.cpp) has no prover, and the token it builds from
// the Deny's other conditions is often one no Allow admits. With the prover: the deployments the
// policy admits that the Deny would refuse without that condition (the policy's allowed set minus
// the variant's), one of them replayed as the example; when there are none, a note says so.
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

}  // namespace

void complete_absent_key_examples(LintContext& ctx) {
  const Document& doc = ctx.document();
  for (Finding& f : ctx.findings()) {
    if (f.rule != "TL209" || f.witness) continue;
    const auto at = condition_at(doc, f);
    if (!at || doc.statements[at->first].effect != Effect::deny) continue;
    Document variant = doc;
    auto& conditions = variant.statements[at->first].conditions;
    conditions.erase(conditions.begin() + static_cast<std::ptrdiff_t>(at->second));
    const std::optional<AllowedSet> refused_without = ctx.prove(variant);
    if (!refused_without) continue;  // out of work: incomplete() says so
    const auto example = example_not_in(ctx, ctx.allowed(), *refused_without);
    if (!example) {
      f.notes.push_back("no example: without this condition the Deny would still refuse no deployment that the policy admits");
      continue;
    }
    if (example->extras.empty()) {
      attach_witness(ctx, f, example->facts, true, std::nullopt, "can assume the role, though this Deny was written to refuse it");
    }
  }
}

}  // namespace trustlint::internal
