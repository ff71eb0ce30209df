// Parts → AllowedSet, with examples checked against the evaluator.
#include "prove/describe_parts.h"

#include <algorithm>

#include "condition/glob.h"
#include "condition/text.h"
#include "prove/part_regions.h"
#include "prove/proof_memo.h"

namespace trustlint::internal {
namespace {

GlobSet globs_of(const ValueSet& v) { return glob_set_of(v); }

std::vector<std::string> values_of(const DeploymentFacts& f, bool any_audience, const ProviderProfile& profile) {
  std::vector<std::string> v = {f.team, f.project, f.environment};
  if (any_audience) {
    v.push_back(f.audience ? *f.audience : profile.default_audience(f.team));
  }
  return v;
}

// Is the deployment in some part, with or without extra conditions? A deployment in a part with
// extra conditions is allowed whenever they hold (an absent aws:TagKeys, say), so it is never
// offered as "denied".
bool in_some_part(const std::vector<PartBoxes>& parts, IssuerMode mode, const std::vector<std::string>& values) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](const PartBoxes& p) { return p.mode == mode && p.box.contains(values); });
}

// Deployments next to `example` that differ in one dimension (or the issuer), and are denied
// whatever else the request carries: they are in no part at all.
std::vector<DeploymentFacts> nearest_denied(const ProverContext& ctx, const std::vector<PartBoxes>& parts,
                                            const DeploymentFacts& example) {
  std::vector<DeploymentFacts> candidates;
  auto with = [&](auto change) {
    DeploymentFacts f = example;
    change(f);
    candidates.push_back(std::move(f));
  };
  for (const char* env : {"development", "preview", "production", "staging"}) {
    if (example.environment != env) with([&](DeploymentFacts& f) { f.environment = env; });
  }
  with([&](DeploymentFacts& f) { f.project = example.project == "other-project" ? "web" : "other-project"; });
  with([&](DeploymentFacts& f) { f.team = example.team + "-evil"; });
  with([&](DeploymentFacts& f) { f.team = example.team == "other-team" ? "acme" : "other-team"; });
  with([&](DeploymentFacts& f) {
    f.issuer = example.issuer == IssuerMode::team ? IssuerMode::global : IssuerMode::team;
  });
  std::vector<DeploymentFacts> out;
  for (auto& c : candidates) {
    if (out.size() == 3) break;
    const auto values = values_of(c, ctx.options.any_audience, ctx.profile);
    bool valid = true;
    for (std::size_t d = 0; d < values.size() && valid; ++d) valid = ctx.domains[d].valid(values[d]);
    if (valid && !in_some_part(parts, c.issuer, values)) out.push_back(std::move(c));
  }
  return out;
}

// v.simplify(), or its result from `memo` (keyed by the dimension and the ordered glob lists, which
// with the computation's domain decide the result).
void simplify(ValueSet& v, std::size_t dim, ProofMemo* memo, const StateBudget& budget) {
  if (memo == nullptr) {
    v.simplify();
    return;
  }
  std::string key = std::to_string(dim) + '\x1e' + globs_key(v.match()) + '\x1e' + globs_key(v.except());
  if (auto it = memo->simplified.find(key); it != memo->simplified.end()) {
    v = it->second;
    return;
  }
  v.simplify();
  if (!budget.exceeded) memo->simplified.emplace(std::move(key), v);  // a cut-short result is not kept
}

}  // namespace

AllowedSet describe_parts(ProverContext& ctx, const CompiledPolicy& policy, std::vector<PartBoxes> parts,
                          ProofMemo* memo) {
  // Group by issuer and extra conditions, then tidy each group.
  std::vector<PartBoxes> grouped = std::move(parts);
  std::vector<PartBoxes> tidied;
  std::vector<bool> used(grouped.size(), false);
  for (std::size_t i = 0; i < grouped.size(); ++i) {
    if (used[i]) continue;
    BoxSet boxes;
    for (std::size_t j = i; j < grouped.size(); ++j) {
      if (!used[j] && grouped[j].mode == grouped[i].mode && grouped[j].extras == grouped[i].extras) {
        boxes.push_back(grouped[j].box);
        used[j] = true;
      }
    }
    tidy(boxes, ctx.budget);
    for (auto& b : boxes) {
      for (std::size_t d = 0; d < b.dims.size(); ++d) simplify(b.dims[d], d, memo, ctx.budget);
    }
    for (auto& b : boxes) tidied.push_back({grouped[i].mode, std::move(b), grouped[i].extras});
  }

  AllowedSet set;
  for (const auto& p : tidied) {
    AllowedPart part;
    part.issuer = p.mode;
    part.team = globs_of(p.box.dims[kTeam]);
    part.project = globs_of(p.box.dims[kProject]);
    part.environment = globs_of(p.box.dims[kEnvironment]);
    if (ctx.options.any_audience) part.audience = globs_of(p.box.dims[kAudience]);
    part.extra_conditions = p.extras;
    part.example.issuer = p.mode;
    part.example.team = p.box.dims[kTeam].example().value_or("");
    part.example.project = p.box.dims[kProject].example().value_or("");
    part.example.environment = p.box.dims[kEnvironment].example().value_or("");
    if (ctx.options.any_audience) part.example.audience = p.box.dims[kAudience].example();
    // Replay the example through the evaluator (style: every witness is checked).
    if (p.extras.empty()) {
      auto request = make_request(ctx.profile, part.example);
      if (!request.ok() || !evaluate(policy, request.value()).allowed()) {
        ctx.note("internal error: the evaluator does not allow the example " + part.example.team + "/" +
                 part.example.project + "/" + part.example.environment + "; please report this policy");
      }
    }
    part.nearest_denied = nearest_denied(ctx, tidied, part.example);
    set.parts.push_back(std::move(part));
  }
  return set;
}

}  // namespace trustlint::internal

namespace trustlint {

bool GlobSet::contains(std::string_view v) const {
  const auto glob = [&](const std::string& p) { return internal::glob_match(p, v); };
  const auto any_case = [&](const std::string& t) { return internal::ascii_lowercase(t) == internal::ascii_lowercase(v); };
  const bool in = std::any_of(match.begin(), match.end(), glob) ||
                  std::any_of(match_any_case.begin(), match_any_case.end(), any_case);
  return in && std::none_of(except.begin(), except.end(), glob) &&
         std::none_of(except_any_case.begin(), except_any_case.end(), any_case);
}

bool allowed_by_description(const AllowedSet& set, const ProviderProfile& profile, const DeploymentFacts& facts) {
  auto in = [](const GlobSet& g, const std::string& v) { return g.contains(v); };
  for (const char* seg : {"team", "project", "environment"}) {
    const SegmentSpec* spec = profile.segment(seg);
    const std::string& v = std::string(seg) == "team" ? facts.team : std::string(seg) == "project" ? facts.project : facts.environment;
    if (spec && check_segment(*spec, v)) return false;
  }
  const std::string aud = facts.audience ? *facts.audience : profile.default_audience(facts.team);
  for (const auto& p : set.parts) {
    if (p.issuer != facts.issuer || !p.extra_conditions.empty()) continue;
    if (!in(p.team, facts.team) || !in(p.project, facts.project) || !in(p.environment, facts.environment)) continue;
    if (p.audience ? in(*p.audience, aud) : !facts.audience.has_value()) return true;
  }
  return false;
}

}  // namespace trustlint
