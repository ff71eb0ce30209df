// check_expectation(): allow / deny / only decided on the boxes of the allowed set
// (part_regions.h): allow = selector ⊆ unconditionally allowed, deny = selector ∩ allowed = ∅,
// only = allowed ⊆ selector, for each issuer mode in question. A counterexample is taken from
// the difference (preferring deployments whose fate does not hang on extra conditions) and
// replayed through evaluate(), which names the statement that decided it.
#include <algorithm>

#include "prove/part_regions.h"
#include "trustlint/spec.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {

const char* expectation_kind_name(Expectation::Kind k) {
  switch (k) {
    case Expectation::Kind::deny: return "deny";
    case Expectation::Kind::only: return "only";
    case Expectation::Kind::allow: break;
  }
  return "allow";
}

namespace {

using namespace internal;

Box selector_box(const ProverContext& ctx, const Selector& s, const std::optional<std::string>& team) {
  Box b = ctx.everything();
  if (s.team) b.dims[kTeam] = ValueSet::of_globs(ctx.domains[kTeam], *s.team);
  else if (team) b.dims[kTeam] = ValueSet::of_globs(ctx.domains[kTeam], {*team});
  if (s.project) b.dims[kProject] = ValueSet::of_globs(ctx.domains[kProject], *s.project);
  if (s.environment) b.dims[kEnvironment] = ValueSet::of_globs(ctx.domains[kEnvironment], *s.environment);
  return b;
}

std::optional<DeploymentFacts> first_example(const BoxSet& boxes, IssuerMode mode) {
  for (const auto& b : boxes) {
    if (auto ex = box_example(b, mode, false)) return ex;
  }
  return std::nullopt;
}

// The extra conditions under which the regions let `f` in (of the first region that does).
std::vector<std::string> conditions_for(const std::vector<LabelledRegion>& regions, const DeploymentFacts& f) {
  const std::vector<std::string> values = {f.team, f.project, f.environment};
  for (const auto& r : regions) {
    if (r.mode != f.issuer || r.extras.empty()) continue;
    for (const auto& b : r.boxes) {
      if (b.contains(values)) return r.extras_text;
    }
  }
  return {};
}

void replay(const CompiledPolicy& policy, const ProviderProfile& profile, ExpectationOutcome& out) {
  auto request = make_request(profile, *out.counterexample);
  if (!request.ok()) return;
  const Decision d = evaluate(policy, request.value(), EvaluateOptions{false});
  out.counterexample_allowed = d.allowed();
  const auto& statements = policy.document().statements;
  if (d.deciding_statement && *d.deciding_statement < statements.size()) {
    const Statement& st = statements[*d.deciding_statement];
    out.decided_by = "statement " + st.label() + " (" + (st.effect == Effect::allow ? "Allow" : "Deny") + ", line " +
                     std::to_string(st.span.line) + ") " + (d.allowed() ? "lets it in" : "keeps it out");
    out.decided_at = st.span;
  } else if (!out.only_when.empty()) {
    out.decided_by = "the policy lets it in only when conditions on other keys hold";
  } else {
    out.decided_by = "no Allow statement applies (implicit deny)";
  }
}

}  // namespace

Result<ExpectationOutcome> check_expectation(const CompiledPolicy& policy, const AllowedSet& set,
                                             const Expectation& e, const std::optional<std::string>& default_team,
                                             const ProviderProfile& profile, const WhoOptions& options) {
  WhoOptions plain = options;
  plain.any_audience = false;
  ProverContext ctx(profile, plain);
  const auto regions = regions_of(ctx, set);
  ExpectationOutcome out;
  std::vector<IssuerMode> modes;
  if (e.where.issuer) {
    modes = {*e.where.issuer};
  } else if (e.kind == Expectation::Kind::allow) {
    const auto named = issuer_named(policy.document(), profile);
    modes = {named.value_or(IssuerMode::team)};
    out.assumptions.push_back(std::string("issuer ") + issuer_mode_name(modes[0]) +
                              (named ? ": the mode of the policy's federated principal" : ": Vercel's default") +
                              " (give issuer: to choose)");
  } else {
    modes = {IssuerMode::team, IssuerMode::global};
  }
  const bool team_filled = e.kind == Expectation::Kind::allow && !e.where.team && default_team;
  if (team_filled) out.assumptions.push_back("team " + *default_team + ": the expected team (the spec's team:, or lint's only expected team)");
  const Box selector = selector_box(ctx, e.where, team_filled ? default_team : std::nullopt);
  const std::vector<std::string> none;

  for (const IssuerMode mode : modes) {
    const BoxSet all = union_of(regions, mode, nullptr);
    const BoxSet unconditional = union_of(regions, mode, &none);
    BoxSet first, second;  // where to look for a counterexample, in order of preference
    switch (e.kind) {
      case Expectation::Kind::allow:
        first = minus(BoxSet{selector}, all, ctx.budget);
        second = minus(BoxSet{selector}, unconditional, ctx.budget);
        break;
      case Expectation::Kind::deny:
        first = intersect(BoxSet{selector}, unconditional, ctx.budget);
        second = intersect(BoxSet{selector}, all, ctx.budget);
        break;
      case Expectation::Kind::only:
        first = minus(unconditional, BoxSet{selector}, ctx.budget);
        second = minus(all, BoxSet{selector}, ctx.budget);
        break;
    }
    if (ctx.budget.exceeded) {
      return Result<ExpectationOutcome>::failure(make_error(
          "TL095",
          "deciding the expectation needs more than " + std::to_string(options.limits.max_automaton_states) +
              " automaton states; raise the automaton state limit (max_automaton_states: --max-states of lint, who, diff and test)",
          e.span));
    }
    auto ex = first_example(first, mode);
    const bool conditional = !ex;
    if (!ex) ex = first_example(second, mode);
    if (!ex) continue;
    out.holds = false;
    out.counterexample = ex;
    if (conditional) out.only_when = conditions_for(regions, *ex);
    replay(policy, profile, out);
    return out;
  }
  return out;
}

}  // namespace trustlint
