// The model build_model produces: what each field holds and where its Span points, for a few
// small example policies.
#include <doctest/doctest.h>

#include <string>

#include "trustlint/engine.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;

namespace {

const char* kVercelPolicy = R"({
  "Version": "2012-10-17",
  "Id": "vercel-web",
  "Statement": [
    {
      "Sid": "VercelWeb",
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"
      },
      "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
      "Condition": {
        "StringEquals": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme"},
        "StringLike": {
          "oidc.vercel.com/acme:SUB": [
            "owner:acme:project:web:environment:production",
            "owner:acme:project:web:environment:preview"
          ]
        },
        "NumericLessThan": {"aws:EpochTime": 18446744073709551616123},
        "Bool": {"aws:SecureTransport": true}
      }
    },
    {
      "Effect": "Deny",
      "Principal": "*",
      "NotAction": "sts:TagSession"
    }
  ]
})";

}  // namespace

TEST_CASE("policy::build_model fills the model of a Vercel trust policy") {
  auto r = load_policy_text(kVercelPolicy, "vercel.json");
  REQUIRE(r.has_value());
  const Document& doc = r.value();
  CHECK(doc.file == "vercel.json");
  REQUIRE(doc.version);
  CHECK(doc.version->text == "2012-10-17");
  CHECK(doc.variables_enabled());
  REQUIRE(doc.id);
  CHECK(doc.id->text == "vercel-web");
  CHECK(doc.statement_array);
  REQUIRE(doc.statements.size() == 2);

  const Statement& s = doc.statements[0];
  CHECK(s.index == 0);
  CHECK(s.label() == "VercelWeb");
  CHECK(s.effect == Effect::allow);
  CHECK(s.effect_span.line == 7);
  CHECK(s.effect_span.col == 17);
  CHECK(s.span.line == 5);
  CHECK(s.span.col == 5);
  CHECK(s.span.end_line == 23);

  REQUIRE(s.principal.present);
  CHECK_FALSE(s.principal.negated);
  REQUIRE(s.principal.entries.size() == 1);
  CHECK(s.principal.entries[0].kind == PrincipalKind::federated);
  CHECK(s.principal.entries[0].value.text == "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme");
  CHECK(s.principal.entries[0].value.span.line == 9);
  CHECK(s.principal.entries[0].value.span.col == 22);

  REQUIRE(s.action.present);
  CHECK_FALSE(s.action.negated);
  REQUIRE(s.action.actions.size() == 2);
  CHECK(s.action.actions[1].text == "sts:TagSession");
  CHECK(s.action.actions[1].span.line == 11);
  CHECK(s.action.actions[1].span.col == 51);
  CHECK_FALSE(s.has_resource);

  CHECK(s.condition_span.line == 12);
  REQUIRE(s.conditions.size() == 4);
  const Condition& aud = s.conditions[0];
  CHECK(aud.op.kind == MatchKind::string_equals);
  CHECK(aud.op_text == "StringEquals");
  CHECK(aud.op_span.line == 13);
  CHECK(aud.op_span.col == 9);
  CHECK(aud.key == "oidc.vercel.com/acme:aud");
  CHECK(aud.key_span.col == 26);
  CHECK_FALSE(aud.values_array);
  REQUIRE(aud.values.size() == 1);
  CHECK(aud.values[0].type == ValueType::string);

  const Condition& sub = s.conditions[1];
  CHECK(sub.op.kind == MatchKind::string_like);
  CHECK(sub.key == "oidc.vercel.com/acme:SUB");
  CHECK(sub.key_folded == "oidc.vercel.com/acme:sub");
  CHECK(sub.values_array);
  CHECK(sub.values_span.line == 15);
  REQUIRE(sub.values.size() == 2);
  // A value inside a condition array points at that value.
  CHECK(sub.values[1].text == "owner:acme:project:web:environment:preview");
  CHECK(sub.values[1].span.line == 17);
  CHECK(sub.values[1].span.col == 13);
  CHECK(sub.values[1].span.end_col == 57);

  const Condition& epoch = s.conditions[2];
  CHECK(epoch.op.kind == MatchKind::numeric_less_than);
  REQUIRE(epoch.values.size() == 1);
  CHECK(epoch.values[0].type == ValueType::number);
  CHECK(epoch.values[0].text == "18446744073709551616123");  // beyond 64 bits, as written

  const Condition& tls = s.conditions[3];
  CHECK(tls.op.kind == MatchKind::bool_equals);
  CHECK(tls.values[0].type == ValueType::boolean);
  CHECK(tls.values[0].text == "true");

  const Statement& deny = doc.statements[1];
  CHECK(deny.index == 1);
  CHECK(deny.label() == "#2");
  CHECK(deny.effect == Effect::deny);
  REQUIRE(deny.principal.entries.size() == 1);
  CHECK(deny.principal.entries[0].kind == PrincipalKind::any);
  CHECK(deny.action.negated);
  CHECK(deny.conditions.empty());

  // The only diagnostic: the wildcard principal.
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].code == "TL042");
  CHECK(r.diagnostics()[0].span.line == 26);
}

TEST_CASE("policy::build_model small example policies") {
  SUBCASE("a single statement object, 2008 version, GitHub OIDC") {
    auto r = load_policy_text(R"({"Version":"2008-10-17","Statement":{"Effect":"Allow",
      "Principal":{"Federated":["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]},
      "Action":"sts:AssumeRoleWithWebIdentity",
      "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:acme/web:*"}}}})",
                              "gh.json");
    REQUIRE(r.ok());
    CHECK_FALSE(r.value().statement_array);
    CHECK_FALSE(r.value().variables_enabled());
    REQUIRE(r.value().statements.size() == 1);
    CHECK(r.value().statements[0].label() == "#1");
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "TL027");
  }
  SUBCASE("Cognito, several principal types, an empty Sid") {
    auto r = load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow",
      "Principal":{"Federated":"cognito-identity.amazonaws.com","AWS":["arn:aws:iam::123456789012:root"],"Service":"ec2.amazonaws.com"},
      "Action":["sts:AssumeRoleWithWebIdentity","sts:AssumeRole"],
      "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:12345678-1234-1234-1234-123456789012"},
                   "ForAnyValue:StringLike":{"cognito-identity.amazonaws.com:amr":"authenticated"}}}]})",
                              "cognito.json");
    REQUIRE(r.ok());
    const Statement& s = r.value().statements[0];
    CHECK(s.label() == "#1");
    REQUIRE(s.principal.entries.size() == 3);
    CHECK(s.principal.entries[1].kind == PrincipalKind::aws);
    CHECK(s.principal.entries[2].kind == PrincipalKind::service);
    CHECK(s.conditions[1].op.qualifier == Qualifier::for_any_value);
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "TL033");
  }
  SUBCASE("a statement with errors still lands in the model") {
    auto r = load_policy_text(R"({"Version":"2012-10-17","Statement":[{"Effect":"allow","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},
      "Action":"sts:AssumeRole","Resource":"*","Condition":{"StringEquals":{"a":"1"},"stringLike":{"b":"2"}}}]})",
                              "bad.json");
    REQUIRE(r.has_value());
    CHECK_FALSE(r.ok());
    const Statement& s = r.value().statements[0];
    CHECK(s.principal.negated);
    CHECK(s.has_resource);
    CHECK(s.resource_span.line == 2);
    CHECK(s.resource_span.col == 33);
    REQUIRE(s.conditions.size() == 1);  // the misspelled operator is left out
    CHECK(s.conditions[0].key == "a");
  }
}

TEST_CASE("policy::load_policy_text input handling") {
  SUBCASE("BOM and CRLF: columns still count from the first character") {
    auto r = load_policy_text("\xEF\xBB\xBF{\r\n  \"Statement\": 1\r\n}", "crlf.json");
    REQUIRE(r.has_value());
    const Diagnostic* d = nullptr;
    for (const auto& x : r.diagnostics()) {
      if (x.code == "TL025") d = &x;
    }
    REQUIRE(d != nullptr);
    CHECK(d->span.line == 2);
    CHECK(d->span.col == 16);
  }
  SUBCASE("too large") {
    LoadOptions options;
    options.limits.max_bytes = 4;
    auto r = load_policy_text("{   }", "big.json", options);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL002");
  }
  SUBCASE("invalid UTF-8 stops before parsing") {
    auto r = load_policy_text("{\"Sid\": \"\xED\xA0\x80\"}", "u.json");
    REQUIRE_FALSE(r.has_value());
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "TL003");
    CHECK(r.diagnostics()[0].span.col == 10);
  }
  SUBCASE("malformed JSON has no value") {
    auto r = load_policy_text("{\"Statement\": [", "m.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL004");
  }
  SUBCASE("a NUL byte") {
    auto r = load_policy_text(std::string("{\"Sid\": \"a\0\"}", 13), "nul.json");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL004");
    CHECK(r.diagnostics()[0].span.col == 11);
  }
  SUBCASE("a 10 MB string") {
    auto r = load_policy_text("{\"Id\": \"" + std::string(10u << 20, 'x') + "\"}", "long.json");
    REQUIRE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL009");
  }
}

TEST_SUITE_END();
