// find_trust_policies on CloudFormation: the roles found (and only roles), intrinsic functions
// resolved from the template (Defaults, pseudo parameters, the template's OIDC provider, Mappings,
// conditions) or reported as TL080 placeholders, and each value located in the template.
#include <doctest/doctest.h>

#include "unit/iac/iac_test_util.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint;
using namespace trustlint::test;

TEST_CASE("iac::find_trust_policies CloudFormation YAML with short-form tags") {
  auto r = find_trust_policies(fixture("cloudformation-vercel-roles.yaml"));
  REQUIRE(r.ok());
  const auto& sources = r.value();
  CHECK(resources(sources) ==
        std::vector<std::string>{"VercelDeployRole", "VercelPreviewRole", "VercelStagingRole", "LambdaExecutionRole"});
  for (const auto& s : sources) CHECK(s.form == "cloudformation");

  SUBCASE("!GetAtt of the template's OIDC provider and !Sub of parameter Defaults") {
    const auto& deploy = role(sources, "VercelDeployRole");
    CHECK(deploy.policy.ok());
    CHECK(deploy.policy.diagnostics().empty());
    const auto& principal = deploy.policy->statements.at(0).principal.entries.at(0).value;
    CHECK(principal.text == "arn:aws:iam::000000000000:oidc-provider/oidc.vercel.com/acme");
    CHECK(at(principal.span) == "40:34");
    const auto sub = values_of(deploy, "oidc.vercel.com/acme:sub");
    REQUIRE(sub.size() == 1);
    CHECK(sub[0].text == "owner:acme:project:web:environment:production");
    CHECK(range(sub[0].span) == "45:48-45:113");  // the quoted !Sub string, without its tag
    const auto aud = values_of(deploy, "oidc.vercel.com/acme:aud");
    CHECK(range(aud.at(0).span) == "44:48-44:80");
    const auto& a = deploy.assumptions;
    CHECK(std::find(a.begin(), a.end(), "parameter TeamSlug = \"acme\": its Default (a deployment may pass another value)") != a.end());
    CHECK(std::find(a.begin(), a.end(), "AWS::AccountId = 000000000000: a placeholder for the account the stack is deployed in") !=
          a.end());
  }
  SUBCASE("!If decided by the Defaults, !Join") {
    const auto& preview = role(sources, "VercelPreviewRole");
    CHECK(preview.policy.ok());
    const auto sub = values_of(preview, "oidc.vercel.com/acme:sub");
    REQUIRE(sub.size() == 1);
    CHECK(sub[0].text == "owner:acme:project:web:environment:production");  // EnablePreview defaults to "false"
    CHECK(at(sub[0].span) == "64:29");
    const auto& a = preview.assumptions;
    CHECK(std::find(a.begin(), a.end(),
                    "condition PreviewEnabled is false with the parameter Defaults: Fn::If takes its second value") != a.end());
  }
  SUBCASE("unresolved intrinsics are TL080 placeholders, located, and assumed") {
    const auto& staging = role(sources, "VercelStagingRole");
    REQUIRE(staging.policy.has_value());
    const auto& d = staging.policy.diagnostics();
    REQUIRE(codes(d) == std::vector<std::string>{"TL080", "TL080"});
    CHECK(format_diagnostic(d[0]) ==
          fixture("cloudformation-vercel-roles.yaml") +
              ":74:39: warning: the value of !ImportValue \"shared-vercel-oidc-provider-arn\" is known only when the stack is "
              "deployed; read as the placeholder \"UNRESOLVED-ImportValue-shared-vercel-oidc-provider-arn\" [TL080]");
    CHECK(d[0].notes.back() == "in resource VercelStagingRole (AWS::IAM::Role)");
    CHECK(at(d[1].span) == "78:83");  // ${DeployEnvironment} inside the plain scalar
    CHECK(d[1].message.find("parameter DeployEnvironment has no Default") == 0);
    const auto sub = values_of(staging, "oidc.vercel.com/acme:sub");
    CHECK(sub.at(0).text == "owner:acme:project:web:environment:UNRESOLVED-DeployEnvironment");
    // A placeholder Federated principal is read as an OIDC provider no token comes from.
    CHECK(staging.policy->statements.at(0).principal.entries.at(0).value.text ==
          "arn:aws:iam::000000000000:oidc-provider/UNRESOLVED-ImportValue-shared-vercel-oidc-provider-arn");
    CHECK(staging.assumptions.size() == 3);
  }
  SUBCASE("a role that trusts no OIDC provider is still returned") {
    const auto& lambda = role(sources, "LambdaExecutionRole");
    CHECK(lambda.policy.ok());
    CHECK(lambda.policy->statements.at(0).principal.entries.at(0).value.text == "lambda.amazonaws.com");
    CHECK(lambda.assumptions.empty());
  }
}

TEST_CASE("iac::find_trust_policies CloudFormation JSON with long forms") {
  auto r = find_trust_policies(fixture("cloudformation-vercel-roles.json"));
  REQUIRE(r.ok());
  const auto& sources = r.value();
  CHECK(resources(sources) == std::vector<std::string>{"WebDeployRole", "ApiDeployRole", "EcsTaskRole"});

  const auto& web = role(sources, "WebDeployRole");
  CHECK(web.policy.ok());
  CHECK(web.policy->statements.at(0).principal.entries.at(0).value.text ==
        "arn:aws:iam::000000000000:oidc-provider/oidc.vercel.com/acme");  // Ref of the provider, its Url a Fn::Join
  const auto sub = values_of(web, "oidc.vercel.com/acme:sub");
  REQUIRE(sub.size() == 2);
  CHECK(sub[0].text == "owner:acme:project:web:environment:production");
  CHECK(range(sub[0].span) == "10:26-10:73");  // Fn::FindInMap: where the Mappings entry is written
  CHECK(sub[1].text == "owner:acme:project:web:environment:preview");  // Fn::Sub variables, Fn::Select of a list
  CHECK(at(sub[1].span) == "39:34");
  CHECK(at(values_of(web, "oidc.vercel.com/acme:aud").at(0).span) == "36:59");

  // The policy is a Fn::Sub JSON string: values are located inside the string literal.
  const auto& api = role(sources, "ApiDeployRole");
  CHECK(api.policy.ok());
  const auto aud = values_of(api, "oidc.vercel.com/acme:aud");
  CHECK(aud.at(0).text == "https://vercel.com/acme");
  CHECK(range(aud.at(0).span) == "51:356-51:383");  // from the \" before the value to just past the \" after it
  CHECK(api.policy->statements.at(0).principal.entries.at(0).value.text ==
        "arn:aws:iam::000000000000:oidc-provider/oidc.vercel.com/acme");
}

namespace {

Result<std::vector<PolicySource>> template_text(const std::string& resources, const std::string& extra = "") {
  return find_trust_policies_text("AWSTemplateFormatVersion: '2010-09-09'\n" + extra + "Resources:\n" + resources, "t.yaml");
}

const char* kPolicyHead =
    "      AssumeRolePolicyDocument:\n"
    "        Version: '2012-10-17'\n"
    "        Statement:\n"
    "          - Effect: Allow\n"
    "            Principal: {Federated: arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme}\n"
    "            Action: sts:AssumeRoleWithWebIdentity\n";

}  // namespace

TEST_CASE("iac::find_trust_policies CloudFormation edge cases") {
  SUBCASE("a role without AssumeRolePolicyDocument: TL081 at its logical ID") {
    auto r = template_text("  Bare:\n    Type: AWS::IAM::Role\n    Properties: {RoleName: bare}\n");
    REQUIRE(r.ok());
    const auto& bare = r.value().at(0);
    CHECK_FALSE(bare.policy.has_value());
    REQUIRE(bare.policy.diagnostics().size() == 1);
    CHECK(format_diagnostic(bare.policy.diagnostics()[0]) ==
          "t.yaml:3:3: error: AWS::IAM::Role Bare has no AssumeRolePolicyDocument [TL081]");
  }
  SUBCASE("!Ref AWS::NoValue removes a condition; an undecidable !If takes its first value with TL080") {
    auto r = template_text(
        "  R:\n    Type: AWS::IAM::Role\n    Properties:\n" + std::string(kPolicyHead) +
            "            Condition:\n"
            "              StringEquals:\n"
            "                oidc.vercel.com/acme:aud: !Ref AWS::NoValue\n"
            "                oidc.vercel.com/acme:sub: !If [IsProd, owner:acme:project:web:environment:production, "
            "owner:acme:project:web:environment:preview]\n",
        "Parameters: {Stage: {Type: String}}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\n");
    REQUIRE(r.ok());
    const auto& source = r.value().at(0);
    CHECK(values_of(source, "oidc.vercel.com/acme:aud").empty());
    const auto sub = values_of(source, "oidc.vercel.com/acme:sub");
    CHECK(sub.at(0).text == "owner:acme:project:web:environment:production");
    const auto& d = source.policy.diagnostics();
    REQUIRE(codes(d) == std::vector<std::string>{"TL080", "TL080"});  // Stage has no Default; IsProd undecided
    CHECK(d[1].message == "condition \"IsProd\" is decided only when the stack is deployed; read as true (the first value of Fn::If)");
    CHECK(at(d[1].span) == "18:47");  // the !If's argument, after its tag
  }
  SUBCASE("conditions that refer to each other end, undecided") {
    auto r = template_text("  R:\n    Type: AWS::IAM::Role\n    Condition: A\n    Properties:\n" + std::string(kPolicyHead),
                           "Conditions:\n  A: !Condition B\n  B: {Fn::Not: [{Condition: A}]}\n");
    REQUIRE(r.ok());
    const auto& a = r.value().at(0).assumptions;
    REQUIRE(a.size() == 1);
    CHECK(a[0] == "the role exists only when condition A holds (decided at deployment)");
  }
  SUBCASE("a duplicate key inside a role goes to that role, named") {
    auto r = template_text("  R:\n    Type: AWS::IAM::Role\n    Properties:\n" + std::string(kPolicyHead) +
                           "            Action: sts:AssumeRole\n");
    REQUIRE(r.has_value());
    CHECK(r.diagnostics().empty());
    const auto& d = r.value().at(0).policy.diagnostics();
    REQUIRE_FALSE(d.empty());
    CHECK(d.back().code == "TL006");
    CHECK(d.back().notes.back() == "in resource R (AWS::IAM::Role)");
  }
  SUBCASE("Ref to something the template does not define") {
    auto r = template_text("  R:\n    Type: AWS::IAM::Role\n    Properties:\n"
                           "      AssumeRolePolicyDocument: {Ref: Nowhere}\n");
    REQUIRE(r.ok());
    const auto& policy = r.value().at(0).policy;
    CHECK_FALSE(policy.has_value());
    REQUIRE(codes(policy.diagnostics()) == std::vector<std::string>{"TL080", "TL082"});
    CHECK(policy.diagnostics()[0].message.find("Ref \"Nowhere\" names neither a parameter nor a resource") == 0);
    CHECK(policy.diagnostics()[1].message == "the AssumeRolePolicyDocument of R is known only when the stack is deployed");
  }
}

TEST_CASE("iac::find_trust_policies CloudFormation: hostile templates end quickly, with few diagnostics") {
  SUBCASE("mappings that use each other twice per level (2^40 lookups)") {
    std::string mappings = "Mappings:\n  M:\n    k:\n";
    for (int i = 0; i < 40; ++i) {
      const std::string next = "l" + std::to_string(i + 1);
      mappings += "      l" + std::to_string(i) + ": !Join ['', [!FindInMap [M, k, " + next + "], !FindInMap [M, k, " + next + "]]]\n";
    }
    mappings += "      l40: x\n";
    auto r = template_text("  R:\n    Type: AWS::IAM::Role\n    Properties:\n" + std::string(kPolicyHead) +
                               "            Condition: {StringEquals: {oidc.vercel.com/acme:sub: !FindInMap [M, k, l0]}}\n",
                           mappings);
    REQUIRE(r.ok());
    const auto& source = r.value().at(0);
    CHECK(values_of(source, "oidc.vercel.com/acme:sub").at(0).text.rfind("UNRESOLVED-", 0) == 0);
    CHECK(source.policy.diagnostics().size() < 20);
  }
  SUBCASE("conditions that use each other twice per level") {
    std::string conditions = "Conditions:\n";
    for (int i = 0; i < 60; ++i) {
      const std::string next = "C" + std::to_string(i + 1);
      conditions += "  C" + std::to_string(i) + ": !And [!Condition " + next + ", !Condition " + next + "]\n";
    }
    conditions += "  C60: !Equals [a, a]\n";
    auto r = template_text("  R:\n    Type: AWS::IAM::Role\n    Condition: C0\n    Properties:\n" + std::string(kPolicyHead),
                           conditions);
    REQUIRE(r.ok());
    CHECK(r.value().at(0).assumptions.at(0) == "the role exists only when condition C0 holds (decided at deployment)");
  }
}

TEST_SUITE_END();
