// Other providers than Vercel (issue "No statement goes unchecked"): the rules for GitHub
// (described as data in rules/providers/github.yaml), for OIDC providers without a profile, for
// the built-in web-identity domains and SAML, and the key/action checks against
// rules/condition_keys.yaml. A corpus test: no security error on the safe fixtures, the expected
// rule on each risky one, in every input form, with witnesses replayed.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "condition/key_catalogue.h"
#include "trustlint/allowed_set.h"
#include "trustlint/vercel_policy.h"
#include "provider/federation_profiles.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

using namespace trustlint;
using namespace trustlint::testing;

namespace {

const Finding* find(const LintReport& r, const std::string& rule) {
  for (const auto& f : r.findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

std::vector<LintReport> sources(const std::string& relative) { return lint_sources(kRoot + "/" + relative, {}); }

const LintReport& role(const std::vector<LintReport>& reports, const std::string& contains) {
  for (const auto& r : reports) {
    if (fold_key(r.resource).find(contains) != std::string::npos) return r;
  }
  FAIL("no role " << contains);
  return reports.front();
}

// A rule of a provider described as data (rules/providers/*.yaml) outside the TL4xx family.
bool profile_rule(const std::string& rule) {
  for (const auto& p : internal::federation_profiles()) {
    if (rule == p.custom_template.rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("lint::the GitHub profile is data, loaded like the Vercel profile") {
  const auto& profiles = internal::federation_profiles();
  REQUIRE(profiles.size() == 1);
  const auto& gh = profiles.front();
  CHECK(gh.name == "github");
  CHECK(gh.subject_template == "repo:{owner}/{repo}:{context}");
  REQUIRE(gh.segments.size() == 3);
  CHECK(gh.segments[0].wildcard_rule == "TL411");
  CHECK(gh.segments[1].wildcard_rule == "TL412");
  CHECK(gh.segments[2].wildcard_rule.empty());
  std::string tenant;
  CHECK(gh.mode_of("token.actions.githubusercontent.com") == std::optional<std::string>("global"));
  CHECK(gh.mode_of("token.actions.githubusercontent.com/acme-ent", &tenant) == std::optional<std::string>("enterprise"));
  CHECK(tenant == "acme-ent");
  CHECK_FALSE(gh.mode_of("token.actions.githubusercontent.com/a/b"));
  CHECK_FALSE(gh.mode_of("oidc.vercel.com"));
  CHECK(internal::builtin_federation().find("cognito-identity.amazonaws.com")->key == "cognito-identity.amazonaws.com:aud");
}

TEST_CASE("lint::the key catalogue knows aws: and sts: keys and STS actions") {
  using namespace trustlint::internal;
  CHECK(find_key("aws:SourceIp") != nullptr);
  CHECK(find_key("AWS:SOURCEIP") != nullptr);
  CHECK(find_key("aws:RequestTag/team") != nullptr);
  CHECK(find_key("aws:SoruceIp") == nullptr);
  CHECK(nearest_key("aws:SoruceIp") == std::optional<std::string>("aws:SourceIp"));
  CHECK(find_key("sts:RoleSessionName") != nullptr);
  CHECK_FALSE(catalogued_service("oidc.vercel.com/acme:sub"));
  CHECK(catalogued_service("aws:Foo"));
  CHECK(find_key("aws:TagKeys")->multi_valued);
  CHECK(known_sts_action("sts:AssumeRoleWithWebIdentity"));
  CHECK_FALSE(known_sts_action("sts:AssumeRoleWithWebIdentiy"));
  CHECK(nearest_sts_action("sts:AssumeRoleWithWebIdentiy") == std::optional<std::string>("sts:AssumeRoleWithWebIdentity"));
}

TEST_CASE("lint::corpus: each risky fixture gets its rule, at the value, with a replayed witness") {
  const std::map<std::string, std::string> expected = {
      {"fixtures/risky/github-aud-only.json", "TL410"},        {"fixtures/risky/github-enterprise-no-sub.json", "TL410"},
      {"fixtures/risky/github-owner-wildcard.json", "TL411"},  {"fixtures/risky/github-any-owner.json", "TL411"},
      {"fixtures/risky/github-org-wildcard.json", "TL412"},    {"fixtures/risky/oidc-no-provider-key.json", "TL401"},
      {"fixtures/risky/oidc-aud-only.json", "TL402"},          {"fixtures/risky/oidc-sub-star.json", "TL403"},
      {"fixtures/risky/cognito-no-aud.json", "TL420"},         {"fixtures/risky/saml-no-aud.json", "TL421"},
      {"fixtures/risky/github-custom-template.json", "TL106"},
  };
  for (const auto& [file, rule] : expected) {
    for (const auto& r : sources(file)) {
      CAPTURE(file);
      INFO(describe(r));
      const Finding* f = find(r, rule);
      REQUIRE(f != nullptr);
      CHECK(f->severity == find_rule(rule)->severity);
      CHECK(f->span.known());
      CHECK_FALSE(f->fix.empty());
      if (rule != "TL421") {  // a SAML assertion is not a token the evaluator replays here
        REQUIRE(f->witness.has_value());
        CHECK(f->witness->allowed);
        CHECK(f->witness->request.has_value());
      }
      // Only this provider's rule family: no Vercel rule speaks about these statements.
      for (const auto& g : r.findings) {
        if (is_security_finding(g) && g.rule[2] != '4' && !profile_rule(g.rule)) {
          CHECK_MESSAGE(g.rule == "TL205", g.rule << " " << g.message);
        }
      }
    }
  }
}

TEST_CASE("lint::corpus: no security warning or error on the safe fixtures") {
  for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/fixtures/good")) {
    for (const auto& r : lint_sources(entry.path().string(), {})) {
      CAPTURE(entry.path().string());
      INFO(describe(r));
      for (const auto& f : r.findings) {
        // Vercel's documented looser policies keep their Vercel warnings (TL104, TL105, TL305).
        if (is_security_finding(f)) CHECK(f.severity != Severity::error);
        if (f.rule[2] == '4' || profile_rule(f.rule) || f.rule.rfind("TL06", 0) == 0) CHECK(f.severity == Severity::note);
      }
    }
  }
}

TEST_CASE("lint::every value of a GitHub OR-list is checked, in Allows and in Deny's negated conditions") {
  const auto r = lint_fixture("fixtures/risky/github-owner-wildcard.json");
  const Finding* f = find(r, "TL411");
  REQUIRE(f != nullptr);
  CHECK(f->pointer == "/Statement/0/Condition/StringLike/token.actions.githubusercontent.com:sub/1");
  CHECK(f->witness->description.find("repo:acme-evil/any-repo:ref:refs/heads/main") != std::string::npos);
  const auto deny = lint_policy(R"({"Version":"2012-10-17","Statement":[
    {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
     "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}},
    {"Effect":"Deny","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
     "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringNotLike":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}}]})");
  INFO(describe(deny));
  CHECK_FALSE(has_rule(deny, "TL410"));  // the Deny restricts the subject
  CHECK(has_rule(deny, "TL412"));
  const auto pinned = lint_policy(R"({"Version":"2012-10-17","Statement":[
    {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
     "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:repository_owner_id":"12345"},
     "StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}}}]})");
  INFO(describe(pinned));
  CHECK_FALSE(has_rule(pinned, "TL410"));
  CHECK_FALSE(has_rule(pinned, "TL411"));  // the owner is pinned by its ID
}

TEST_CASE("lint::TL106 a GitHub sub written for a custom template that names no owner") {
  const auto policy = [](const std::string& conditions) {
    return lint_policy(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
       "Action":"sts:AssumeRoleWithWebIdentity","Condition":{)" + conditions + "}}]}");
  };
  const std::string key = R"("token.actions.githubusercontent.com:sub")";
  // Every value of an OR-list; the witness is the value as another owner's template renders it.
  const auto listed = policy(R"("StringLike":{)" + key + R"(:["repo:acme/web:ref:refs/heads/main","job_workflow_ref:acme/deploy/.github/workflows/d.yml@*"]})");
  INFO(describe(listed));
  const Finding* f = find(listed, "TL106");
  REQUIRE(f != nullptr);
  CHECK(f->pointer == "/Statement/0/Condition/StringLike/token.actions.githubusercontent.com:sub/1");
  CHECK(f->message.find("first key, job_workflow_ref, names no owner") != std::string::npos);
  REQUIRE(f->witness.has_value());
  CHECK(f->witness->allowed);
  CHECK(f->witness->description.find("job_workflow_ref:acme/deploy/.github/workflows/d.yml@x") != std::string::npos);
  CHECK_FALSE(has_rule(policy(R"("StringEquals":{)" + key + R"(:"repo:acme/web:environment:prod"})"), "TL106"));
  CHECK_FALSE(has_rule(policy(R"("StringEquals":{)" + key + R"(:"repository_owner_id:123:environment:prod"})"), "TL106"));
  // IAM folds ASCII under IgnoreCase: REPO: is anchored, and ENVIRONMENT: is the environment key.
  CHECK_FALSE(has_rule(policy(R"("StringEqualsIgnoreCase":{)" + key + R"(:"REPO:acme/web:environment:prod"})"), "TL106"));
  CHECK(has_rule(policy(R"("StringEqualsIgnoreCase":{)" + key + R"(:"ENVIRONMENT:prod"})"), "TL106"));
  // Case-sensitive: no template key renders "Environment".
  CHECK_FALSE(has_rule(policy(R"("StringEquals":{)" + key + R"(:"Environment:prod"})"), "TL106"));
  // Another condition pins the owner: no other owner's token gets in.
  CHECK_FALSE(has_rule(policy(R"("StringEquals":{"token.actions.githubusercontent.com:repository_owner_id":"12345",)" + key +
                              R"(:"environment:prod"})"),
                       "TL106"));
}

TEST_CASE("lint::mixed-provider roles get every statement checked, in every input form") {
  for (const char* file : {"fixtures/iac/cloudformation-mixed-providers.yaml", "fixtures/iac/terraform-plan-mixed-providers.json",
                           "fixtures/iac/account-details-mixed-providers.json"}) {
    CAPTURE(file);
    const auto reports = sources(file);
    REQUIRE(reports.size() == 3);
    const auto& deploy = role(reports, "deploy");
    INFO(describe(deploy));
    CHECK(has_rule(deploy, "TL410"));
    CHECK_FALSE(has_rule(deploy, "TL101"));  // the Vercel statement itself is right
    const auto& github = role(reports, "github");
    INFO(describe(github));
    CHECK(has_rule(github, "TL412"));
    REQUIRE(github.notes.size() == 1);
    CHECK(github.notes[0].rfind("checked with the rules for its federated providers", 0) == 0);
    const auto& gitlab = role(reports, "gitlab");
    CHECK(has_rule(gitlab, "TL401"));
  }
}

TEST_CASE("lint::condition keys, qualifiers, addresses and actions against the catalogue") {
  SUBCASE("a misspelt aws: key: error with the nearest key, and the Deny is proven dead") {
    const auto r = lint_fixture("fixtures/bad/unknown-condition-key.json");
    INFO(describe(r));
    const Finding* f = find(r, "TL060");
    REQUIRE(f != nullptr);
    CHECK(f->severity == Severity::error);
    CHECK(f->message == "aws:SoruceIp is not a condition key (did you mean aws:SourceIp?): no request carries it, so this Deny never applies");
    CHECK(has_rule(r, "TL205"));
  }
  SUBCASE("deprecated key") {
    const auto r = lint_fixture("fixtures/bad/deprecated-condition-key.json");
    const Finding* f = find(r, "TL061");
    REQUIRE(f != nullptr);
    CHECK(f->message == "aws:ARN is deprecated: use aws:PrincipalArn");
  }
  SUBCASE("one rule for qualifiers on single-valued keys: aws:, Vercel's sub, GitHub's sub; not amr") {
    CHECK(has_rule(lint_fixture("fixtures/bad/forallvalues-source-ip.json"), "TL062"));
    CHECK(has_rule(lint_fixture("fixtures/risky/forallvalues-sub.json"), "TL062"));
    CHECK_FALSE(has_rule(lint_fixture("fixtures/good/cognito-pool-pinned.json"), "TL062"));
    const auto gh = lint_policy(R"({"Version":"2012-10-17","Statement":[
      {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
       "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/web:ref:refs/heads/main"}}}]})");
    const Finding* f = find(gh, "TL062");
    REQUIRE(f != nullptr);
    CHECK(f->fix == "Use StringEquals (remove the ForAnyValue: qualifier).");
  }
  SUBCASE("private ranges in aws:SourceIp, with a request from a public address") {
    const auto allow = lint_fixture("fixtures/bad/private-source-ip.json");
    const Finding* f = find(allow, "TL063");
    REQUIRE(f != nullptr);
    CHECK(f->message.find("admits nobody") != std::string::npos);
    REQUIRE(f->witness.has_value());
    CHECK_FALSE(f->witness->allowed);
    const auto notip = lint_fixture("fixtures/bad/private-notipaddress.json");
    const Finding* g = find(notip, "TL063");
    REQUIRE(g != nullptr);
    CHECK(g->message.find("keeps nobody out") != std::string::npos);
    REQUIRE(g->witness.has_value());
    CHECK(g->witness->allowed);
    CHECK_FALSE(has_rule(lint_fixture("fixtures/good/source-ip-restricted.json"), "TL063"));
  }
  SUBCASE("a misspelt STS action, and sts:AssumeRole for an OIDC provider") {
    const auto typo = lint_fixture("fixtures/bad/sts-action-typo.json");
    const Finding* f = find(typo, "TL064");
    REQUIRE(f != nullptr);
    CHECK(f->message.find("did you mean sts:AssumeRoleWithWebIdentity?") != std::string::npos);
    const auto assume = lint_fixture("fixtures/bad/oidc-assume-role.json");
    const Finding* g = find(assume, "TL044");
    REQUIRE(g != nullptr);
    CHECK(g->message.find("sts:AssumeRole cannot be used by the web-identity provider") == 0);
  }
}

TEST_CASE("lint::the prover reads a key the catalogue does not list as absent, a listed one as an extra condition") {
  const auto allowed = [](const std::string& key) {
    auto doc = load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
      "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
      "Action":"sts:AssumeRoleWithWebIdentity","Condition":{
      "StringEquals":{"oidc.vercel.com/acme:sub":"owner:acme:project:web:environment:production"},
      "IpAddress":{")" + key + R"(":"203.0.113.0/24"}}}]})",
                                "inline.json");
    REQUIRE(doc.ok());
    auto compiled = compile(doc.value());
    REQUIRE(compiled.ok());
    auto set = allowed_set(compiled.value(), vercel_profile());
    REQUIRE(set.ok());
    return std::move(set).value();
  };
  const auto listed = allowed("aws:SourceIp");
  REQUIRE(listed.parts.size() == 1);
  CHECK(listed.parts[0].extra_conditions.size() == 1);
  CHECK(allowed("aws:SoruceIp").empty());
}

TEST_SUITE_END();
