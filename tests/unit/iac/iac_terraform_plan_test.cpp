// find_trust_policies on `terraform show -json`: the aws_iam_role resources found (and only
// those), their assume_role_policy JSON strings parsed and located character by character inside
// the string literal (escapes \" \n \u0022 and surrogate pairs honoured), policies known only
// after apply rendered from data.aws_iam_policy_document, and malformed embedded JSON.
#include <doctest/doctest.h>

#include "iac/terraform_plan.h"
#include "unit/iac/iac_test_util.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint;
using namespace trustlint::test;

TEST_CASE("iac::find_trust_policies Terraform plan") {
  auto r = find_trust_policies(fixture("terraform-plan.json"));
  REQUIRE(r.ok());
  const auto& sources = r.value();
  CHECK(resources(sources) == std::vector<std::string>{"aws_iam_role.lambda", "aws_iam_role.vercel_from_document",
                                                       "aws_iam_role.vercel_preview", "aws_iam_role.vercel_production",
                                                       "module.ci.aws_iam_role.deploy"});
  for (const auto& s : sources) {
    CAPTURE(s.resource);
    CHECK(s.form == "terraform-plan");
    CHECK(s.policy.ok());
  }

  SUBCASE("jsonencode'd policy: values located inside the JSON string") {
    const auto sub = values_of(role(sources, "aws_iam_role.vercel_production"), "oidc.vercel.com/acme:sub");
    REQUIRE(sub.size() == 1);
    CHECK(sub[0].text == "owner:acme:project:web:environment:production");
    CHECK(range(sub[0].span) == "88:217-88:266");  // from its \" to just past the closing \"
    CHECK(sub[0].span.file == fixture("terraform-plan.json"));
  }
  SUBCASE("heredoc policy: \\n and indentation inside the string do not move the columns") {
    const auto& preview = role(sources, "aws_iam_role.vercel_preview");
    const auto sub = values_of(preview, "oidc.vercel.com/acme:sub");
    CHECK(range(sub.at(0).span) == "69:489-69:535");
    const auto& st = preview.policy->statements.at(0);
    CHECK(st.sid->text == "VercelPreview");
    CHECK(at(st.sid->span) == "69:113");
    CHECK(at(st.conditions.at(0).op_span) == "69:354");  // \"StringEquals\"
  }
  SUBCASE("a role in a module and a role that trusts no OIDC provider") {
    const auto& github = role(sources, "module.ci.aws_iam_role.deploy");
    CHECK(github.policy->statements.at(0).principal.entries.at(0).value.text ==
          "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
    CHECK(role(sources, "aws_iam_role.lambda").policy->statements.at(0).principal.entries.at(0).value.text ==
          "lambda.amazonaws.com");
  }
  SUBCASE("known only after apply: rendered from the data source's statement blocks") {
    const auto& rendered = role(sources, "aws_iam_role.vercel_from_document");
    CHECK(rendered.policy.diagnostics().empty());
    const auto& st = rendered.policy->statements.at(0);
    CHECK(st.sid->text == "VercelWebDeployments");
    CHECK(st.action.actions.at(0).text == "sts:AssumeRoleWithWebIdentity");
    // identifiers refer to aws_iam_openid_connect_provider.vercel.arn: its url gives the ARN,
    // located at the reference in the configuration.
    const auto& principal = st.principal.entries.at(0).value;
    CHECK(principal.text == "arn:aws:iam::000000000000:oidc-provider/oidc.vercel.com/acme");
    CHECK(at(principal.span) == "615:25");
    const auto sub = values_of(rendered, "oidc.vercel.com/acme:sub");
    REQUIRE(sub.size() == 2);
    CHECK(sub[1].text == "owner:acme:project:web:environment:preview");
    CHECK(range(sub[1].span) == "421:21-421:65");
    CHECK(at(st.conditions.at(1).op_span) == "418:27");  // "StringLike": the block's test value
    REQUIRE(rendered.assumptions.size() == 2);
    CHECK(rendered.assumptions[0] ==
          "assume_role_policy is known only after apply: read from the statement blocks of "
          "data.aws_iam_policy_document.vercel_trust");
  }
}

TEST_CASE("iac::find_trust_policies Terraform: escapes inside the embedded JSON") {
  const std::string plan = R"plan({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
{"address": "aws_iam_role.r", "type": "aws_iam_role", "mode": "managed", "values": {"assume_role_policy":
"{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"x\ud83d\ude00\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"},\n\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.vercel.com/acme:sub\":\u0022owner:acme:project:web:environment:production\u0022}}}}"
}}, {"address": "aws_iam_role.d", "type": "aws_iam_role", "mode": "managed", "values": {"assume_role_policy":
"{\"Version\":\"2012-10-17\",\n  \"Version\":\"2012-10-17\",\"Statement\":[]}"
}}]}}}
)plan";
  auto r = find_trust_policies_text(plan, "plan.json");
  REQUIRE(r.ok());
  const auto& sources = r.value();
  REQUIRE(sources.size() == 2);

  const auto sub = values_of(sources[0], "oidc.vercel.com/acme:sub");
  CHECK(sub.at(0).text == "owner:acme:project:web:environment:production");
  CHECK(range(sub.at(0).span) == "3:296-3:353");  // \u0022 … \u0022
  // The surrogate pair is one character of the policy, located at its first escape.
  const auto& d = sources[0].policy.diagnostics();
  REQUIRE(codes(d) == std::vector<std::string>{"TL031", "TL059"});
  CHECK(at(d[0].span) == "3:53");  // the Sid's \"
  CHECK(at(d[1].span) == "3:56");  // \ud83d
  CHECK(d[1].notes.back() == "in aws_iam_role.r");

  // "first at line …, column …" in messages is translated to the plan's coordinates too.
  const auto& dup = sources[1].policy.diagnostics();
  REQUIRE(codes(dup) == std::vector<std::string>{"TL006", "TL024"});
  CHECK(format_diagnostic(dup[0]) == "plan.json:5:34: error: duplicate key \"Version\" (first at line 5, column 3) [TL006]");
  CHECK(at(dup[1].span) == "5:75");
}

TEST_CASE("iac::find_trust_policies Terraform: malformed embedded JSON is located in the plan") {
  auto r = find_trust_policies(fixture("terraform-plan-malformed-policy.json"));
  REQUIRE(r.ok());
  const auto& policy = r.value().at(0).policy;
  CHECK_FALSE(policy.has_value());
  REQUIRE(policy.diagnostics().size() == 1);
  const auto& d = policy.diagnostics()[0];
  CHECK(format_diagnostic(d) == fixture("terraform-plan-malformed-policy.json") +
                                    ":15:320: error: unexpected ',', expected a string key [TL004]");
  CHECK(d.notes == std::vector<std::string>{"the trust policy is a JSON string inside this file; the position is inside that string",
                                            "in aws_iam_role.vercel_preview"});
}

TEST_CASE("iac::find_trust_policies Terraform: a policy the plan does not show") {
  const std::string plan = R"({"format_version": "1.2",
 "planned_values": {"root_module": {"child_modules": [{"address": "module.ci[0]", "resources": [
   {"address": "module.ci[0].aws_iam_role.x[\"a\"]", "mode": "managed", "type": "aws_iam_role", "name": "x", "values": {"name": "x"}}]}]}},
 "resource_changes": [{"address": "module.ci[0].aws_iam_role.x[\"a\"]", "change": {"actions": ["create"], "after": {"name": "x"},
   "after_unknown": {"assume_role_policy": true}}}],
 "configuration": {"root_module": {"module_calls": {"ci": {"module": {"resources": [
   {"address": "aws_iam_role.x", "mode": "managed", "type": "aws_iam_role", "name": "x",
    "expressions": {"assume_role_policy": {"references": ["local.trust"]}}}]}}}}}}
)";
  auto r = find_trust_policies_text(plan, "plan.json");
  REQUIRE(r.ok());
  const auto& source = r.value().at(0);
  CHECK(source.resource == "module.ci[0].aws_iam_role.x[\"a\"]");
  CHECK_FALSE(source.policy.has_value());
  const auto& d = source.policy.diagnostics();
  REQUIRE(codes(d) == std::vector<std::string>{"TL082"});
  CHECK(format_diagnostic(d[0]) ==
        "plan.json:3:110: error: the assume_role_policy of module.ci[0].aws_iam_role.x[\"a\"] is known only after apply [TL082]");
  CHECK(d[0].notes.at(0) == "it refers to local.trust");
}

TEST_CASE("iac::terraform module_prefix") {
  using trustlint::internal::module_prefix;
  CHECK(module_prefix("aws_iam_role.x") == "");
  CHECK(module_prefix("module.a.aws_iam_role.x") == "module.a.");
  CHECK(module_prefix("module.a[0].module.b[\"k.v]\"].aws_iam_role.x[1]") == "module.a[0].module.b[\"k.v]\"].");
  CHECK(module_prefix("data.aws_iam_policy_document.d") == "");
}

TEST_SUITE_END();
