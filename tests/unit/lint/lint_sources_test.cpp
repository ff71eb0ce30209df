// lint_sources: one report per IAM role of an IaC input, each naming its resource, form and
// assumptions; roles that trust no Vercel provider keep their grammar findings but get no
// security finding; unreadable inputs and files without roles still produce a report.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

using namespace trustlint;
using trustlint::testing::kRoot;

namespace {

std::vector<std::string> resources(const std::vector<LintReport>& reports) {
  std::vector<std::string> out;
  for (const auto& r : reports) out.push_back(r.resource);
  return out;
}

const LintReport& report_for(const std::vector<LintReport>& reports, const std::string& resource) {
  for (const auto& r : reports) {
    if (r.resource == resource) return r;
  }
  FAIL("no report for " << resource);
  return reports.front();
}

std::size_t security_findings(const LintReport& r) {
  return static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(), is_security_finding));
}

bool has_rule(const LintReport& r, const std::string& rule) {
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) { return f.rule == rule; });
}

bool noted(const LintReport& r, const std::string& text) {
  return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

// A file in the temporary directory, removed at the end of the test.
struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& name, const std::string& text)
      : path(std::filesystem::temp_directory_path() / ("trustlint-lint-sources-" + name)) {
    std::ofstream(path) << text;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

TEST_CASE("lint::lint_sources CloudFormation: one report per role, non-Vercel roles left alone") {
  const std::string file = kRoot + "/fixtures/iac/cloudformation-vercel-roles.yaml";
  const auto reports = lint_sources(file, {});
  CHECK(resources(reports) ==
        std::vector<std::string>{"VercelDeployRole", "VercelPreviewRole", "VercelStagingRole", "LambdaExecutionRole"});
  for (const auto& r : reports) {
    CAPTURE(r.resource);
    CHECK(r.form == "cloudformation");
    CHECK(r.file == file);
    CHECK_FALSE(r.input_failed);
    for (const auto& f : r.findings) {
      CHECK(f.span.file == file);
      // the report names the resource; the readers' "in resource ..." note is not repeated
      for (const auto& n : f.notes) CHECK(n.rfind("in resource ", 0) != 0);
    }
  }
  const LintReport& lambda = report_for(reports, "LambdaExecutionRole");
  CHECK(lambda.findings.empty());
  CHECK(noted(lambda, "security rules not run: the role trusts no Vercel OIDC provider"));
  // the Vercel roles are analysed, with what the analysis assumed
  const LintReport& deploy = report_for(reports, "VercelDeployRole");
  CHECK_FALSE(deploy.assumptions.empty());
  CHECK_FALSE(noted(deploy, "security rules not run"));
  // VercelPreviewRole's !If picks production-only sub under the Default; its aud is pinned
  const LintReport& staging = report_for(reports, "VercelStagingRole");
  CHECK(has_rule(staging, "TL080"));  // !ImportValue and a parameter without Default
  CHECK_FALSE(staging.assumptions.empty());
}

TEST_CASE("lint::lint_sources Terraform plan and account details: roles of other providers left alone") {
  const auto plan = lint_sources(kRoot + "/fixtures/iac/terraform-plan.json", {});
  for (const auto& r : plan) CHECK(r.form == "terraform-plan");
  const LintReport& github = report_for(plan, "module.ci.aws_iam_role.deploy");
  CHECK(security_findings(github) == 0);
  CHECK(noted(github, "trusts no Vercel OIDC provider"));
  CHECK(security_findings(report_for(plan, "aws_iam_role.lambda")) == 0);
  CHECK_FALSE(noted(report_for(plan, "aws_iam_role.vercel_production"), "security rules not run"));

  const auto account = lint_sources(kRoot + "/fixtures/iac/account-authorization-details.json", {});
  std::size_t analysed = 0, left_alone = 0;
  for (const auto& r : account) {
    CHECK(r.form == "account-authorization-details");
    CHECK(r.resource.rfind("arn:aws:iam::", 0) == 0);
    (noted(r, "trusts no Vercel OIDC provider") ? left_alone : analysed) += 1;
  }
  CHECK(analysed == 2);    // the decoded global-issuer document and the URL-encoded preview one
  CHECK(left_alone == 2);  // GitHub and the service-linked role
}

TEST_CASE("lint::lint_sources grammar errors of a role that trusts no Vercel provider still count") {
  const TempFile t("grammar.yaml",
                   "Resources:\n"
                   "  Worker:\n"
                   "    Type: AWS::IAM::Role\n"
                   "    Properties:\n"
                   "      AssumeRolePolicyDocument:\n"
                   "        Version: '2012-10-17'\n"
                   "        Statement:\n"
                   "          - Effect: Permit\n"
                   "            Principal: {Service: lambda.amazonaws.com}\n"
                   "            Action: sts:AssumeRole\n"
                   "  Open:\n"
                   "    Type: AWS::IAM::Role\n"
                   "    Properties:\n"
                   "      AssumeRolePolicyDocument:\n"
                   "        Version: '2012-10-17'\n"
                   "        Statement:\n"
                   "          - Effect: Allow\n"
                   "            Principal: '*'\n"
                   "            Action: sts:AssumeRoleWithWebIdentity\n");
  const auto reports = lint_sources(t.path.string(), {});
  REQUIRE(resources(reports) == std::vector<std::string>{"Worker", "Open"});
  const LintReport& worker = reports[0];
  REQUIRE(has_rule(worker, "TL035"));
  CHECK(worker.findings.front().span.line == 8);
  CHECK(security_findings(worker) == 0);
  // a wildcard principal admits Vercel's tokens too: the role is analysed
  CHECK(has_rule(reports[1], "TL303"));
}

TEST_CASE("lint::lint_sources values known only at deployment: no findings about placeholders") {
  const TempFile t("placeholder.yaml",
                   "Parameters:\n"
                   "  Env: {Type: String}\n"
                   "Resources:\n"
                   "  Deploy:\n"
                   "    Type: AWS::IAM::Role\n"
                   "    Properties:\n"
                   "      AssumeRolePolicyDocument:\n"
                   "        Version: '2012-10-17'\n"
                   "        Statement:\n"
                   "          - Effect: Allow\n"
                   "            Principal: {Federated: arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme}\n"
                   "            Action: sts:AssumeRoleWithWebIdentity\n"
                   "            Condition:\n"
                   "              StringEquals:\n"
                   "                oidc.vercel.com/acme:aud: https://vercel.com/acme\n"
                   "                oidc.vercel.com/acme:sub: !Sub owner:acme:project:web:environment:${Env}\n"
                   "  Imported:\n"
                   "    Type: AWS::IAM::Role\n"
                   "    Properties:\n"
                   "      AssumeRolePolicyDocument:\n"
                   "        Version: '2012-10-17'\n"
                   "        Statement:\n"
                   "          - Effect: Allow\n"
                   "            Principal: {Federated: !ImportValue vercel-provider}\n"
                   "            Action: sts:AssumeRoleWithWebIdentity\n"
                   "            Condition:\n"
                   "              StringEquals: {oidc.vercel.com/acme:sub: owner:acme:project:web:environment:production}\n"
                   "  ImportedGitHub:\n"
                   "    Type: AWS::IAM::Role\n"
                   "    Properties:\n"
                   "      AssumeRolePolicyDocument:\n"
                   "        Version: '2012-10-17'\n"
                   "        Statement:\n"
                   "          - Effect: Allow\n"
                   "            Principal: {Federated: !ImportValue github-provider}\n"
                   "            Action: sts:AssumeRoleWithWebIdentity\n"
                   "            Condition:\n"
                   "              StringEquals: {token.actions.githubusercontent.com:sub: 'repo:acme/web:ref:refs/heads/main'}\n");
  const auto reports = lint_sources(t.path.string(), {});
  REQUIRE(resources(reports) == std::vector<std::string>{"Deploy", "Imported", "ImportedGitHub"});
  // the sub value holds a placeholder: TL080 says so; "can never match" (TL204) would only repeat it
  CHECK(has_rule(reports[0], "TL080"));
  CHECK_FALSE(has_rule(reports[0], "TL204"));
  CHECK(noted(reports[0], "findings about values known only at deployment not shown (see TL080)"));
  // the principal is a placeholder, but the condition keys are Vercel's: Vercel's provider with
  // that issuer is assumed (and said), and the rules run: no aud pin is TL305
  CHECK(has_rule(reports[1], "TL080"));
  CHECK(has_rule(reports[1], "TL305"));
  CHECK_FALSE(noted(reports[1], "Federated principal is known only at deployment"));
  REQUIRE(reports[1].assumptions.size() >= 1);
  CHECK(reports[1].assumptions.back().find("is Vercel's OIDC provider oidc.vercel.com/acme, as the condition key oidc.vercel.com/acme:sub says") !=
        std::string::npos);
  // a placeholder principal whose keys are not Vercel's: who gets in is unknown, no rule runs
  CHECK(has_rule(reports[2], "TL080"));
  CHECK(security_findings(reports[2]) == 0);
  CHECK(noted(reports[2], "security rules not run"));
}

TEST_CASE("lint::lint_sources plain policies, unreadable inputs and files without roles") {
  const auto vercel = lint_sources(kRoot + "/fixtures/good/vercel-docs-production.json", {});
  REQUIRE(vercel.size() == 1);
  CHECK(vercel[0].resource.empty());
  CHECK(vercel[0].form == "policy");
  CHECK(vercel[0].findings.size() == lint_file(kRoot + "/fixtures/good/vercel-docs-production.json", {}).findings.size());

  const TempFile service("service.json", R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})");
  const auto left_alone = lint_sources(service.path.string(), {});
  REQUIRE(left_alone.size() == 1);
  CHECK(left_alone[0].findings.empty());
  CHECK(noted(left_alone[0], "trusts no Vercel OIDC provider"));

  const TempFile broken("broken.json", "{\"Statement\": [");
  const auto failed = lint_sources(broken.path.string(), {});
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].input_failed);
  CHECK(has_rule(failed[0], "TL004"));

  const auto missing = lint_sources(kRoot + "/fixtures/iac/no-such-file.json", {});
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].input_failed);

  const TempFile empty("empty-template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: {Type: AWS::S3::Bucket}\n");
  const auto none = lint_sources(empty.path.string(), {});
  REQUIRE(none.size() == 1);
  CHECK(none[0].findings.empty());
  CHECK(noted(none[0], "no IAM role in this file"));
}

TEST_SUITE_END();
