// Property test: what a lint finding claims is true of the policy, checked on random policies
// against the prover (`who`, both audience modes) and the evaluator (`can`) over a grid of
// deployments:
//   - "nobody can assume" (TL205 on the policy) ⇔ who is empty with every audience;
//     TL208 ⇔ who is empty with the default audience only;
//   - "statement i changes nothing" (TL205 on a statement) ⇒ the policy without i decides every
//     grid request (every audience) as the policy does;
//   - "audience not checked" (TL305) ⇔ the any-audience set admits a non-default audience;
//   - "every deployment of team X" (TL306) ⇔ who ⊇ team X (one issuer, unconditionally).
#include <doctest/doctest.h>

#include "property/lint_gen.h"
#include "trustlint/trustlint.h"
#include "trustlint/vercel_policy.h"

namespace {

using namespace trustlint;
using trustlint::testing::LintGen;

const std::vector<std::string> kTeams = {"acme", "acme-evil", "globex", "other-team"};
const std::vector<std::string> kProjects = {"web", "web1", "api"};
const std::vector<std::string> kEnvs = {"production", "preview", "development", "staging"};
const std::vector<std::string> kCustomAuds = {"sts.amazonaws.com", "https://example.com"};

// The grid: every team, project, environment and issuer, with the default audience (nullopt)
// or a custom one.
template <typename F>
void for_grid(bool custom_audiences, F&& f) {
  for (IssuerMode issuer : {IssuerMode::team, IssuerMode::global}) {
    for (const auto& t : kTeams) {
      for (const auto& p : kProjects) {
        for (const auto& e : kEnvs) {
          DeploymentFacts d{t, p, e, issuer, std::nullopt, {}};
          f(d);
          if (!custom_audiences) continue;
          for (const auto& a : kCustomAuds) {
            d.audience = a;
            f(d);
          }
        }
      }
    }
  }
}

bool allowed(const CompiledPolicy& policy, const DeploymentFacts& d) {
  auto request = make_request(vercel_profile(), d);
  REQUIRE(request.ok());
  return evaluate(policy, request.value()).allowed();
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool has_only_when(const Finding& f) {
  return std::any_of(f.notes.begin(), f.notes.end(), [](const std::string& n) { return n.find("only when:") != std::string::npos; });
}

// Does some part admit an audience that is not a default audience (https://vercel.com/TEAM)?
bool admits_custom_audience(const AllowedSet& any) {
  for (const auto& p : any.parts) {
    if (!p.audience) continue;
    for (const auto& g : p.audience->match) {
      if (!starts_with(g, "https://vercel.com/")) return true;
    }
  }
  return false;
}

// Every project and environment of `team` under one issuer, unconditionally, judged by the
// printed description on the grid (a necessary condition of who ⊇ team).
bool whole_team_on_grid(const AllowedSet& set, const std::string& team) {
  for (IssuerMode issuer : {IssuerMode::team, IssuerMode::global}) {
    AllowedSet unconditional;
    for (const auto& p : set.parts) if (p.extra_conditions.empty()) unconditional.parts.push_back(p);
    bool all = true;
    for (const auto& p : kProjects) {
      for (const auto& e : kEnvs) {
        all = all && allowed_by_description(unconditional, vercel_profile(), DeploymentFacts{team, p, e, issuer, std::nullopt, {}});
      }
    }
    if (all) return true;
  }
  return false;
}

struct Checked {
  std::size_t nobody = 0, custom_only = 0, no_effect = 0, no_aud = 0, whole_team = 0;
};

void check_claims(const std::string& text, const LintOptions& options, Checked& n) {
  auto doc = load_policy_text(text, "random.json");
  REQUIRE_MESSAGE(doc.has_value(), text);
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  auto report = lint(doc.value(), compiled.value(), options);
  REQUIRE_MESSAGE(report.ok(), text);
  const CompiledPolicy& policy = compiled.value();
  auto who = allowed_set(policy, vercel_profile());
  WhoOptions any_options;
  any_options.any_audience = true;
  auto any = allowed_set(policy, vercel_profile(), any_options);
  if (!who.ok() || !any.ok()) return;  // the budget: lint says so itself
  const bool vercel = trusts_provider(doc.value(), vercel_profile());

  bool nobody_found = false, custom_only_found = false, no_aud_found = false;
  std::vector<std::string> whole_teams;
  for (const auto& f : report.value().findings) {
    INFO(text << "\n" << f.rule << " " << f.message);
    if (f.rule == "TL205" && starts_with(f.message, "nobody can assume")) nobody_found = true;
    if (f.rule == "TL208") custom_only_found = true;
    if (f.rule == "TL305") {
      no_aud_found = true;
      // The witness requests a non-default audience, or the finding names its conditions.
      if (f.witness) CHECK_FALSE(starts_with(f.witness->deployment->audience.value_or("https://vercel.com/"), "https://vercel.com/"));
      else CHECK(has_only_when(f));
    }
    if (f.rule == "TL306") {
      const std::string prefix = "every deployment of team ";
      REQUIRE(starts_with(f.message, prefix));
      const std::string team = f.message.substr(prefix.size(), f.message.find(' ', prefix.size()) - prefix.size());
      if (has_only_when(f)) continue;  // allowed under extra conditions: the finding names them
      CHECK_MESSAGE(whole_team_on_grid(who.value(), team), "who does not contain every deployment of " << team);
      // And the evaluator agrees: under one issuer, every grid deployment of the team gets in.
      bool evaluated = false;
      for (IssuerMode issuer : {IssuerMode::team, IssuerMode::global}) {
        bool all = true;
        for (const auto& p : kProjects) {
          for (const auto& e : kEnvs) all = all && allowed(policy, DeploymentFacts{team, p, e, issuer, std::nullopt, {}});
        }
        evaluated = evaluated || all;
      }
      CHECK_MESSAGE(evaluated, "can denies some deployment of " << team);
      whole_teams.push_back(team);
      ++n.whole_team;
    }
    if (f.rule == "TL205" && !starts_with(f.message, "nobody can assume")) {
      // "statement X changes nothing / allows nobody / is shadowed / Deny never applies": the
      // policy without that statement decides every grid request the same way.
      const std::string pointer = f.pointer;
      const auto slash = pointer.rfind('/');
      const std::size_t index = pointer == "/Statement" ? 0 : std::stoul(pointer.substr(slash + 1));
      Document rest = doc.value();
      rest.statements.erase(rest.statements.begin() + static_cast<std::ptrdiff_t>(index));
      auto rest_compiled = compile(rest);
      REQUIRE(rest_compiled.ok());
      for_grid(true, [&](const DeploymentFacts& d) {
        CHECK_MESSAGE(allowed(policy, d) == allowed(rest_compiled.value(), d),
                      "removing statement " << index << " changes " << d.team << "/" << d.project << "/" << d.environment
                                            << " aud " << d.audience.value_or("default"));
      });
      ++n.no_effect;
    }
  }
  INFO(text);
  if (vercel) {
    CHECK(nobody_found == (who.value().empty() && any.value().empty()));
    CHECK(custom_only_found == (who.value().empty() && !any.value().empty()));
    // TL305 is about the deployments that do get in: with the default audience somebody must.
    CHECK(no_aud_found == (!who.value().empty() && admits_custom_audience(any.value())));
    // The converse of TL306: when who holds every deployment of an expected team under one
    // issuer, unconditionally, the finding is there.
    for (const auto& team : options.teams) {
      if (whole_team_on_grid(who.value(), team)) {
        // The grid is a necessary condition only; the prover's own answer decides: a part, or
        // parts, covering every project and environment of the team.
        bool covered_by_one = false;
        for (const auto& p : who.value().parts) {
          if (p.extra_conditions.empty() && p.project.any() && p.environment.any() &&
              allowed_by_description(AllowedSet{{p}, {}, {}, {}}, vercel_profile(), DeploymentFacts{team, "web", "production", p.issuer, std::nullopt, {}})) {
            covered_by_one = true;
          }
        }
        if (covered_by_one) CHECK(std::find(whole_teams.begin(), whole_teams.end(), team) != whole_teams.end());
      }
    }
  }
  n.nobody += nobody_found;
  n.custom_only += custom_only_found;
  n.no_aud += no_aud_found;
}

// 400 random policies of `g`, each linted with expected team acme and every claim checked.
Checked checked_claims(LintGen& g) {
  Checked n;
  for (int i = 0; i < 400; ++i) {
    LintOptions options;
    options.teams = {"acme"};
    check_claims(g.policy(), options, n);
  }
  MESSAGE("nobody " << n.nobody << ", custom audience only " << n.custom_only << ", no effect " << n.no_effect
                    << ", audience not checked " << n.no_aud << ", whole team " << n.whole_team);
  return n;
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::every claim a lint finding makes holds against who and can on random policies") {
  LintGen g(2311);
  g.extras = true;
  g.own_claim = true;
  const Checked n = checked_claims(g);
  // Each claim was exercised, so the test can fail.
  CHECK(n.nobody > 5);
  CHECK(n.custom_only > 5);
  CHECK(n.no_effect > 5);
  CHECK(n.no_aud > 5);
  CHECK(n.whole_team > 5);
}

// The same claims with IgnoreCase operators and uppercase audiences.
TEST_CASE("property::lint claims hold with IgnoreCase operators") {
  LintGen g(4721);
  g.extras = true;
  g.ignore_case = true;
  const Checked n = checked_claims(g);
  CHECK(n.nobody + n.no_aud + n.whole_team > 100);
}

TEST_SUITE_END();
