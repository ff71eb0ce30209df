// TL101–TL105 and TL306: access rules read off the allowed set, one part at a time (TL306 on
// the union of a team's parts).
// A part is a product issuer × teams × projects × environments; each rule asks a value-set
// question about it (is a team outside the expected ones? is "development" in it? ...) and
// picks its witness from inside the part, so the witness is allowed by construction and is
// still replayed through evaluate() before it is printed.
#include <algorithm>

#include "lint/deployment_sets.h"
#include "lint/registry.h"
#include "lint/rules.h"

namespace trustlint::internal {
namespace {

std::string list(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
  return out;
}

std::string globs(const GlobSet& g) {
  auto any_case = [](std::vector<std::string> v) {
    for (auto& t : v) t = std::string(kAnyCasePrefix) + t;
    return v;
  };
  std::string out = list(g.match);
  if (!g.match_any_case.empty()) out += (out.empty() ? "" : ", ") + list(any_case(g.match_any_case));
  if (!g.except.empty() || !g.except_any_case.empty()) {
    std::string except = list(g.except);
    if (!g.except_any_case.empty()) except += (except.empty() ? "" : ", ") + list(any_case(g.except_any_case));
    out += " except " + except;
  }
  return out;
}

// Reports `f` at the value that admits `facts`, with `facts` as the witness (replayed).
// `claims`: where to look for the admitting value (team rules: sub and aud; the others: sub).
void report(LintContext& ctx, Finding f, const DeploymentFacts& facts, const AllowedPart& part,
            const std::vector<std::string>& claims = {"sub"}) {
  std::optional<Location> where;
  if (auto request = request_of(ctx, facts)) where = admitting_location(ctx, *request, claims);
  if (!where) where = fallback_location(ctx);
  f.span = where->span;
  f.pointer = where->pointer;
  if (!part.extra_conditions.empty()) {
    f.notes.push_back("only when: " + list(part.extra_conditions));
  } else if (!attach_witness(ctx, f, facts, true)) {
    f.notes.push_back("internal error: the evaluator does not allow the example " + describe_deployment(facts) +
                      "; please report this policy");
  }
  add_finding(ctx, std::move(f));
}

bool covers_everything(const std::vector<ValueSet>& sets, const SegmentDomain& domain) {
  std::vector<ValueSet> rest = {ValueSet::all(domain)};
  for (const auto& s : sets) {
    std::vector<ValueSet> next;
    for (const auto& r : rest) {
      for (auto& piece : r.minus(s)) next.push_back(std::move(piece));
    }
    rest = std::move(next);
    if (rest.empty()) return true;
  }
  return rest.empty();
}

// TL101 / TL102 for one part; returns true when it reported.
void check_teams(LintContext& ctx, const AllowedPart& p, bool every_team) {
  const auto& expected = ctx.expected_teams();
  const SegmentDomain& teams = ctx.domain(kTeam);
  const ValueSet tset = value_set_of(teams, p.team);
  std::vector<ValueSet> others =
      expected.empty() ? std::vector<ValueSet>{tset} : tset.minus(ValueSet::of_globs(teams, expected));
  others.erase(std::remove_if(others.begin(), others.end(), [](const ValueSet& v) { return v.empty(); }), others.end());
  if (others.empty()) return;
  DeploymentFacts facts = p.example;
  facts.team = example_of(others.front());
  if (facts.team.empty()) return;
  const std::string expected_text = expected.empty() ? "the policy names no team" : "expected: " + list(expected);
  Finding f = every_team
                  ? ctx.make("TL102",
                             "any Vercel team can assume the role (issuer " + std::string(issuer_mode_name(p.issuer)) +
                                 "): nothing pins the team, e.g. team " + facts.team + " (" + expected_text + ")",
                             {}, "")
                  : ctx.make("TL101",
                             "another team's deployments can assume the role: team " + globs(p.team) +
                                 " admits e.g. " + facts.team + " (" + expected_text + ")",
                             {}, "");
  if (expected.empty()) {
    f.notes.push_back("say which teams the role is for with --team or `teams:` in .trustlint.yaml");
  }
  if (p.issuer == IssuerMode::global) {
    f.notes.push_back("the global issuer oidc.vercel.com is shared by every Vercel team; only the owner segment of sub "
                      "(or an aud pin) tells them apart (docs/semantics.md#vercel-issuer-modes)");
  }
  report(ctx, std::move(f), facts, p, {"sub", "aud"});
}

// Does the policy let in every project and environment of `team` under `p`'s issuer, with
// `p`'s extra conditions (or none)? Decided on the union of parts, so a policy split into
// several statements (production; everything but production) gets the answer of one.
bool whole_team(LintContext& ctx, const std::string& team, const AllowedPart& p) {
  BoxSet covered;
  for (const auto& q : ctx.allowed().parts) {
    if (q.issuer != p.issuer || (!q.extra_conditions.empty() && q.extra_conditions != p.extra_conditions)) continue;
    if (!value_set_of(ctx.domain(kTeam), q.team).contains(team)) continue;
    covered.push_back(Box{{value_set_of(ctx.domain(kProject), q.project), value_set_of(ctx.domain(kEnvironment), q.environment)}});
  }
  if (covered.empty()) return false;
  const Box all{{ValueSet::all(ctx.domain(kProject)), ValueSet::all(ctx.domain(kEnvironment))}};
  const BoxSet rest = minus(BoxSet{all}, covered, ctx.prover().budget);
  return !ctx.prover().budget.exceeded &&
         std::all_of(rest.begin(), rest.end(), [](const Box& b) { return b.empty(); });
}

// TL306, else TL103, TL104, TL105, for the expected teams of one part.
void check_within_team(LintContext& ctx, const AllowedPart& p) {
  const auto& expected = ctx.expected_teams();
  if (expected.empty()) return;
  const ValueSet tset = value_set_of(ctx.domain(kTeam), p.team);
  auto team = std::find_if(expected.begin(), expected.end(), [&](const std::string& t) { return tset.contains(t); });
  if (team == expected.end()) return;
  const ValueSet projects = value_set_of(ctx.domain(kProject), p.project);
  const ValueSet envs = value_set_of(ctx.domain(kEnvironment), p.environment);
  DeploymentFacts base = p.example;
  base.team = *team;

  // TL306 stands for TL103 and TL104 of this team, unless it is turned off: reported once per
  // team, at its first part (the example comes from inside the part).
  if (rule_decision(ctx.options(), "TL306", Severity::error).enabled && whole_team(ctx, *team, p)) {
    const std::string message = "every deployment of team " + *team +
                                " can assume the role: nothing restricts the project or the environment (development "
                                "included)";
    const auto& all = ctx.findings();
    const bool reported = std::any_of(all.begin(), all.end(), [&](const Finding& f) {
      return f.rule == "TL306" && f.message == message;
    });
    if (!reported) {
      DeploymentFacts facts = base;
      facts.project = example_of(projects);
      facts.environment = envs.contains("development") ? std::string("development") : example_of(envs);
      report(ctx, ctx.make("TL306", message, {}, ""), facts, p);
    }
    return;
  }
  const auto& configured = ctx.options().environments;
  const bool development_expected = std::find(configured.begin(), configured.end(), "development") != configured.end();
  if (envs.contains("development") && !development_expected) {
    DeploymentFacts facts = base;
    facts.environment = "development";
    Finding f = ctx.make("TL103",
                         "development deployments of team " + *team + " can assume the role: environment " +
                             globs(p.environment) + " admits development",
                         {}, "");
    f.notes.push_back("development tokens are minted for any team member's CLI (vercel env pull) with their own "
                      "Vercel token (docs/semantics.md#vercel-development-tokens)");
    report(ctx, std::move(f), facts, p);
  }
  const auto& named = ctx.named_projects();
  std::vector<ValueSet> extra = named.empty() ? std::vector<ValueSet>{projects}
                                              : projects.minus(ValueSet::of_globs(ctx.domain(kProject), named));
  if (!extra.empty() && !extra.front().empty()) {
    DeploymentFacts facts = base;
    facts.project = example_of(extra.front());
    const bool all = ValueSet::all(ctx.domain(kProject)).subset_of(projects);
    report(ctx,
           ctx.make("TL104",
                    all ? "every project of team " + *team + " can assume the role (project " + globs(p.project) +
                              "), e.g. " + facts.project
                        : "projects the policy does not name can assume the role: project " + globs(p.project) +
                              " admits e.g. " + facts.project,
                    {}, ""),
           facts, p);
  }
  std::vector<std::string> excluded = ctx.environments_configured()
                                          ? configured
                                          : std::vector<std::string>{"production", "preview", "development"};
  if (!ctx.environments_configured()) {
    for (const auto& e : ctx.named_environments()) excluded.push_back(e);
  }
  excluded.push_back("development");  // TL103's
  auto unnamed = envs.minus(ValueSet::of_globs(ctx.domain(kEnvironment), excluded));
  if (!unnamed.empty() && !unnamed.front().empty()) {
    DeploymentFacts facts = base;
    facts.environment = example_of(unnamed.front());
    Finding f = ctx.make("TL105",
                         ctx.environments_configured()
                             ? "environments outside the expected ones (" + list(configured) +
                                   ") can assume the role: environment " + globs(p.environment) + " admits e.g. " +
                                   facts.environment
                             : "custom environments the policy does not name can assume the role: environment " +
                                   globs(p.environment) + " admits e.g. " + facts.environment,
                         {}, "");
    if (!ctx.environments_configured()) {
      f.notes.push_back("custom environments appear in sub by their slug; any team member who can create one gets "
                        "the role (docs/semantics.md#vercel-sub)");
    }
    report(ctx, std::move(f), facts, p);
  }
}

}  // namespace

void check_access(LintContext& ctx) {
  const AllowedSet& s = ctx.allowed();
  std::vector<ValueSet> team_sets;
  for (const auto& p : s.parts) team_sets.push_back(value_set_of(ctx.domain(kTeam), p.team));
  // TL102 stands for TL101, unless it is turned off.
  const bool every_team = !s.parts.empty() && rule_decision(ctx.options(), "TL102", Severity::error).enabled &&
                          covers_everything(team_sets, ctx.domain(kTeam));
  // Unconditional parts first, so that witnesses come from them when there is a choice.
  std::vector<const AllowedPart*> parts;
  for (const auto& p : s.parts) if (p.extra_conditions.empty()) parts.push_back(&p);
  for (const auto& p : s.parts) if (!p.extra_conditions.empty()) parts.push_back(&p);
  for (const AllowedPart* p : parts) {
    if (!every_team || !ctx.has("TL102")) check_teams(ctx, *p, every_team);
    check_within_team(ctx, *p);
  }
}

}  // namespace trustlint::internal
