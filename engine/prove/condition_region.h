// What one condition entry says about the deployment space, for a fixed issuer mode and team
// class: always true/false (the key is absent, or the operator cannot hold on a claim), a region
// (a union of boxes: string operators on `sub` and `aud`), or an extra condition on a key that
// is not the provider's claim (aws:SourceIp, ...). Absent-key and non-string verdicts are taken
// from the evaluator itself, so the prover cannot drift from it.
#pragma once

#include <string>

#include "condition/compiled_condition.h"
#include "prove/prover_context.h"

namespace trustlint::internal {

struct ConditionRegion {
  enum class Kind { constant, region, extra } kind = Kind::constant;
  bool value = false;      // kind == constant
  BoxSet boxes;            // kind == region (within the class universe)
  std::string extra_text;  // kind == extra: "aws:SourceIp IpAddress 10.0.0.0/8"
  std::string why_false;   // kind == constant && !value: one sentence
  bool audience = false;   // a condition on aud: its region depends on WhoOptions::any_audience
};

// `provider` is the provider name of the class ("oidc.vercel.com/acme"); `universe` the class.
ConditionRegion condition_region(ProverContext& ctx, const CompiledCondition& condition, const std::string& provider,
                                 const Box& universe, bool variables_enabled);

}  // namespace trustlint::internal
