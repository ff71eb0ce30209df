// Findings are decided on the set of deployments, never on the text: policies that admit the
// same deployments get the same findings, however they are written (the loose value first or
// second in an OR-list, one statement or two, ForAnyValue: or plain on a single-valued key),
// and a Deny that removes the loose part removes the finding.
#include <doctest/doctest.h>

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

TEST_SUITE_END();
