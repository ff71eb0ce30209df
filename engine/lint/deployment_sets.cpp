// Allowed sets → boxes over the context's domains, and their difference.
#include "lint/deployment_sets.h"

#include <algorithm>

namespace trustlint::internal {
namespace {

struct Region {
  IssuerMode mode = IssuerMode::team;
  std::vector<std::string> extras;
  Box box;
};

std::vector<Region> regions_of(LintContext& ctx, const AllowedSet& set) {
  std::vector<Region> out;
  for (const auto& p : set.parts) {
    Region r;
    r.mode = p.issuer;
    r.extras = p.extra_conditions;
    std::sort(r.extras.begin(), r.extras.end());
    r.box.dims = {value_set_of(ctx.domain(kTeam), p.team), value_set_of(ctx.domain(kProject), p.project),
                  value_set_of(ctx.domain(kEnvironment), p.environment)};
    if (p.audience) r.box.dims.push_back(value_set_of(ctx.domain(kAudience), *p.audience));
    if (!r.box.empty()) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::string example_of(const ValueSet& set) { return set.example().value_or(""); }

std::optional<DeploymentExample> example_not_in(LintContext& ctx, const AllowedSet& a, const AllowedSet& b) {
  const auto ra = regions_of(ctx, a);
  const auto rb = regions_of(ctx, b);
  StateBudget& budget = ctx.prover().budget;
  std::optional<DeploymentExample> conditional;
  for (const auto& x : ra) {
    BoxSet cover;
    for (const auto& y : rb) {
      if (y.mode == x.mode && (y.extras.empty() || y.extras == x.extras)) cover.push_back(y.box);
    }
    const BoxSet rest = minus(BoxSet{x.box}, cover, budget);
    for (const auto& box : rest) {
      if (box.empty()) continue;
      DeploymentExample e;
      e.facts.issuer = x.mode;
      e.facts.team = example_of(box.dims[kTeam]);
      e.facts.project = example_of(box.dims[kProject]);
      e.facts.environment = example_of(box.dims[kEnvironment]);
      if (box.dims.size() > kAudience) e.facts.audience = example_of(box.dims[kAudience]);
      e.extras = x.extras;
      if (e.extras.empty()) return e;
      if (!conditional) conditional = std::move(e);
      break;
    }
  }
  return conditional;
}

bool same_deployments(LintContext& ctx, const AllowedSet& a, const AllowedSet& b) {
  return !example_not_in(ctx, a, b) && !example_not_in(ctx, b, a);
}

}  // namespace trustlint::internal
