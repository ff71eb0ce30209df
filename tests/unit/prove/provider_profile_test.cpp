// Profiles other than the built-in Vercel one: the default audience read from the profile's
// template (a template without {team}, as GitHub's sts.amazonaws.com, is the same for every
// tenant), and the prover's cached segment domains keyed by what a profile says, not by where it
// lives in memory (a profile freed and another built at the same address).
#include <doctest/doctest.h>

#include <new>

#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

// GitHub Actions in the prover's three dimensions: owner as team, repository as project.
ProviderProfile github_like() {
  ProviderProfile p = vercel_profile();
  p.name = "github";
  p.global_provider = "token.actions.githubusercontent.com";
  p.team_provider = "token.actions.githubusercontent.com/{team}";
  p.sub_template = "repo:{team}/{project}:environment:{environment}";
  p.aud_template = "sts.amazonaws.com";
  return p;
}

CompiledPolicy compiled(const std::string& text) {
  auto doc = load_policy_text(text, "p.json");
  REQUIRE(doc.ok());
  auto c = compile(doc.value());
  REQUIRE(c.ok());
  return std::move(c).value();
}

}  // namespace

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::ProviderProfile default audience comes from the template, with or without {team}") {
  const ProviderProfile& v = vercel_profile();
  CHECK(v.default_audience("acme") == "https://vercel.com/acme");
  CHECK(v.default_audience_glob() == "https://vercel.com/*");
  CHECK(v.team_of_default_audience("https://vercel.com/acme") == std::optional<std::string>("acme"));
  CHECK_FALSE(v.team_of_default_audience("sts.amazonaws.com"));
  const ProviderProfile g = github_like();
  CHECK(g.default_audience("acme") == "sts.amazonaws.com");  // not "sts.amazonaws.comacme"
  CHECK(g.default_audience_glob() == "sts.amazonaws.com");
  CHECK_FALSE(g.team_of_default_audience("sts.amazonaws.com"));
}

TEST_CASE("prove::who with a GitHub profile: the default audience is the profile's, in any-audience mode too") {
  const ProviderProfile g = github_like();
  const auto policy = compiled(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
    "Action":"sts:AssumeRoleWithWebIdentity",
    "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
                                 "token.actions.githubusercontent.com:sub":"repo:acme/web:environment:production"}}}]})");
  for (const bool any_audience : {false, true}) {
    WhoOptions options;
    options.any_audience = any_audience;
    auto set = allowed_set(policy, g, options);
    REQUIRE(set.ok());
    REQUIRE(set->parts.size() == 1);
    DeploymentFacts acme{"acme", "web", "production", IssuerMode::global, std::nullopt, {}};
    CHECK_MESSAGE(allowed_by_description(set.value(), g, acme), "any_audience " << any_audience);
    auto request = make_request(g, acme);
    REQUIRE(request.ok());
    CHECK(evaluate(policy, request.value()).allowed());
    for (const auto& d : set->parts[0].nearest_denied) {
      auto denied = make_request(g, d);
      REQUIRE(denied.ok());
      CHECK_FALSE(evaluate(policy, denied.value()).allowed());
    }
  }
}

TEST_CASE("prove::a profile built where a freed one lived gets its own segment domains") {
  // Team "zzz" is outside the first profile's team alphabet and inside the second's: the same
  // policy is nobody under the first and lets zzz in under the second, whatever address each
  // profile has (both are built in one buffer, one after the other).
  const auto policy = compiled(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},
    "Action":"sts:AssumeRoleWithWebIdentity",
    "Condition":{"StringEquals":{"oidc.vercel.com:sub":"owner:zzz:project:web:environment:production"}}}]})");
  alignas(ProviderProfile) unsigned char storage[sizeof(ProviderProfile)];
  for (const bool narrow : {true, false, true}) {
    ProviderProfile p = vercel_profile();
    if (narrow) {
      for (auto& s : p.segments) {
        if (s.name != "team") continue;
        s.pattern = "[a-c]{1,3}";
        s.alphabet = "abc";
        s.max_length = 3;
        s.description = "a, b or c, 1 to 3 characters";
      }
    }
    auto* placed = new (storage) ProviderProfile(std::move(p));
    auto set = allowed_set(policy, *placed, WhoOptions{});
    REQUIRE(set.ok());
    CHECK_MESSAGE(set->parts.empty() == narrow, "narrow team alphabet " << narrow);
    placed->~ProviderProfile();
  }
}

TEST_SUITE_END();

TEST_CASE("prove::ProviderProfile::team_of_provider: the one reading of a team provider name") {
  const ProviderProfile& v = vercel_profile();
  CHECK(v.team_of_provider("oidc.vercel.com/acme") == std::optional<std::string>("acme"));
  CHECK(v.team_of_provider("oidc.vercel.com/Acme") == std::optional<std::string>("Acme"));  // alphabet not checked
  CHECK(!v.team_of_provider("oidc.vercel.com/"));  // nothing after the fixed part
  CHECK(!v.team_of_provider("oidc.vercel.com"));
  CHECK(!v.team_of_provider("oidc.vercel.com.evil/acme"));
  CHECK(!v.team_of_provider("OIDC.vercel.com/acme"));  // provider names are case-sensitive
  CHECK(v.team_of_provider("OIDC.vercel.com/acme", true) == std::optional<std::string>("acme"));  // key prefixes are not
}
