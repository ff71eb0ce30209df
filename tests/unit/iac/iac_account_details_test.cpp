// find_trust_policies on `aws iam get-account-authorization-details`: every role of
// RoleDetailList, named by ARN, its document decoded (CLI output) or URL-encoded (the API's), and
// values located inside the percent-encoded string.
#include <doctest/doctest.h>

#include "unit/iac/iac_test_util.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint;
using namespace trustlint::test;

TEST_CASE("iac::find_trust_policies account authorization details") {
  auto r = find_trust_policies(fixture("account-authorization-details.json"));
  REQUIRE(r.ok());
  const auto& sources = r.value();
  CHECK(resources(sources) ==
        std::vector<std::string>{"arn:aws:iam::123456789012:role/vercel-web-production",
                                 "arn:aws:iam::123456789012:role/vercel-web-preview",
                                 "arn:aws:iam::123456789012:role/github-deploy",
                                 "arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"});
  for (const auto& s : sources) {
    CAPTURE(s.resource);
    CHECK(s.form == "account-authorization-details");
    CHECK(s.policy.ok());
    CHECK(s.assumptions.empty());
  }
  SUBCASE("a decoded document") {
    const auto sub = values_of(sources[0], "oidc.vercel.com:sub");
    CHECK(sub.at(0).text == "owner:acme:project:web:environment:production");
    CHECK(range(sub.at(0).span) == "23:56-23:103");
  }
  SUBCASE("a URL-encoded document: located inside the string, %22 to %22") {
    const auto sub = values_of(sources[1], "oidc.vercel.com/acme:sub");
    CHECK(sub.at(0).text == "owner:acme:project:*:environment:preview");
    CHECK(range(sub.at(0).span) == "46:531-46:589");
    CHECK(at(sources[1].policy->statements.at(0).sid->span) == "46:116");  // %22VercelPreview%22
  }
}

TEST_CASE("iac::find_trust_policies account authorization details: bad documents") {
  auto parse = [](const std::string& document) {
    return find_trust_policies_text(R"({"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": )" + document + "}]}",
                                    "details.json");
  };
  SUBCASE("a '%' without two hex digits: TL083 at it") {
    auto r = parse(R"("%7B%22Version%2")");
    REQUIRE(r.ok());
    const auto& d = r.value().at(0).policy.diagnostics();
    REQUIRE(codes(d) == std::vector<std::string>{"TL083"});
    CHECK(format_diagnostic(d[0]) == "details.json:1:81: error: malformed URL encoding: '%' is not followed by two hex digits [TL083]");
    CHECK(d[0].notes.back() == "in role r");
  }
  SUBCASE("malformed JSON once decoded: TL004 at the encoded character") {
    auto r = parse(R"("%7B%22Version%22%3A%222012-10-17%22%2C%2C%7D")");
    REQUIRE(r.ok());
    const auto& d = r.value().at(0).policy.diagnostics();
    REQUIRE(codes(d) == std::vector<std::string>{"TL004"});
    CHECK(at(d[0].span) == "1:106");  // the second %2C
  }
  SUBCASE("a plain JSON string is read without decoding") {
    auto r = parse(R"("{\"Version\": \"2012-10-17\", \"Statement\": []}")");
    REQUIRE(r.ok());
    const auto& d = r.value().at(0).policy.diagnostics();
    REQUIRE(codes(d) == std::vector<std::string>{"TL024"});
    CHECK(at(d[0].span) == "1:113");  // the [ of the empty array
  }
  SUBCASE("no document") {
    auto r = parse("null");
    REQUIRE(r.ok());
    CHECK(codes(r.value().at(0).policy.diagnostics()) == std::vector<std::string>{"TL081"});
  }
}

TEST_SUITE_END();
