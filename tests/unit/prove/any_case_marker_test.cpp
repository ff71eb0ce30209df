// Policy values that literally start with "(any case) " (the words `who` prints before an
// audience matched in any ASCII case) are ordinary, case-sensitive values: the prover carries the
// any-case flag beside the text (prove/value_set.h Glob), so such a value cannot pose as it.
// who and can must agree on them (every example and nearest-denied entry replayed through can),
// the JSON output must tell the flag from the text, and lint must report what IAM does.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "unit/lint/lint_test_util.h"
#include "prove/value_set.h"
#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"

namespace {

using namespace trustlint;

const std::string kGlobal = "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com";

std::string statement(const std::string& effect, const std::string& conditions) {
  return R"({"Effect": ")" + effect + R"(", "Principal": {"Federated": ")" + kGlobal +
         R"("}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {)" + conditions + "}}";
}

std::string policy(const std::vector<std::string>& statements) {
  std::string out = R"({"Version": "2012-10-17", "Statement": [)";
  for (std::size_t i = 0; i < statements.size(); ++i) out += (i ? ", " : "") + statements[i];
  return out + "]}";
}

struct Proved {
  CompiledPolicy policy;
  AllowedSet set;
};

Proved prove(const std::string& text, bool any_audience) {
  auto doc = load_policy_text(text, "marker.json");
  REQUIRE_MESSAGE(doc.has_value(), text);
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  WhoOptions options;
  options.any_audience = any_audience;
  auto set = allowed_set(compiled.value(), vercel_profile(), options);
  REQUIRE_MESSAGE(set.ok(), text);
  return {std::move(compiled).value(), std::move(set).value()};
}

bool can(const CompiledPolicy& p, const DeploymentFacts& f) {
  auto r = make_request(vercel_profile(), f);
  REQUIRE(r.ok());
  return evaluate(p, r.value()).allowed();
}

DeploymentFacts deployment(const std::string& team, const std::optional<std::string>& aud = std::nullopt) {
  DeploymentFacts f;
  f.issuer = IssuerMode::global;
  f.team = team;
  f.project = "web";
  f.environment = "production";
  f.audience = aud;
  return f;
}

// who's examples are allowed by can, its nearest denied are denied, and on a few probes the
// printed description and can agree.
void replay(const std::string& text, bool any_audience) {
  INFO(text << (any_audience ? " (any audience)" : ""));
  const Proved p = prove(text, any_audience);
  for (const auto& part : p.set.parts) {
    if (part.extra_conditions.empty()) CHECK(can(p.policy, part.example));
    for (const auto& d : part.nearest_denied) CHECK_FALSE(can(p.policy, d));
  }
  std::vector<DeploymentFacts> probes = {deployment("acme"), deployment("beta")};
  if (any_audience) {
    for (const char* aud : {"https://vercel.com/acme", "HTTPS://VERCEL.COM/ACME", "sts.amazonaws.com", "STS.AMAZONAWS.COM"}) {
      probes.push_back(deployment("acme", std::string(aud)));
    }
  }
  for (const auto& f : probes) {
    INFO(f.team << " aud " << f.audience.value_or("(default)"));
    CHECK(can(p.policy, f) == allowed_by_description(p.set, vercel_profile(), f));
  }
}

const std::string kProduction = R"("StringLike": {"oidc.vercel.com:sub": "*:environment:production"})";

}  // namespace

TEST_CASE("a sub value that starts with \"(any case) \" is literal: nobody's team is written that way") {
  const std::string text =
      policy({statement("Allow", R"("StringLike": {"oidc.vercel.com:sub": "owner:(any case) acme:project:*:environment:*"})")});
  for (bool any : {false, true}) {
    const Proved p = prove(text, any);
    CHECK(p.set.empty());
    CHECK_FALSE(can(p.policy, deployment("acme")));
    replay(text, any);
  }
}

TEST_CASE("an audience value that starts with \"(any case) \" is literal, in both audience modes") {
  for (const std::string op : {"StringEquals", "StringLike", "StringEqualsIgnoreCase"}) {
    const std::string aud = R"("oidc.vercel.com:aud": "(any case) https://vercel.com/acme")";
    const std::string text = policy({statement(
        "Allow", op == "StringLike" ? R"("StringLike": {"oidc.vercel.com:sub": "*:environment:production", )" + aud + "}"
                                    : kProduction + R"(, ")" + op + R"(": {)" + aud + "}")});
    for (bool any : {false, true}) {
      const Proved p = prove(text, any);
      CHECK_MESSAGE(p.set.empty(), text);
      replay(text, any);
    }
  }
}

TEST_CASE("a Deny whose values start with \"(any case) \" refuses nobody; the IgnoreCase Deny refuses every case") {
  const std::string allow = statement("Allow", kProduction);
  const std::string literal = policy(
      {allow, statement("Deny", R"("StringEquals": {"oidc.vercel.com:aud": "(any case) https://vercel.com/acme"})")});
  const std::string folded =
      policy({allow, statement("Deny", R"("StringEqualsIgnoreCase": {"oidc.vercel.com:aud": "https://vercel.com/acme"})")});
  for (bool any : {false, true}) {
    replay(literal, any);
    replay(folded, any);
  }
  CHECK(can(prove(literal, true).policy, deployment("acme", std::string("HTTPS://VERCEL.COM/ACME"))));
  CHECK_FALSE(can(prove(folded, true).policy, deployment("acme", std::string("HTTPS://VERCEL.COM/ACME"))));
  const Proved lp = prove(literal, true);
  CHECK(allowed_by_description(lp.set, vercel_profile(), deployment("acme", std::string("HTTPS://VERCEL.COM/ACME"))));
  const Proved fp = prove(folded, true);
  CHECK_FALSE(allowed_by_description(fp.set, vercel_profile(), deployment("acme", std::string("HTTPS://VERCEL.COM/ACME"))));
}

TEST_CASE("a team except that starts with \"(any case) \" excludes nobody") {
  const std::string text = policy({statement(
      "Allow", kProduction + R"(, "StringNotLike": {"oidc.vercel.com:sub": "owner:(any case) acme*"})")});
  for (bool any : {false, true}) {
    const Proved p = prove(text, any);
    CHECK(can(p.policy, deployment("acme")));
    CHECK(allowed_by_description(p.set, vercel_profile(), deployment("acme")));
    replay(text, any);
  }
}

TEST_CASE("who --format json carries the any-case flag in its own lists, never in the text") {
  const std::string folded = policy({statement(
      "Allow", kProduction + R"(, "StringEqualsIgnoreCase": {"oidc.vercel.com:aud": "HTTPS://VERCEL.COM/ACME"})")});
  const Proved p = prove(folded, true);
  REQUIRE(p.set.parts.size() == 1);
  const auto j = nlohmann::json::parse(render_who_json(p.set, WhoQuery{"marker.json", true}));
  const auto& aud = j["allowed"][0]["audience"];
  CHECK(aud["match"] == nlohmann::json::array());
  CHECK(aud["match_any_case"] == nlohmann::json::array({"https://vercel.com/acme"}));
  CHECK_FALSE(aud.contains("except_any_case"));
  CHECK(describe_globs(*p.set.parts[0].audience) == "(any case) https://vercel.com/acme");
  // A plain glob set has no any-case lists at all.
  CHECK_FALSE(j["allowed"][0]["team"].contains("match_any_case"));
}

TEST_CASE("prove::Glob: the any-case flag, not the text, decides how a glob matches") {
  using internal::Glob;
  using internal::matches;
  CHECK(matches(Glob("https://vercel.com/acme", true), "HTTPS://Vercel.com/ACME"));
  CHECK_FALSE(matches(Glob("(any case) acme"), "ACME"));
  CHECK_FALSE(matches(Glob("(any case) acme"), "acme"));
  CHECK(matches(Glob("(any case) acme"), "(any case) acme"));
  CHECK(internal::glob_matches("(any case) a*", "(any case) abc"));
  CHECK_FALSE(internal::glob_matches("(any case) a*", "ABC"));
  // Cache keys tell lists apart exactly, whatever separators their texts hold.
  CHECK(internal::globs_key({Glob("a\x1f" "b")}) != internal::globs_key({Glob("a"), Glob("b")}));
  CHECK(internal::globs_key({Glob("a", true)}) != internal::globs_key({Glob("a")}));
}

TEST_CASE("lint reads values that start with \"(any case) \" as IAM does") {
  using trustlint::testing::describe;
  using trustlint::testing::has_rule;
  using trustlint::testing::lint_policy;
  // Nobody's sub is written this way: nobody can assume the role (TL205), no other-team alarm.
  const auto sub = lint_policy(policy({statement(
      "Allow", R"("StringLike": {"oidc.vercel.com:sub": "owner:(any case) acme:project:*:environment:*"}, )"
               R"("StringEquals": {"oidc.vercel.com:aud": "https://vercel.com/acme"})")}));
  CHECK_MESSAGE(has_rule(sub, "TL205"), describe(sub));
  CHECK_MESSAGE(!has_rule(sub, "TL101"), describe(sub));
  CHECK_MESSAGE(!has_rule(sub, "TL306"), describe(sub));
  // An audience pin written this way admits no deployment either.
  const auto aud = lint_policy(policy({statement(
      "Allow", R"("StringEquals": {"oidc.vercel.com:sub": "owner:acme:project:web:environment:production", )"
               R"("oidc.vercel.com:aud": "(any case) https://vercel.com/acme"})")}));
  CHECK_MESSAGE(has_rule(aud, "TL205"), describe(aud));
}
