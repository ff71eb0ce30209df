// find_trust_policies: the form detected from the content, plain policies exactly as
// load_policy_text reads them, unreadable inputs, and every code it reports in the catalogue.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "trustlint/engine.h"
#include "unit/iac/iac_test_util.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint;
using namespace trustlint::test;

TEST_CASE("iac::find_trust_policies detects the form") {
  struct Case {
    const char* text;
    const char* form;  // of the first source, or "" when there is none
  };
  const Case cases[] = {
      {R"({"Version": "2012-10-17", "Statement": []})", "policy"},
      {R"({"name": "package.json"})", "policy"},  // not IaC: read as a policy, so its errors show
      {"[]", "policy"},
      {"AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", ""},
      {"Resources:\n  R: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {Statement: []}}}\n", "cloudformation"},
      {R"({"format_version": "1.2", "planned_values": {"root_module": {}}})", ""},
      {R"({"format_version": "1.0", "values": {"root_module": {"resources": [{"address": "aws_iam_role.r", "type": "aws_iam_role", "values": {"assume_role_policy": "{}"}}]}}})",
       "terraform-plan"},
      {R"({"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": {"Statement": []}}]})",
       "account-authorization-details"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto r = find_trust_policies_text(c.text, "in.yaml");
    REQUIRE(r.has_value());
    if (std::string(c.form).empty()) {
      CHECK(r.value().empty());
    } else {
      REQUIRE(r.value().size() == 1);
      CHECK(r.value()[0].form == c.form);
    }
  }
}

TEST_CASE("iac::find_trust_policies reads a plain policy as load_policy does") {
  const std::filesystem::path root(TRUSTLINT_SOURCE_DIR);
  for (const char* name : {"fixtures/good/vercel-docs-production.json", "fixtures/good/team-web-production-preview.yaml",
                           "fixtures/bad/duplicate-key.json", "fixtures/bad/missing-statement.yaml"}) {
    CAPTURE(name);
    const std::string path = (root / name).string();
    auto found = find_trust_policies(path);
    auto loaded = load_policy_file(path);
    REQUIRE(found.has_value());
    REQUIRE(found.value().size() == 1);
    const PolicySource& source = found.value()[0];
    CHECK(source.form == "policy");
    CHECK(source.resource.empty());
    CHECK(source.policy.has_value() == loaded.has_value());
    std::vector<std::string> a, b;
    for (const auto& d : source.policy.diagnostics()) a.push_back(format_diagnostic(d));
    for (const auto& d : loaded.diagnostics()) b.push_back(format_diagnostic(d));
    CHECK(a == b);
  }
}

TEST_CASE("iac::find_trust_policies on unreadable input") {
  auto missing = find_trust_policies("/nonexistent/template.yaml");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.diagnostics()[0].code == "TL001");
  auto malformed = find_trust_policies_text("{\"Resources\": {", "t.json");
  REQUIRE_FALSE(malformed.has_value());
  CHECK(malformed.diagnostics()[0].code == "TL004");
  LoadOptions small;
  small.limits.max_bytes = 4;
  CHECK(find_trust_policies_text("Resources: {}", "t.yaml", small).diagnostics()[0].code == "TL002");
}

TEST_CASE("iac::rules/catalogue.yaml lists every code the IaC readers report") {
  const std::filesystem::path root(TRUSTLINT_SOURCE_DIR);
  YAML::Node catalogue = YAML::LoadFile((root / "rules" / "catalogue.yaml").string());
  std::set<std::string> listed;
  for (const auto& entry : catalogue["diagnostics"]) listed.insert(entry["code"].as<std::string>());
  const std::regex code_literal("\"(TL0[0-9][0-9])\"");
  std::set<std::string> used;
  for (const auto& file : std::filesystem::directory_iterator(root / "engine" / "iac")) {
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), code_literal), end; it != end; ++it) used.insert((*it)[1]);
  }
  CHECK(used == std::set<std::string>{"TL002", "TL003", "TL004", "TL007", "TL008", "TL066", "TL079", "TL080", "TL081",
                                      "TL082", "TL083", "TL088", "TL089"});
  for (const auto& code : used) {
    CAPTURE(code);
    CHECK(listed.count(code) == 1);
  }
}

TEST_SUITE_END();
