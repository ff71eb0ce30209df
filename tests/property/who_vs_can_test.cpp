// Property test: `who` (the prover) and `can` (the evaluator) agree on many random policies
// and deployments, and every example `who` prints is allowed by the evaluator (README "who").
// Policies use random Allow/Deny statements over sub and aud with StringEquals/Like, their
// negations, IgnoreCase, IfExists and the set qualifiers, wrong key prefixes, several
// principals ({"Federated": "*"} too), extra conditions (aws:TagKeys, aws:SourceIp, a policy
// variable on aud), and patterns cut from real segments, wildcards and separators. Every
// example `who` prints is replayed: allowed examples must be allowed, and every nearest-denied
// entry must be denied, in both audience modes. A third of the deployments are asked again with a
// claim given as `can --claim` gives it (kClaims: aws:SourceIp, and keys no request carries such as
// a misspelt aws:SoruceIp, a claim Vercel does not give IAM, or aws:SourceAccount, which the key
// catalogue marks as never in a web-identity request): can refuses exactly those (TL092) and
// answers the others as who does. Conditions on such absent keys appear under every operator form.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "property/policy_generator.h"

namespace {

using namespace trustlint;

using trustlint_property::Gen;
using trustlint_property::kTeams;
using trustlint_property::kProjects;
using trustlint_property::kEnvs;

void check_policy(Gen& g, const std::string& text, bool any_audience, std::size_t& compared, std::size_t& over_budget) {
  auto doc = load_policy_text(text, "random.json");
  REQUIRE_MESSAGE(doc.has_value(), text);  // {"Federated": "*"} is an error (TL042) that changes no meaning
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  WhoOptions options;
  options.any_audience = any_audience;
  auto set = allowed_set(compiled.value(), vercel_profile(), options);
  // A proof that needs more than the default automaton budget is a located TL095, not an answer
  // to compare (a few random policies reach it); any other failure is a bug.
  if (!set.ok() && !set.diagnostics().empty() && set.diagnostics().front().code == "TL095") {
    ++over_budget;
    return;
  }
  REQUIRE_MESSAGE(set.ok(), text);
  for (const auto& note : set->notes) CHECK_MESSAGE(note.find("internal error") == std::string::npos, text);
  // The same parts with their extra conditions dropped: a deployment outside every one of them
  // is denied whatever the request carries besides its token.
  AllowedSet any_part = set.value();
  for (auto& part : any_part.parts) part.extra_conditions.clear();
  auto describe = [](const DeploymentFacts& f) {
    std::string claims;
    for (const auto& [k, v] : f.extra_context) claims += " claim " + k + "=" + v;
    return f.team + "/" + f.project + "/" + f.environment + " issuer " + issuer_mode_name(f.issuer) + " aud " +
           f.audience.value_or("(default)") + claims;
  };
  std::vector<DeploymentFacts> probes;
  for (int i = 0; i < 40; ++i) probes.push_back(g.deployment(any_audience));
  for (const auto& part : set->parts) {
    probes.push_back(part.example);
    auto r = make_request(vercel_profile(), part.example);
    REQUIRE(r.ok());
    if (part.extra_conditions.empty()) CHECK_MESSAGE(evaluate(compiled.value(), r.value()).allowed(), text);
    for (const auto& d : part.nearest_denied) {
      probes.push_back(d);
      auto denied = make_request(vercel_profile(), d);
      REQUIRE(denied.ok());
      CHECK_MESSAGE(!evaluate(compiled.value(), denied.value()).allowed(),
                    text << "\n  nearest denied " << describe(d) << " is allowed by can");
      CHECK_MESSAGE(!allowed_by_description(any_part, vercel_profile(), d),
                    text << "\n  nearest denied " << describe(d) << " is inside a part");
    }
  }
  // The same deployments with a claim a user may give `can` (--claim): either refused (TL092, a
  // key who reads as absent) or answered as who answers.
  const std::size_t plain = probes.size();
  for (std::size_t i = 0; i < plain; i += 3) {
    DeploymentFacts f = probes[i];
    f.extra_context = {trustlint_property::kClaims[g.below(trustlint_property::kClaims.size())]};
    probes.push_back(std::move(f));
  }
  for (const auto& f : probes) {
    auto r = make_request(vercel_profile(), f);
    if (!f.extra_context.empty()) {
      const auto& absent = trustlint_property::kAbsentClaims;
      const bool never = std::find(absent.begin(), absent.end(), f.extra_context.front().first) != absent.end();
      CHECK_MESSAGE(r.ok() != never, f.extra_context.front().first);
    }
    if (!f.extra_context.empty() && !r.ok()) {
      CHECK(r.diagnostics().front().code == "TL092");
      continue;
    }
    REQUIRE(r.ok());
    const bool can = evaluate(compiled.value(), r.value()).allowed();
    const bool who = allowed_by_description(set.value(), vercel_profile(), f);
    const bool in_any_part = allowed_by_description(any_part, vercel_profile(), f);
    // Unconditionally in → allowed; in no part → denied; only in parts with extra conditions:
    // allowed or denied depending on what the request carries (here: nothing), so not compared.
    if (who || !in_any_part) {
      CHECK_MESSAGE(can == who, text << "\n  deployment " << describe(f) << ": can=" << can << " who=" << who);
      ++compared;
    }
  }
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::who agrees with can on random policies (default audience)") {
  Gen g(20261129);
  std::size_t compared = 0, over_budget = 0;
  for (int i = 0; i < 2500; ++i) check_policy(g, g.policy(), false, compared, over_budget);
  MESSAGE("deployments compared: " << compared << ", policies over the budget: " << over_budget);
  CHECK(compared > 100000);
  CHECK(over_budget < 25);
}

TEST_CASE("property::who agrees with can on random policies (any audience, docs/semantics.md#vercel-custom-audiences)") {
  Gen g(4242);
  std::size_t compared = 0, over_budget = 0;
  for (int i = 0; i < 1000; ++i) check_policy(g, g.policy(), true, compared, over_budget);
  MESSAGE("deployments compared: " << compared << ", policies over the budget: " << over_budget);
  CHECK(compared > 40000);
  CHECK(over_budget < 10);
}

TEST_SUITE_END();
