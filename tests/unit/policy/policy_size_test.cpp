// The trust-policy size quota (docs/semantics.md#size): the minified policy, white space not counted.
#include <doctest/doctest.h>

#include <string>

#include "policy/model_parts.h"
#include "source/read_tree.h"
#include "trustlint/engine.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;
using namespace trustlint::internal;

namespace {

std::size_t size_of(const std::string& json) {
  auto r = read_json(SourceFile("t.json", json), {});
  REQUIRE(r.ok());
  return policy_size(r.value());
}

}  // namespace

TEST_CASE("policy::policy_size counts the minified policy without white space (docs/semantics.md#size)") {
  CHECK(size_of("{}") == 2);
  CHECK(size_of(R"({"a":"b"})") == 9);
  CHECK(size_of("{ \"a\" :\n\t[ 1 , true , null ] }") == size_of(R"({"a":[1,true,null]})"));
  CHECK(size_of(R"({"a":[1,true,null]})") == 19);
  CHECK(size_of(R"({"a":"b c"})") == 10);         // the space inside the string is white space
  CHECK(size_of(R"({"a":"x\ny"})") == 12);        // a line break is written \n when minified
  CHECK(size_of(R"({"a":"\u0001"})") == 14);      // \u0001
  CHECK(size_of(R"({"a":"\"é\/"})") == 12);       // \" (2), é (1), / (1)
  CHECK(size_of(R"({"a":1.50e3,"b":[]})") == 19);
}

TEST_CASE("policy::build_model reports a policy over the size quota (docs/semantics.md#size)") {
  const std::string policy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":)"
                             R"("arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},)"
                             R"("Action":"sts:AssumeRoleWithWebIdentity","Sid":")" +
                             std::string(2000, 'a') + "\"}]}";
  const std::size_t size = size_of(policy);
  REQUIRE(size > 2048);
  SUBCASE("IAM's default quota") {
    auto r = load_policy_text(policy, "big.json");
    REQUIRE(r.has_value());
    REQUIRE(r.diagnostics().size() == 1);
    const Diagnostic& d = r.diagnostics()[0];
    CHECK(d.code == "TL058");
    CHECK(d.span.line == 1);
    CHECK(d.span.col == 1);
    CHECK(d.message == "the trust policy is 2,196 characters long (not counting white space), over IAM's default quota of "
                       "2,048 characters");
    REQUIRE(d.notes.size() == 2);
    CHECK(d.notes[0].find("Service Quotas (quota code L-C07B4B0D, up to 8,192 characters)") != std::string::npos);
  }
  SUBCASE("a raised quota given with --quota") {
    LoadOptions options;
    options.quota = TrustPolicyQuota{2100, true};
    auto r = load_policy_text(policy, "big.json", options);
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].message.find("over the raised quota of 2,100 characters given with --quota") != std::string::npos);
    options.quota = TrustPolicyQuota{size, true};
    CHECK(load_policy_text(policy, "big.json", options).diagnostics().empty());
  }
  SUBCASE("white space does not count") {
    std::string pretty;
    for (char c : policy) pretty += c == ',' ? std::string(",\n    ") : std::string(1, c);
    CHECK(size_of(pretty) == size);
  }
}

TEST_SUITE_END();
