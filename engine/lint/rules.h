// The security rule families of lint(), each a function over one LintContext that adds its
// findings there. Every finding is decided on the allowed set (or re-proofs of policy variants,
// or concrete evaluate() calls), never on the policy's text. Single-threaded per context.
#pragma once

#include "lint/lint_context.h"
#include "lint/witness.h"

namespace trustlint::internal {

// TL101–TL105 and TL306: who gets in, part by part of the allowed set (rules_vercel.cpp).
void check_access(LintContext& ctx);
// TL201, TL202, TL204, TL206: what each condition value can match (rules_conditions.cpp).
void check_values(LintContext& ctx);
// TL203: keys no admitted token carries; TL307: a Vercel provider named in another case
// (rules_keys.cpp).
void check_keys(LintContext& ctx);
// TL205: the policy or a statement allows nobody or changes nothing; TL208: only a requested
// audience gets in (rules_no_effect.cpp).
void check_no_effect(LintContext& ctx);
// TL205's question for one statement: does the policy without it allow the same deployments,
// with the default audience and with every audience? `reference`: by proving the variant
// (the property test's reference); otherwise on the proof's regions where they answer.
bool changes_nothing(LintContext& ctx, const Statement& st, bool reference);
// TL207 and TL305: what a requested audience changes (rules_audience.cpp).
void check_audience(LintContext& ctx);
// TL301–TL304: qualifiers, negated-only Allows, wildcard principals, actions (rules_oidc.cpp).
void check_oidc(LintContext& ctx);
// TL209 where the key's condition never holds, found by the plain rules without an example: the
// deployments the dead Deny was written to refuse or the dead Allow to admit, from the prover
// (absent_key_examples.cpp).
void complete_absent_key_examples(LintContext& ctx);
// TL502: the configuration's expectations (rules_expectations.cpp).
void check_expectations(LintContext& ctx);

// Shared by the families: add unless the same rule already reported the same location.
void add_finding(LintContext& ctx, Finding f);
// A location for a finding without a witness: the first Allow statement's principal that
// admits Vercel tokens, else the document.
Location fallback_location(const LintContext& ctx);

}  // namespace trustlint::internal
