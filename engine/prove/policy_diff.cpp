// diff_allowed_sets(): gained = NEW − OLD and lost = OLD − NEW on the boxes of the two allowed
// sets (part_regions.h), within one ProverContext so that both sides share their automata.
//
// Extra conditions (on keys that are not Vercel claims) are compared as propositions, each
// condition text an atom: a deployment that NEW lets in under conditions E is gained unless OLD
// lets it in under conditions E' ⊆ E (whenever E holds, E' holds too). This is exact when the
// atoms are independent; when one condition implies another (10.0.0.0/16 inside 10.0.0.0/8),
// the difference is over-reported, never missed, and the part says that its difference lies
// only in extra conditions.
#include <algorithm>

#include "prove/part_regions.h"
#include "trustlint/policy_diff.h"

namespace trustlint::internal {
namespace {

struct Side {
  const std::vector<LabelledRegion>* regions;
  const CompiledPolicy* policy;
};

std::optional<bool> replay(const CompiledPolicy* policy, const ProviderProfile& profile, const DeploymentFacts& f) {
  if (!policy) return std::nullopt;
  auto request = make_request(profile, f);
  if (!request.ok()) return std::nullopt;
  return evaluate(*policy, request.value(), EvaluateOptions{false}).allowed();
}

// to − from: what `to` lets in that `from` does not.
std::vector<DiffPart> difference(ProverContext& ctx, const Side& to, const Side& from, bool to_is_new) {
  std::vector<DiffPart> out;
  for (const auto& region : *to.regions) {
    const BoxSet cover = union_of(*from.regions, region.mode, &region.extras);
    BoxSet rest = minus(region.boxes, cover, ctx.budget);
    if (ctx.budget.exceeded) return out;
    tidy(rest, ctx.budget);
    for (auto& box : rest) {
      for (auto& d : box.dims) d.simplify();
      // What the other side lets in here only under conditions that E does not imply.
      std::vector<std::string> other_conditions;
      BoxSet conditional;
      for (const auto& r : *from.regions) {
        if (r.mode != region.mode) continue;
        BoxSet meet = intersect(BoxSet{box}, r.boxes, ctx.budget);
        if (meet.empty()) continue;
        conditional.insert(conditional.end(), meet.begin(), meet.end());
        for (const auto& e : r.extras_text) {
          if (std::find(other_conditions.begin(), other_conditions.end(), e) == other_conditions.end()) {
            other_conditions.push_back(e);
          }
        }
      }
      const BoxSet uncovered = minus(BoxSet{box}, conditional, ctx.budget);
      DiffPart part;
      part.issuer = region.mode;
      part.team = glob_set_of(box.dims[kTeam]);
      part.project = glob_set_of(box.dims[kProject]);
      part.environment = glob_set_of(box.dims[kEnvironment]);
      if (ctx.options.any_audience) part.audience = glob_set_of(box.dims[kAudience]);
      part.extra_conditions = region.extras_text;
      part.other_side_conditions = other_conditions;
      part.conditions_only = uncovered.empty();
      // The example comes from where the other side has no say, when there is such a place.
      std::optional<DeploymentFacts> ex;
      for (const auto& b : uncovered) {
        if ((ex = box_example(b, region.mode, ctx.options.any_audience))) break;
      }
      if (!ex) ex = box_example(box, region.mode, ctx.options.any_audience);
      if (!ex) continue;  // cannot happen for a non-empty box within the domains
      part.example = *ex;
      const auto& old_side = to_is_new ? from : to;
      const auto& new_side = to_is_new ? to : from;
      part.old_allows = replay(old_side.policy, ctx.profile, part.example);
      part.new_allows = replay(new_side.policy, ctx.profile, part.example);
      // Every printed example is checked: unconditional on its side, outside the other side.
      const auto& mine = to_is_new ? part.new_allows : part.old_allows;
      const auto& theirs = to_is_new ? part.old_allows : part.new_allows;
      if (region.extras.empty() && mine && !*mine) {
        ctx.note("internal error: the evaluator does not allow the example " + part.example.team + "/" +
                 part.example.project + "/" + part.example.environment + "; please report these policies");
      }
      if (!uncovered.empty() && theirs && *theirs) {
        ctx.note("internal error: the evaluator allows the example " + part.example.team + "/" + part.example.project +
                 "/" + part.example.environment + " on both sides; please report these policies");
      }
      out.push_back(std::move(part));
    }
  }
  return out;
}

}  // namespace
}  // namespace trustlint::internal

namespace trustlint {

Result<PolicyDiff> diff_allowed_sets(const AllowedSet& old_set, const CompiledPolicy* old_policy,
                                     const AllowedSet& new_set, const CompiledPolicy* new_policy,
                                     const ProviderProfile& profile, const WhoOptions& options) {
  internal::ProverContext ctx(profile, options);
  const auto old_regions = internal::regions_of(ctx, old_set);
  const auto new_regions = internal::regions_of(ctx, new_set);
  PolicyDiff diff;
  diff.gained = internal::difference(ctx, {&new_regions, new_policy}, {&old_regions, old_policy}, true);
  diff.lost = internal::difference(ctx, {&old_regions, old_policy}, {&new_regions, new_policy}, false);
  if (ctx.budget.exceeded) {
    return Result<PolicyDiff>::failure(make_error(
        "TL095",
        "comparing the policies needs more than " + std::to_string(options.limits.max_automaton_states) +
            " automaton states; raise the automaton state limit (max_automaton_states: --max-states of lint, who, diff and test)",
        Span{new_policy ? new_policy->document().file : old_policy ? old_policy->document().file : std::string()}));
  }
  const bool conditional = std::any_of(diff.gained.begin(), diff.gained.end(), [](const DiffPart& p) {
    return !p.extra_conditions.empty() || !p.other_side_conditions.empty();
  }) || std::any_of(diff.lost.begin(), diff.lost.end(), [](const DiffPart& p) {
    return !p.extra_conditions.empty() || !p.other_side_conditions.empty();
  });
  if (conditional) {
    diff.notes.push_back(
        "conditions on keys that are not Vercel claims are compared as written: a part is gained unless the old policy "
        "lets it in under the same or fewer such conditions; whether one condition implies another (a narrower IP "
        "range) is not decided, so such a change is reported, never missed");
  }
  for (const auto& n : ctx.notes) diff.notes.push_back(n);
  return diff;
}

Result<PolicyDiff> diff_policies(const CompiledPolicy& old_policy, const CompiledPolicy& new_policy,
                                 const ProviderProfile& profile, const WhoOptions& options) {
  auto old_set = allowed_set(old_policy, profile, options);
  if (!old_set.ok()) return Result<PolicyDiff>::failure(old_set.take_diagnostics());
  auto new_set = allowed_set(new_policy, profile, options);
  if (!new_set.ok()) return Result<PolicyDiff>::failure(new_set.take_diagnostics());
  auto diff = diff_allowed_sets(old_set.value(), &old_policy, new_set.value(), &new_policy, profile, options);
  if (diff.ok()) {
    for (const auto* notes : {&old_set->notes, &new_set->notes}) {
      for (const auto& n : *notes) {
        if (std::find(diff.value().notes.begin(), diff.value().notes.end(), n) == diff.value().notes.end()) {
          diff.value().notes.push_back(n);
        }
      }
    }
  }
  return diff;
}

}  // namespace trustlint
