// Property test: `who` (the prover) and `can` (the evaluator) agree on many random policies
// and deployments, and every example `who` prints is allowed by the evaluator (style.md D).
// Policies use random Allow/Deny statements over sub and aud with StringEquals/Like, their
// negations, IgnoreCase, IfExists and the set qualifiers, wrong key prefixes, several
// principals, and patterns cut from real segments, wildcards and separators.
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

void check_policy(Gen& g, const std::string& text, bool any_audience, std::size_t& compared) {
  auto doc = load_policy_text(text, "random.json");
  REQUIRE_MESSAGE(doc.ok(), text);
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  WhoOptions options;
  options.any_audience = any_audience;
  auto set = allowed_set(compiled.value(), vercel_profile(), options);
  REQUIRE_MESSAGE(set.ok(), text);
  for (const auto& note : set->notes) CHECK_MESSAGE(note.find("internal error") == std::string::npos, text);
  std::vector<DeploymentFacts> probes;
  for (int i = 0; i < 40; ++i) probes.push_back(g.deployment(any_audience));
  for (const auto& part : set->parts) {
    probes.push_back(part.example);
    for (const auto& d : part.nearest_denied) probes.push_back(d);
    auto r = make_request(vercel_profile(), part.example);
    REQUIRE(r.ok());
    if (part.extra_conditions.empty()) CHECK_MESSAGE(evaluate(compiled.value(), r.value()).allowed(), text);
  }
  for (const auto& f : probes) {
    auto r = make_request(vercel_profile(), f);
    REQUIRE(r.ok());
    const bool can = evaluate(compiled.value(), r.value()).allowed();
    const bool who = allowed_by_description(set.value(), vercel_profile(), f);
    CHECK_MESSAGE(can == who, text << "\n  deployment " << f.team << "/" << f.project << "/" << f.environment << " issuer "
                                   << issuer_mode_name(f.issuer) << " aud " << f.audience.value_or("(default)")
                                   << ": can=" << can << " who=" << who);
    ++compared;
  }
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::who agrees with can on random policies (default audience)") {
  Gen g(20261129);
  std::size_t compared = 0;
  for (int i = 0; i < 2500; ++i) check_policy(g, g.policy(), false, compared);
  MESSAGE("deployments compared: " << compared);
  CHECK(compared > 100000);
}

TEST_CASE("property::who agrees with can on random policies (any audience, semantics.md §4.6)") {
  Gen g(4242);
  std::size_t compared = 0;
  for (int i = 0; i < 1000; ++i) check_policy(g, g.policy(), true, compared);
  CHECK(compared > 40000);
}

TEST_SUITE_END();
