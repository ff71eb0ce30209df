// AllowedSet parts → labelled regions of boxes (part_regions.h).
#include "prove/part_regions.h"

#include <algorithm>

namespace trustlint::internal {
namespace {

// "not all of (aws:SourceIp …) [Deny #2]" → "not all of (aws:SourceIp …)": the label names a
// statement by position or Sid, which a rewrite may change without changing the meaning.
std::string canonical_extra(const std::string& text) {
  const auto at = text.rfind(" [Deny ");
  if (at != std::string::npos && !text.empty() && text.back() == ']') return text.substr(0, at);
  return text;
}

}  // namespace

namespace {

Globs with_any_case(const std::vector<std::string>& globs, const std::vector<std::string>& any_case) {
  Globs out = exact_globs(globs);
  for (const auto& t : any_case) out.emplace_back(t, /*any_case=*/true);
  return out;
}

void split(const Globs& globs, std::vector<std::string>& exact, std::vector<std::string>& any_case) {
  for (const auto& g : globs) (g.any_case ? any_case : exact).push_back(g.text);
}

}  // namespace

ValueSet value_set_of(const SegmentDomain& domain, const GlobSet& globs) {
  ValueSet matched = ValueSet::of(domain, with_any_case(globs.match, globs.match_any_case));
  if (globs.except.empty() && globs.except_any_case.empty()) return matched;
  auto rest = matched.minus(ValueSet::of(domain, with_any_case(globs.except, globs.except_any_case)));
  // this − o for o without exceptions is one set (this with o's globs added to except), or none.
  if (rest.empty()) return ValueSet::of_globs(domain, {});
  return rest.front();
}

GlobSet glob_set_of(const ValueSet& v) {
  GlobSet g;
  split(v.match(), g.match, g.match_any_case);
  split(v.except(), g.except, g.except_any_case);
  return g;
}

std::vector<LabelledRegion> regions_of(ProverContext& ctx, const AllowedSet& set) {
  std::vector<LabelledRegion> out;
  for (const auto& part : set.parts) {
    std::vector<std::string> extras;
    for (const auto& e : part.extra_conditions) extras.push_back(canonical_extra(e));
    std::sort(extras.begin(), extras.end());
    extras.erase(std::unique(extras.begin(), extras.end()), extras.end());
    Box box;
    box.dims.push_back(value_set_of(ctx.domains[kTeam], part.team));
    box.dims.push_back(value_set_of(ctx.domains[kProject], part.project));
    box.dims.push_back(value_set_of(ctx.domains[kEnvironment], part.environment));
    if (ctx.dims() > kAudience) {
      box.dims.push_back(part.audience ? value_set_of(ctx.domains[kAudience], *part.audience)
                                       : ValueSet::all(ctx.domains[kAudience]));
    }
    auto it = std::find_if(out.begin(), out.end(), [&](const LabelledRegion& r) {
      return r.mode == part.issuer && r.extras == extras;
    });
    if (it == out.end()) {
      out.push_back({part.issuer, extras, part.extra_conditions, {}});
      it = out.end() - 1;
    }
    if (!box.empty()) it->boxes.push_back(std::move(box));
  }
  return out;
}

BoxSet union_of(const std::vector<LabelledRegion>& regions, IssuerMode mode, const std::vector<std::string>* within) {
  BoxSet out;
  for (const auto& r : regions) {
    if (r.mode != mode) continue;
    if (within && !std::includes(within->begin(), within->end(), r.extras.begin(), r.extras.end())) continue;
    out.insert(out.end(), r.boxes.begin(), r.boxes.end());
  }
  return out;
}

std::optional<DeploymentFacts> box_example(const Box& box, IssuerMode mode, bool any_audience) {
  DeploymentFacts f;
  f.issuer = mode;
  auto team = box.dims[kTeam].example();
  auto project = box.dims[kProject].example();
  auto env = box.dims[kEnvironment].example();
  if (!team || !project || !env) return std::nullopt;
  f.team = *team;
  f.project = *project;
  f.environment = *env;
  if (any_audience && box.dims.size() > kAudience) {
    auto aud = box.dims[kAudience].example();
    if (!aud) return std::nullopt;
    f.audience = *aud;
  }
  return f;
}

}  // namespace trustlint::internal
