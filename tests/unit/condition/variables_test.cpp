// Policy variables (docs/semantics.md#policy-variables): ${key}, defaults, escapes, unresolved values, Version gating (docs/semantics.md#version),
// and the TL075–TL077 diagnostics.
#include <doctest/doctest.h>

#include "condition/variables.h"
#include "unit/condition/condition_test_util.h"

using trustlint::Request;
using trustlint::internal::parse_policy_variables;
using trustlint::internal::TemplatePart;
using trustlint::internal::ValueTemplate;
using trustlint::test::diagnostics_of;
using trustlint::test::eval;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kSub = "oidc.vercel.com/acme:sub";
const char* kAud = "oidc.vercel.com/acme:aud";
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::variables parse ${key}, defaults and escapes (docs/semantics.md#policy-variables)") {
  ValueTemplate t;
  std::string error;
  REQUIRE(parse_policy_variables("owner:${aws:username}:x", t, error));
  REQUIRE(t.parts.size() == 3);
  CHECK(t.parts[1].kind == TemplatePart::Kind::variable);
  CHECK(t.parts[1].text == "aws:username");
  CHECK_FALSE(t.parts[1].has_fallback);

  REQUIRE(parse_policy_variables("${aws:username, 'nobody}, x'}", t, error));
  REQUIRE(t.parts.size() == 1);
  CHECK(t.parts[0].has_fallback);
  CHECK(t.parts[0].fallback == "nobody}, x");

  REQUIRE(parse_policy_variables("a${*}b${?}c${$}d", t, error));
  REQUIRE(t.parts.size() == 7);
  CHECK(t.parts[1].kind == TemplatePart::Kind::escape);
  CHECK(t.parts[1].text == "*");
  CHECK(t.parts[5].text == "$");
  CHECK_FALSE(t.has_variables());

  REQUIRE(parse_policy_variables("no variables $ { } $x", t, error));
  CHECK(t.parts.size() == 1);
}

TEST_CASE("condition::variables malformed variables are TL075 at the value (docs/semantics.md#policy-variables)") {
  const char* bad[] = {"owner:${aws:username", "${}", "${ }", "${aws:username, nobody}", "${aws:username, 'nobody}",
                       "${aws:username, 'x' y}"};
  for (const std::string v : bad) {
    CAPTURE(v);
    for (const char* op : {"StringEquals", "StringLike", "Bool", "ArnLike"}) {
      auto d = diagnostics_of(make_condition(op, kSub, {"true", v}));
      REQUIRE(d.size() == 1);
      CHECK(d[0].code == "TL075");
      CHECK(d[0].severity == trustlint::Severity::error);
      CHECK(d[0].span.col == 18);  // the second value
      CHECK(d[0].message.find(v) != std::string::npos);
    }
  }
  // Under 2008-10-17 the same text is literal: no TL075 (a TL077 warning instead).
  auto d = diagnostics_of(make_condition("StringEquals", kSub, {"${}"}), false);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "TL077");
}

TEST_CASE("condition::variables where the operator does not allow them: TL076 (docs/semantics.md#policy-variables)") {
  struct Row {
    const char* op;
    const char* value;
  };
  const Row rows[] = {{"NumericEquals", "${aws:x}"}, {"DateLessThan", "${aws:CurrentTime}"},
                      {"BinaryEquals", "${aws:x}"},  {"IpAddress", "${aws:SourceIp}"},
                      {"Null", "${aws:x}"},          {"NotIpAddress", "10.0.0.0/${aws:x}"}};
  for (const Row& r : rows) {
    const std::string r_op_str = r.op;
    CAPTURE(r_op_str);
    auto d = diagnostics_of(make_condition(r.op, "aws:x", {r.value}));
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "TL076");
    // Without variables (2008-10-17) it is plain text, which then fails that family's check.
    auto old = diagnostics_of(make_condition(r.op, "aws:x", {r.value}), false);
    REQUIRE(old.size() == 1);
    CHECK(old[0].code != "TL076");
    CHECK(old[0].code.rfind("TL07", 0) == 0);
  }
}

TEST_CASE("condition::variables under 2008-10-17 or no Version are text: TL077 warning (docs/semantics.md#policy-variables, docs/semantics.md#version)") {
  auto c = make_condition("StringLike", kSub, {"owner:${aws:username}:*"});
  auto compiled = trustlint::internal::CompiledCondition::compile(c, false);
  REQUIRE(compiled.ok());  // a warning only
  REQUIRE(compiled.diagnostics().size() == 1);
  CHECK(compiled.diagnostics()[0].code == "TL077");
  CHECK(compiled.diagnostics()[0].severity == trustlint::Severity::warning);
  // The text is literal, and in StringLike its `*` is a wildcard.
  CHECK(holds("StringLike", kSub, {"owner:${aws:username}:*"}, request({{kSub, "owner:${aws:username}:x"}}), false));
  CHECK_FALSE(holds("StringLike", kSub, {"owner:${aws:username}:*"},
                    request({{kSub, "owner:alice:x"}, {"aws:username", "alice"}}), false));
  CHECK(holds("StringLike", kSub, {"a${*}b"}, request({{kSub, "a${anything}b"}}), false));
  CHECK(holds("StringEquals", kSub, {"${*}"}, request({{kSub, "${*}"}}), false));
  // The same under 2012-10-17 substitutes.
  CHECK(holds("StringLike", kSub, {"owner:${aws:username}:*"},
              request({{kSub, "owner:alice:x"}, {"aws:username", "alice"}})));
}

TEST_CASE("condition::variables substitution: key case-insensitive, single-valued only (docs/semantics.md#policy-variables)") {
  const Request r = request({{kSub, "owner:acme:aud:https://vercel.com/acme"}, {kAud, "https://vercel.com/acme"}});
  CHECK(holds("StringEquals", kSub, {"owner:acme:aud:${OIDC.vercel.com/ACME:AUD}"}, r));
  CHECK(holds("StringLike", kSub, {"owner:*:aud:${oidc.vercel.com/acme:aud}"}, r));
  CHECK(holds("StringEqualsIgnoreCase", kSub, {"OWNER:ACME:aud:${oidc.vercel.com/acme:aud}"}, r));
  // A multi-valued key has no value: its fallback applies.
  Request multi = r;
  multi.set_multi("aws:tags", {"a"});
  CHECK(holds("StringEquals", kSub, {"${aws:tags, 'owner:acme:aud:https://vercel.com/acme'}"}, multi));
  CHECK_FALSE(holds("StringEquals", kSub, {"owner:acme:aud:${aws:tags}"}, multi));
}

TEST_CASE("condition::variables defaults apply when the key has no value (docs/semantics.md#policy-variables)") {
  const Request r = request({{kSub, "owner:nobody"}});
  CHECK(holds("StringEquals", kSub, {"owner:${aws:username, 'nobody'}"}, r));
  CHECK_FALSE(holds("StringEquals", kSub, {"owner:${aws:username, 'nobody'}"},
                    request({{kSub, "owner:nobody"}, {"aws:username", "alice"}})));
  CHECK(holds("StringEquals", kSub, {"owner:${aws:username,'nobody'}"}, r));
}

TEST_CASE("condition::variables with no value: positive false, negated true (docs/semantics.md#policy-variables, docs/semantics.md#simulator-differences)") {
  const Request r = request({{kSub, "owner:acme"}});
  auto pos = eval(make_condition("StringEquals", kSub, {"owner:${aws:username}"}), r);
  CHECK_FALSE(pos.result);
  CHECK_FALSE(pos.unverified);
  CHECK(pos.reason.find("policy variable that has no value") != std::string::npos);
  CHECK_FALSE(holds("StringLike", kSub, {"${aws:username}*"}, r));
  // AWS: negated operators match (iam-simulate gets this wrong, docs/semantics.md#simulator-differences).
  auto neg = eval(make_condition("StringNotEquals", kSub, {"owner:${aws:username}"}), r);
  CHECK(neg.result);
  CHECK_FALSE(neg.unverified);
  CHECK(holds("StringNotLike", kSub, {"${aws:username}*"}, r));
  // Among several values the unresolved one still matches nothing, but that reading is flagged.
  auto among = eval(make_condition("StringNotEquals", kSub, {"owner:${aws:username}", "other"}), r);
  CHECK(among.result);
  CHECK(among.unverified);
  auto among_pos = eval(make_condition("StringEquals", kSub, {"owner:${aws:username}", "owner:acme"}), r);
  CHECK(among_pos.result);
  auto among_neg = eval(make_condition("StringNotEquals", kSub, {"owner:${aws:username}", "owner:acme"}), r);
  CHECK_FALSE(among_neg.result);
}

TEST_CASE("condition::variables escapes give the literal character; in StringLike `*` stays literal (docs/semantics.md#policy-variables)") {
  CHECK(holds("StringLike", kSub, {"a${*}b"}, request({{kSub, "a*b"}})));
  CHECK_FALSE(holds("StringLike", kSub, {"a${*}b"}, request({{kSub, "axb"}})));
  CHECK(holds("StringLike", kSub, {"a${?}*"}, request({{kSub, "a?zz"}})));
  CHECK_FALSE(holds("StringLike", kSub, {"a${?}*"}, request({{kSub, "abzz"}})));
  CHECK(holds("StringEquals", kSub, {"${$}{x}"}, request({{kSub, "${x}"}})));
  CHECK(holds("StringNotLike", kSub, {"a${*}b"}, request({{kSub, "axb"}})));
  CHECK(holds("ArnLike", "aws:SourceArn", {"arn:aws:s3:::bucket${*}"}, request({{"aws:SourceArn", "arn:aws:s3:::bucket*"}})));
  CHECK_FALSE(holds("ArnLike", "aws:SourceArn", {"arn:aws:s3:::bucket${*}"}, request({{"aws:SourceArn", "arn:aws:s3:::bucketx"}})));
}

TEST_CASE("condition::variables a substituted value is literal in StringLike; wildcards in it are flagged (docs/semantics.md#policy-variables)") {
  const Request r = request({{kSub, "owner:a*c"}, {"aws:username", "a*c"}});
  auto e = eval(make_condition("StringLike", kSub, {"owner:${aws:username}"}), r);
  CHECK(e.result);
  CHECK(e.unverified);
  CHECK(e.reason.find("substituted") != std::string::npos);
  const Request r2 = request({{kSub, "owner:abbc"}, {"aws:username", "a*c"}});
  CHECK_FALSE(holds("StringLike", kSub, {"owner:${aws:username}"}, r2));
  auto plain = eval(make_condition("StringLike", kSub, {"owner:${aws:username}*"}),
                    request({{kSub, "owner:alice-x"}, {"aws:username", "alice"}}));
  CHECK(plain.result);
  CHECK_FALSE(plain.unverified);
}

TEST_CASE("condition::variables in Bool and Arn operators (docs/semantics.md#policy-variables)") {
  const Request r = request({{"aws:SecureTransport", "true"}, {"aws:flag", "TRUE"}, {"aws:account", "123456789012"},
                             {"aws:SourceArn", "arn:aws:iam::123456789012:role/deploy"}});
  CHECK(holds("Bool", "aws:SecureTransport", {"${aws:flag}"}, r));
  CHECK_FALSE(holds("Bool", "aws:SecureTransport", {"${aws:missing}"}, r));
  CHECK(holds("Bool", "aws:SecureTransport", {"${aws:missing, 'true'}"}, r));
  CHECK_FALSE(holds("Bool", "aws:SecureTransport", {"${aws:account}"}, r));  // not a boolean: matches nothing
  CHECK(holds("ArnEquals", "aws:SourceArn", {"arn:aws:iam::${aws:account}:role/*"}, r));
  CHECK_FALSE(holds("ArnEquals", "aws:SourceArn", {"arn:aws:iam::${aws:missing}:role/*"}, r));
  CHECK(holds("ArnNotEquals", "aws:SourceArn", {"arn:aws:iam::${aws:missing}:role/*"}, r));
}

TEST_SUITE_END();
