// The parts of an AllowedSet turned back into boxes, grouped by issuer mode and by the extra
// conditions (on keys that are not Vercel claims) under which they are allowed. The glob
// description of a part is exact, so the boxes are the allowed set itself; diff and spec
// expectations compute with them. Used inside one ProverContext; not shared between threads.
#pragma once

#include <string>
#include <vector>

#include "prove/prover_context.h"
#include "trustlint/allowed_set.h"

namespace trustlint::internal {

struct LabelledRegion {
  IssuerMode mode = IssuerMode::team;
  std::vector<std::string> extras;       // canonical: sorted, without "[Deny …]" labels
  std::vector<std::string> extras_text;  // as `who` prints them
  BoxSet boxes;
};

// The values of one dimension a GlobSet describes ("match one of, none of except").
ValueSet value_set_of(const SegmentDomain& domain, const GlobSet& globs);
GlobSet glob_set_of(const ValueSet& v);

// Regions of `set`, one per (issuer, extra conditions); the boxes have ctx.dims() dimensions.
std::vector<LabelledRegion> regions_of(ProverContext& ctx, const AllowedSet& set);

// The union of the boxes of every region of `mode` (any extra conditions) or only of regions
// whose extras are a subset of `within` (pass nullptr for any).
BoxSet union_of(const std::vector<LabelledRegion>& regions, IssuerMode mode, const std::vector<std::string>* within);

// A readable member of the box, or nullopt when it is empty.
std::optional<DeploymentFacts> box_example(const Box& box, IssuerMode mode, bool any_audience);

}  // namespace trustlint::internal
