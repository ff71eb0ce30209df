// Findings are decided on the set of deployments, never on the text: policies that admit the
// same deployments get the same findings, however they are written (the loose value first or
// second in an OR-list, one statement or two, ForAnyValue: or plain on a single-valued key),
// and a Deny that removes the loose part removes the finding; IgnoreCase on uppercase values vs
// the lowercase values, StringLike without wildcards vs StringEquals, split and merged value
// lists, reordered statements, a Deny that changes nothing, a team allowed whole in two parts.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

namespace {

using namespace trustlint;
using namespace trustlint::testing;

const char* kHead = R"({"Version": "2012-10-17", "Statement": [)";
const char* kTail = "]}";

std::string statement(const std::string& effect, const std::string& condition) {
  return R"({"Effect": ")" + effect +
         R"(", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},
             "Action": "sts:AssumeRoleWithWebIdentity", "Condition": )" +
         condition + "}";
}

std::string policy(const std::vector<std::string>& statements) {
  std::string s = kHead;
  for (std::size_t i = 0; i < statements.size(); ++i) s += (i ? "," : "") + statements[i];
  return s + kTail;
}

const std::string kExact = R"("owner:acme:project:web:environment:production")";
const std::string kLoose = R"("owner:*:project:web:environment:preview")";

// Same rules, same witness decisions (the example chosen may differ: both are replayed).
void check_same(const LintReport& a, const LintReport& b) {
  INFO("first:" << describe(a) << "\nsecond:" << describe(b));
  CHECK(rules_of(a) == rules_of(b));
  std::multiset<std::string> wa, wb;
  for (const auto& f : a.findings) if (f.witness) wa.insert(f.rule + (f.witness->allowed ? " in" : " out"));
  for (const auto& f : b.findings) if (f.witness) wb.insert(f.rule + (f.witness->allowed ? " in" : " out"));
  CHECK(wa == wb);
}

}  // namespace

TEST_CASE("lint::the loose value of an OR-list is found in second place as in first (docs/semantics.md#pattern-loose-or-value)") {
  const auto second = lint_policy(policy({statement("Allow", R"({"StringLike": {"oidc.vercel.com:sub": [)" + kExact + "," + kLoose + "]}}")}));
  const auto first = lint_policy(policy({statement("Allow", R"({"StringLike": {"oidc.vercel.com:sub": [)" + kLoose + "," + kExact + "]}}")}));
  CHECK(has_rule(second, "TL102"));
  check_same(first, second);
}

TEST_CASE("lint::a statement split in two gets the findings of the one statement") {
  const auto one = lint_policy(policy({statement("Allow", R"({"StringLike": {"oidc.vercel.com:sub": [)" + kExact + "," + kLoose + "]}}")}));
  const auto two = lint_policy(policy({statement("Allow", R"({"StringEquals": {"oidc.vercel.com:sub": )" + kExact + "}}"),
                                       statement("Allow", R"({"StringLike": {"oidc.vercel.com:sub": )" + kLoose + "}}")}));
  CHECK(has_rule(two, "TL102"));
  check_same(one, two);
}

TEST_CASE("lint::ForAnyValue: on a single-valued key gets the findings of the plain operator (docs/semantics.md#set-qualifiers)") {
  const std::string sub = R"({"oidc.vercel.com:sub": "owner:acme*:project:web:environment:production"})";
  const auto plain = lint_policy(policy({statement("Allow", R"({"StringLike": )" + sub + "}")}));
  const auto any = lint_policy(policy({statement("Allow", R"({"ForAnyValue:StringLike": )" + sub + "}")}));
  CHECK(has_rule(plain, "TL101"));
  check_same(plain, any);
  // ForAllValues: on a present key is the plain operator too: no TL301 without a missing key.
  const auto all = lint_policy(policy({statement("Allow", R"({"ForAllValues:StringLike": )" + sub + "}")}));
  CHECK_FALSE(has_rule(all, "TL301"));
  CHECK(rules_of(all) == rules_of(plain));
}

TEST_CASE("lint::a Deny that removes the loose part removes the finding (docs/semantics.md#decision-procedure)") {
  const std::string loose_allow =
      statement("Allow", R"({"StringLike": {"oidc.vercel.com:sub": "owner:acme*:project:web:environment:production"}})");
  const std::string deny_other_teams = statement("Deny", R"({"StringNotLike": {"oidc.vercel.com:sub": "owner:acme:*"}})");
  const auto loose = lint_policy(policy({loose_allow}));
  const auto fixed = lint_policy(policy({loose_allow, deny_other_teams}));
  const auto exact = lint_policy(policy({statement("Allow", R"({"StringEquals": {"oidc.vercel.com:sub": )" + kExact + "}}")}));
  CHECK(has_rule(loose, "TL101"));
  CHECK_FALSE(has_rule(fixed, "TL101"));
  // The Deny leaves exactly acme/web/production, as the exact policy does: same findings.
  check_same(fixed, exact);
}

TEST_CASE("lint::the same meaning in team issuer form: no sub condition vs owner:acme:*") {
  const auto k = [](const std::string& condition) {
    return std::string(kHead) +
           R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
               "Action": "sts:AssumeRoleWithWebIdentity")" +
           (condition.empty() ? "" : ", \"Condition\": " + condition) + "}" + kTail;
  };
  const auto none = lint_policy(k(""));
  const auto team_only = lint_policy(k(R"({"StringLike": {"oidc.vercel.com/acme:sub": "owner:acme:*"}})"));
  CHECK(has_rule(none, "TL306"));
  check_same(none, team_only);
}

namespace {

const char* kTeamArn = "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme";
const char* kGlobalArn = "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com";

std::string on(const char* arn, const std::string& effect, const std::string& condition) {
  return R"({"Effect": ")" + effect + R"(", "Principal": {"Federated": ")" + arn +
         R"("}, "Action": "sts:AssumeRoleWithWebIdentity")" +
         (condition.empty() ? "" : ", \"Condition\": " + condition) + "}";
}

// Same findings, except the notes about how a value is written (TL202: StringLike without a
// wildcard), which are about the text, not about who gets in.
void check_same_meaning(const LintReport& a, const LintReport& b) {
  LintReport x = a, y = b;
  for (LintReport* r : {&x, &y}) {
    r->findings.erase(std::remove_if(r->findings.begin(), r->findings.end(),
                                     [](const Finding& f) { return f.rule == "TL202"; }),
                      r->findings.end());
  }
  check_same(x, y);
}

const std::string kProd = "owner:acme:project:web:environment:production";
const std::string kPreview = "owner:acme:project:web:environment:preview";

}  // namespace

TEST_CASE("lint::IgnoreCase on uppercase values gets the findings of StringEquals on the lowercase ones") {
  // issue 11, item 5: the IgnoreCase twin got TL101/TL104 false alarms. Both admit exactly
  // acme/web/production and preview (global issuer, aud pinned).
  const auto lower = lint_policy(policy({on(kGlobalArn, "Allow",
      R"({"StringEquals": {"oidc.vercel.com:aud": "https://vercel.com/acme", "oidc.vercel.com:sub": [")" + kProd + R"(", ")" + kPreview + R"("]}})")}));
  const auto upper = lint_policy(policy({on(kGlobalArn, "Allow",
      R"({"StringEquals": {"oidc.vercel.com:aud": "https://vercel.com/acme"}, "StringEqualsIgnoreCase": {"oidc.vercel.com:sub": ["OWNER:ACME:PROJECT:WEB:ENVIRONMENT:PRODUCTION", "OWNER:ACME:PROJECT:WEB:ENVIRONMENT:PREVIEW"]}})")}));
  CHECK_FALSE(has_rule(lower, "TL101"));
  check_same_meaning(lower, upper);
}

TEST_CASE("lint::IgnoreCase on an uppercase aud gets the findings of the lowercase pin") {
  const std::string sub = R"("oidc.vercel.com/acme:sub": ")" + kProd + R"(")";
  const auto lower = lint_policy(policy({on(kTeamArn, "Allow",
      R"({"StringEquals": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme", )" + sub + "}}")}));
  const auto upper = lint_policy(policy({on(kTeamArn, "Allow",
      R"({"StringEquals": {)" + sub + R"(}, "StringEqualsIgnoreCase": {"oidc.vercel.com/acme:aud": "HTTPS://VERCEL.COM/ACME"}})")}));
  CHECK_FALSE(has_rule(lower, "TL305"));
  check_same_meaning(lower, upper);
}

TEST_CASE("lint::StringLike without a wildcard gets the findings of StringEquals (apart from TL202)") {
  const auto equals = lint_policy(policy({on(kTeamArn, "Allow", R"({"StringEquals": {"oidc.vercel.com/acme:sub": ")" + kProd + R"("}})")}));
  const auto like = lint_policy(policy({on(kTeamArn, "Allow", R"({"StringLike": {"oidc.vercel.com/acme:sub": ")" + kProd + R"("}})")}));
  CHECK(has_rule(equals, "TL305"));
  CHECK(has_rule(like, "TL202"));
  check_same_meaning(equals, like);
}

TEST_CASE("lint::one value list, or the same values split over two conditions' statements, or merged") {
  const auto merged = lint_policy(policy({on(kTeamArn, "Allow",
      R"({"StringLike": {"oidc.vercel.com/acme:sub": [")" + kProd + R"(", "owner:acme:project:api:*"]}})")}));
  const auto split = lint_policy(policy({on(kTeamArn, "Allow", R"({"StringLike": {"oidc.vercel.com/acme:sub": ")" + kProd + R"("}})"),
                                         on(kTeamArn, "Allow", R"({"StringLike": {"oidc.vercel.com/acme:sub": "owner:acme:project:api:*"}})")}));
  CHECK(has_rule(merged, "TL103"));
  check_same_meaning(merged, split);
}

TEST_CASE("lint::statements in another order get the same findings") {
  const std::string allow = on(kGlobalArn, "Allow", R"({"StringLike": {"oidc.vercel.com:sub": "owner:acme*:project:web:*"}})");
  const std::string deny = on(kGlobalArn, "Deny", R"({"StringLike": {"oidc.vercel.com:sub": "*:environment:development"}})");
  const auto first = lint_policy(policy({allow, deny}));
  const auto second = lint_policy(policy({deny, allow}));
  CHECK(has_rule(first, "TL101"));
  check_same(first, second);
}

TEST_CASE("lint::a Deny that changes nothing adds no finding") {
  const std::string allow = on(kTeamArn, "Allow",
      R"({"StringEquals": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme", "oidc.vercel.com/acme:sub": ")" + kProd + R"("}})");
  // Refuses only development deployments, which the Allow never admits: defence in depth.
  const std::string deny = on(kTeamArn, "Deny", R"({"StringLike": {"oidc.vercel.com/acme:sub": "*:environment:development"}})");
  const auto alone = lint_policy(policy({allow}));
  const auto with_deny = lint_policy(policy({allow, deny}));
  check_same(alone, with_deny);
}

TEST_CASE("lint::every deployment of the team, in one statement or split by environment (TL306)") {
  const auto one = lint_policy(policy({on(kTeamArn, "Allow", "")}));
  const auto split = lint_policy(policy({on(kTeamArn, "Allow", R"({"StringLike": {"oidc.vercel.com/acme:sub": "*:environment:production"}})"),
                                         on(kTeamArn, "Allow", R"({"StringNotLike": {"oidc.vercel.com/acme:sub": "*:environment:production"}})")}));
  CHECK(has_rule(one, "TL306"));
  check_same(one, split);
}

TEST_SUITE_END();
