// Vercel deployment facts → the request IAM sees (docs/semantics.md#vercel-issuer-modes, docs/semantics.md#vercel-claims, docs/semantics.md#vercel-sub, docs/semantics.md#vercel-name-alphabets).
#include <doctest/doctest.h>

#include <array>
#include <vector>

#include "condition/key_catalogue.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/vercel_policy.h"

using namespace trustlint;

TEST_SUITE_BEGIN("provider");

TEST_CASE("provider::make_request forms sub, aud and the key prefix per issuer (docs/semantics.md#vercel-issuer-modes, docs/semantics.md#vercel-claims)") {
  DeploymentFacts f{"acme", "web", "preview", IssuerMode::team, std::nullopt, {}};
  auto r = make_request(vercel_profile(), f);
  REQUIRE(r.ok());
  CHECK(r->provider == "oidc.vercel.com/acme");
  REQUIRE(r->find("oidc.vercel.com/acme:sub"));
  CHECK(r->find("OIDC.vercel.com/acme:SUB")->values.front() == "owner:acme:project:web:environment:preview");
  CHECK(r->find("oidc.vercel.com/acme:aud")->values.front() == "https://vercel.com/acme");

  f.issuer = IssuerMode::global;
  f.audience = "sts.amazonaws.com";
  f.extra_context = {{"aws:SourceIp", "203.0.113.9"}, {"sub", "owner:acme:project:web:environment:preview"}};
  auto g = make_request(vercel_profile(), f);
  REQUIRE(g.ok());
  CHECK(g->provider == "oidc.vercel.com");
  CHECK(g->find("oidc.vercel.com:aud")->values.front() == "sts.amazonaws.com");
  CHECK(g->find("aws:SourceIp") != nullptr);
  CHECK(g->find("oidc.vercel.com:sub") != nullptr);  // a key without ':' is a claim of the provider
}

TEST_CASE("provider::make_request refuses names Vercel never issues (docs/semantics.md#vercel-name-alphabets)") {
  for (const auto& [team, project, env] : std::vector<std::array<std::string, 3>>{{
           {"ACME", "web", "production"},
           {"acme", "Web", "production"},
           {"acme", "web:x", "production"},
           {"acme", "a---b", "production"},
           {"acme", std::string(101, 'a'), "production"},
           {std::string(49, 'a'), "web", "production"},
           {"acme", "web", ""},
           {"acme", "web", std::string(33, 'e')}}}) {
    DeploymentFacts f{team, project, env, IssuerMode::team, std::nullopt, {}};
    auto r = make_request(vercel_profile(), f);
    CHECK_MESSAGE(!r.ok(), team << "/" << project << "/" << env);
    if (!r.ok()) CHECK(r.diagnostics().front().code == "TL090");
  }
  DeploymentFacts ok{"acme", "web.app_v2-x", "prod-eu", IssuerMode::team, std::nullopt, {}};
  CHECK(make_request(vercel_profile(), ok).ok());
}

TEST_CASE("provider::vercel_profile is read from the embedded YAML (docs/semantics.md#vercel-name-alphabets)") {
  const ProviderProfile& p = vercel_profile();
  CHECK(p.global_provider == "oidc.vercel.com");
  REQUIRE(p.segment("project"));
  CHECK(p.segment("project")->max_length == 100);
  CHECK(p.segment("project")->alphabet.find('.') != std::string::npos);
  CHECK(p.segment("team")->alphabet.find('.') == std::string::npos);
  CHECK(p.segment("environment")->known_values.size() == 3);
}

TEST_CASE("provider::teams_named and issuer_named read the policy") {
  auto doc = load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
    "Action":"sts:AssumeRoleWithWebIdentity",
    "Condition":{"StringLike":{"oidc.vercel.com/acme:sub":["owner:acme:*","owner:glob*:*"]},
                 "StringEquals":{"oidc.vercel.com/acme:aud":"https://vercel.com/globex"}}}]})",
                              "t.json");
  REQUIRE(doc.ok());
  // Written whole first (acme, globex), then the literal start of an owner glob ("glob*"): the one
  // answer can and lint share.
  CHECK(teams_named(doc.value(), vercel_profile()) == std::vector<std::string>{"acme", "globex", "glob"});
  CHECK(issuer_named(doc.value(), vercel_profile()) == IssuerMode::team);
}

TEST_CASE("provider::teams_named reads condition keys case-insensitively (docs/semantics.md#condition-block)") {
  // "OIDC.Vercel.com/ACME:SUB" is team acme's sub: the team comes from the key and from the
  // value. (The prover's own list of named teams had the same bug, docs/differential.md.)
  auto doc = load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
    "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},
    "Action":"sts:AssumeRoleWithWebIdentity",
    "Condition":{"StringEquals":{"OIDC.Vercel.com/ACME:SUB":"owner:globex:project:web:environment:production"}}}]})",
                              "t.json");
  REQUIRE(doc.ok());
  CHECK(teams_named(doc.value(), vercel_profile()) == std::vector<std::string>{"acme", "globex"});
}

TEST_SUITE_END();

TEST_CASE("provider::make_request refuses extra keys no token of the deployment carries (TL092)") {
  const auto code_of = [](const DeploymentFacts& f) {
    auto r = make_request(vercel_profile(), f);
    return r.ok() ? std::string("ok") : r.diagnostics().front().code;
  };
  DeploymentFacts f{"acme", "api", "production", IssuerMode::team, std::nullopt, {}};
  f.extra_context = {{"sub", "owner:acme:project:web:environment:production"}};
  CHECK(code_of(f) == "TL092");  // web's sub with project api
  f.extra_context = {{"OIDC.vercel.com/acme:SUB", "owner:acme:project:api:environment:production"}};
  CHECK(code_of(f) == "ok");  // the deployment's own sub, key in any case
  f.extra_context = {{"oidc.vercel.com:sub", "owner:acme:project:api:environment:production"}};
  CHECK(code_of(f) == "TL092");  // the global issuer's key under the team issuer
  f.extra_context = {{"oidc.vercel.com/globex:amr", "x"}};
  CHECK(code_of(f) == "TL092");  // another team's provider
  f.extra_context = {{"aud", "sts.amazonaws.com"}};
  CHECK(code_of(f) == "ok");  // without an audience given, the aud key chooses it
  f.audience = "https://vercel.com/acme";
  CHECK(code_of(f) == "TL092");  // two different audiences
  f.extra_context = {{"aws:SourceIp", "203.0.113.9"}, {"sts:RoleSessionName", "x"}, {"s3:prefix", "y"}};
  CHECK(code_of(f) == "ok");  // AWS keys a request may carry (who lists them as extra conditions)
  f.extra_context = {{"aws:CurrentTime", "2026-12-06T00:00:00Z"}, {"sts:RoleAuthorizedByIdp", "true"}};
  CHECK(code_of(f) == "ok");  // keys the catalogue marks unverified stay possible
}

TEST_CASE("provider::classify_request_key reads the catalogue's web_identity column (docs/semantics.md#request-keys)") {
  using internal::RequestKey;
  using internal::classify_request_key;
  const std::string p = "oidc.vercel.com/acme";
  CHECK(classify_request_key("oidc.vercel.com/acme:sub", p) == RequestKey::sub);
  CHECK(classify_request_key("oidc.vercel.com/acme:aud", p) == RequestKey::aud);
  CHECK(classify_request_key("aws:sourceip", p) == RequestKey::extra);            // present
  CHECK(classify_request_key("aws:currenttime", p) == RequestKey::extra);         // unverified
  CHECK(classify_request_key("aws:requesttag/team", p) == RequestKey::extra);     // unverified family
  CHECK(classify_request_key("aws:sourceaccount", p) == RequestKey::absent);      // absent
  CHECK(classify_request_key("aws:calledvialast", p) == RequestKey::absent);      // absent
  CHECK(classify_request_key("sts:externalid", p) == RequestKey::absent);         // absent
  CHECK(classify_request_key("sts:requestcontext/k", p) == RequestKey::absent);   // absent family
  CHECK(classify_request_key("aws:soruceip", p) == RequestKey::absent);           // not listed
  CHECK(classify_request_key("s3:prefix", p) == RequestKey::extra);               // service not catalogued
}

TEST_CASE("provider::make_request refuses keys who reads as absent (TL092, docs/semantics.md#unknown-operators-and-keys)") {
  // Each of these keys is in no request IAM evaluates for a Vercel token, so the prover reads a
  // condition on it as one on an absent key; a --claim must not make can answer otherwise.
  DeploymentFacts f{"acme", "web", "production", IssuerMode::team, std::nullopt, {}};
  for (const auto& [key, says] : std::vector<std::pair<std::string, std::string>>{
           {"aws:SoruceIp", "did you mean aws:SourceIp?"},
           {"STS:RoleSesionName", "not an AWS condition key"},
           {"amr", "only the sub and aud claims of oidc.vercel.com/acme"},
           {"oidc.vercel.com/acme:environment", "only the sub and aud claims"},
           {"oidc.vercel.com.evil:sub", "a claim of the OIDC provider oidc.vercel.com.evil"},
           {"token.actions.githubusercontent.com:sub", "a claim of the OIDC provider"},
           // Listed in rules/condition_keys.yaml with web_identity: absent.
           {"aws:SourceAccount", "no AssumeRoleWithWebIdentity request carries"},
           {"AWS:sourcearn", "no AssumeRoleWithWebIdentity request carries"},
           {"aws:CalledVia", "no AssumeRoleWithWebIdentity request carries"},
           {"sts:ExternalId", "no AssumeRoleWithWebIdentity request carries"},
           {"sts:RequestContext/x", "no AssumeRoleWithWebIdentity request carries"}}) {
    f.extra_context = {{key, "1.2.3.4"}};
    auto r = make_request(vercel_profile(), f);
    REQUIRE_MESSAGE(!r.ok(), key);
    CHECK(r.diagnostics().front().code == "TL092");
    CHECK_MESSAGE(r.diagnostics().front().message.find(says) != std::string::npos, r.diagnostics().front().message);
  }
}

TEST_CASE("provider::check_segment names a non-ASCII or non-UTF-8 character whole") {
  const SegmentSpec& team = *vercel_profile().segment("team");
  CHECK(*check_segment(team, "acm\xC3\xA9") ==
        "team \"acmé\" contains U+00E9, which Vercel never issues; expected " + team.description);
  CHECK(check_segment(team, "acm\xE9")->find("\"acm\\xE9\" is not UTF-8") != std::string::npos);
  CHECK(check_segment(team, "")->find("team is empty") == 0);
  CHECK(!check_segment(team, "acme-2"));
}
