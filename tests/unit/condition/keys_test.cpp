// The set logic every family shares: absent keys (docs/semantics.md#absent-keys), IfExists, ForAnyValue/ForAllValues,
// multi-valued keys and empty value arrays (docs/semantics.md#set-qualifiers), NOR for negated operators (docs/semantics.md#combining-conditions).
#include <doctest/doctest.h>

#include "unit/condition/condition_test_util.h"

using trustlint::Request;
using trustlint::test::eval;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {

struct Family {
  const char* op;        // base operator name
  bool negated;
  const char* value;     // a valid policy value
  const char* matching;  // a request value the positive base matches
  const char* other;     // a request value it does not match
};

const Family kFamilies[] = {
    {"StringEquals", false, "a", "a", "b"},
    {"StringNotEquals", true, "a", "a", "b"},
    {"StringEqualsIgnoreCase", false, "a", "A", "b"},
    {"StringNotEqualsIgnoreCase", true, "a", "A", "b"},
    {"StringLike", false, "a*", "ab", "b"},
    {"StringNotLike", true, "a*", "ab", "b"},
    {"NumericEquals", false, "1", "1.0", "2"},
    {"NumericNotEquals", true, "1", "1.0", "2"},
    {"NumericLessThan", false, "1", "0", "1"},
    {"NumericLessThanEquals", false, "1", "1", "2"},
    {"NumericGreaterThan", false, "1", "2", "1"},
    {"NumericGreaterThanEquals", false, "1", "1", "0"},
    {"DateEquals", false, "2026-01-01T00:00:00Z", "2026-01-01", "2026-01-02"},
    {"DateNotEquals", true, "2026-01-01T00:00:00Z", "2026-01-01", "2026-01-02"},
    {"DateLessThan", false, "2026-01-01T00:00:00Z", "2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z"},
    {"DateLessThanEquals", false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z"},
    {"DateGreaterThan", false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:00Z"},
    {"DateGreaterThanEquals", false, "2026-01-01T00:00:00Z", "1767225600", "1767225599"},
    {"Bool", false, "true", "TRUE", "false"},
    {"BinaryEquals", false, "QQ==", "QQ==", "Qg=="},
    {"IpAddress", false, "10.0.0.0/8", "10.1.2.3", "11.0.0.1"},
    {"NotIpAddress", true, "10.0.0.0/8", "10.1.2.3", "11.0.0.1"},
    {"ArnEquals", false, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x", "arn:aws:iam::1:role/y"},
    {"ArnLike", false, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x", "arn:aws:iam::1:role/y"},
    {"ArnNotEquals", true, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x", "arn:aws:iam::1:role/y"},
    {"ArnNotLike", true, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x", "arn:aws:iam::1:role/y"},
};

const char* kKey = "oidc.vercel.com/acme:sub";

}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::keys absent key table for every operator (docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers)") {
  const Request absent = request({{"aws:SourceIp", "10.0.0.1"}});
  for (const Family& f : kFamilies) {
    const std::string f_op_str = f.op;
    CAPTURE(f_op_str);
    const std::string op = f.op;
    // plain: positive false, negated true
    auto plain = eval(make_condition(op, kKey, {f.value}), absent);
    CHECK(plain.result == f.negated);
    CHECK_FALSE(plain.unverified);
    CHECK(plain.reason.find("is absent") != std::string::npos);
    // IfExists: true
    CHECK(holds(op + "IfExists", kKey, {f.value}, absent));
    // ForAllValues: true, negated too; with IfExists too
    CHECK(holds("ForAllValues:" + op, kKey, {f.value}, absent));
    CHECK(holds("ForAllValues:" + op + "IfExists", kKey, {f.value}, absent));
    // ForAnyValue: false
    auto any = eval(make_condition("ForAnyValue:" + op, kKey, {f.value}), absent);
    CHECK_FALSE(any.result);
    CHECK_FALSE(any.unverified);
    // ForAnyValue + IfExists: true, flagged (docs/semantics.md#set-qualifiers u; SIM says false, docs/semantics.md#simulator-differences)
    auto any_if = eval(make_condition("ForAnyValue:" + op + "IfExists", kKey, {f.value}), absent);
    CHECK(any_if.result);
    CHECK(any_if.unverified);
  }
}

TEST_CASE("condition::keys present single value: the base operator, OR / NOR over values (docs/semantics.md#combining-conditions, docs/semantics.md#absent-keys)") {
  for (const Family& f : kFamilies) {
    const std::string f_op_str = f.op;
    CAPTURE(f_op_str);
    const std::string op = f.op;
    const Request hit = request({{kKey, f.matching}});
    const Request miss = request({{kKey, f.other}});
    CHECK(holds(op, kKey, {f.value}, hit) == !f.negated);
    CHECK(holds(op, kKey, {f.value}, miss) == f.negated);
    CHECK(holds(op + "IfExists", kKey, {f.value}, hit) == !f.negated);
    CHECK(holds(op + "IfExists", kKey, {f.value}, miss) == f.negated);
    // A second value that the request matches: OR makes a positive true, NOR a negated false.
    CHECK(holds(op, kKey, {f.value, f.value}, miss) == f.negated);
  }
}

TEST_CASE("condition::keys negated operators over several values are a NOR (docs/semantics.md#combining-conditions)") {
  const Request r = request({{kKey, "owner:acme:project:web:environment:development"}});
  auto c = make_condition("StringNotLike", kKey, {"*:preview", "*:development"});
  auto e = eval(c, r);
  CHECK_FALSE(e.result);
  CHECK(e.reason == "negated operator: \"owner:acme:project:web:environment:development\" matched \"*:development\"");
  CHECK(holds("StringNotLike", kKey, {"*:preview", "*:production"}, r));
}

TEST_CASE("condition::keys qualifiers on a single-valued present key act as the base operator, flagged (docs/semantics.md#set-qualifiers)") {
  for (const Family& f : kFamilies) {
    const std::string f_op_str = f.op;
    CAPTURE(f_op_str);
    const std::string op = f.op;
    for (const char* q : {"ForAllValues:", "ForAnyValue:"}) {
      const std::string q_str = q;
      CAPTURE(q_str);
      auto hit = eval(make_condition(q + op, kKey, {f.value}), request({{kKey, f.matching}}));
      CHECK(hit.result == !f.negated);
      CHECK(hit.unverified);
      CHECK(hit.reason.find("single-valued") != std::string::npos);
      auto miss = eval(make_condition(q + op, kKey, {f.value}), request({{kKey, f.other}}));
      CHECK(miss.result == f.negated);
      CHECK(miss.unverified);
    }
  }
}

TEST_CASE("condition::keys plain operator on a multi-valued key is false, flagged (docs/semantics.md#set-qualifiers)") {
  for (const Family& f : kFamilies) {
    const std::string f_op_str = f.op;
    CAPTURE(f_op_str);
    Request r;
    r.set_multi(kKey, {f.matching});
    auto e = eval(make_condition(f.op, kKey, {f.value}), r);
    CHECK_FALSE(e.result);
    CHECK(e.unverified);
    CHECK(e.reason.find("multi-valued") != std::string::npos);
    CHECK_FALSE(eval(make_condition(std::string(f.op) + "IfExists", kKey, {f.value}), r).result);
  }
}

TEST_CASE("condition::keys ForAllValues / ForAnyValue over a multi-valued key (docs/semantics.md#set-qualifiers)") {
  const char* amr = "oidc.vercel.com/acme:amr";
  Request r;
  r.set_multi(amr, {"pwd", "mfa"});
  SUBCASE("positive base") {
    CHECK(holds("ForAllValues:StringEquals", amr, {"pwd", "mfa", "otp"}, r));
    CHECK_FALSE(holds("ForAllValues:StringEquals", amr, {"pwd"}, r));
    CHECK(holds("ForAnyValue:StringEquals", amr, {"mfa"}, r));
    CHECK_FALSE(holds("ForAnyValue:StringEquals", amr, {"otp"}, r));
    auto e = eval(make_condition("ForAllValues:StringEquals", amr, {"pwd", "mfa"}), r);
    CHECK_FALSE(e.unverified);  // a multi-valued key is what qualifiers are for
  }
  SUBCASE("negated base: per request value, matches none of the policy values (docs/semantics.md#set-qualifiers)") {
    // ForAllValues:StringNotLike: every request value avoids every pattern.
    CHECK(holds("ForAllValues:StringNotLike", amr, {"otp*"}, r));
    CHECK_FALSE(holds("ForAllValues:StringNotLike", amr, {"m*"}, r));
    // ForAnyValue:StringNotEquals: some request value equals none of the values.
    CHECK(holds("ForAnyValue:StringNotEquals", amr, {"pwd"}, r));
    CHECK_FALSE(holds("ForAnyValue:StringNotEquals", amr, {"pwd", "mfa"}, r));
  }
  SUBCASE("an empty set reads as absent (docs/semantics.md#set-qualifiers)") {
    Request empty;
    empty.set_multi(amr, {});
    CHECK(holds("ForAllValues:StringEquals", amr, {"pwd"}, empty));
    CHECK(holds("ForAllValues:StringNotEquals", amr, {"pwd"}, empty));
    CHECK_FALSE(holds("ForAnyValue:StringEquals", amr, {"pwd"}, empty));
    CHECK(holds("ForAnyValue:StringEqualsIfExists", amr, {"pwd"}, empty));
    auto e = eval(make_condition("ForAllValues:StringEquals", amr, {"pwd"}), empty);
    CHECK(e.reason == "key oidc.vercel.com/acme:amr has no values: ForAllValues is true (docs/semantics.md#set-qualifiers)");
  }
}

TEST_CASE("condition::keys empty value arrays (docs/semantics.md#set-qualifiers last bullet)") {
  const Request present = request({{kKey, "x"}});
  const Request absent;
  // ForAllValues:X {k: []}: matches only when k is absent.
  CHECK(holds("ForAllValues:StringEquals", kKey, {}, absent));
  CHECK_FALSE(holds("ForAllValues:StringEquals", kKey, {}, present));
  // ForAnyValue:X {k: []}: never matches.
  CHECK_FALSE(holds("ForAnyValue:StringEquals", kKey, {}, absent));
  CHECK_FALSE(holds("ForAnyValue:StringEquals", kKey, {}, present));
  // XIfExists {k: []}: matches only when absent.
  CHECK(holds("StringEqualsIfExists", kKey, {}, absent));
  CHECK_FALSE(holds("StringEqualsIfExists", kKey, {}, present));
  // plain positive {k: []}: never matches.
  CHECK_FALSE(holds("StringEquals", kKey, {}, absent));
  CHECK_FALSE(holds("StringLike", kKey, {}, present));
  // negated with []: NOR of nothing is true, flagged (u).
  auto e = eval(make_condition("StringNotEquals", kKey, {}), present);
  CHECK(e.result);
  CHECK(e.unverified);
  CHECK(holds("StringNotEquals", kKey, {}, absent));
  CHECK_FALSE(eval(make_condition("StringNotEquals", kKey, {}), absent).unverified);
}

TEST_CASE("condition::keys key names are case-insensitive (docs/semantics.md#condition-block)") {
  const Request r = request({{"OIDC.Vercel.com/acme:SUB", "x"}});
  CHECK(holds("StringEquals", "oidc.vercel.com/acme:sub", {"x"}, r));
  CHECK(holds("StringEquals", "oidc.vercel.com/ACME:sub", {"x"}, r));
  CHECK_FALSE(holds("StringEquals", "oidc.vercel.com/acme:sub", {"X"}, r));  // values are not
}

TEST_CASE("condition::keys absent-key reasons name the rule (docs/semantics.md#absent-keys)") {
  const Request r;
  CHECK(eval(make_condition("StringLike", kKey, {"a*"}), r).reason ==
        "key oidc.vercel.com/acme:sub is absent: a positive operator is false (docs/semantics.md#absent-keys)");
  CHECK(eval(make_condition("StringNotLike", kKey, {"a*"}), r).reason ==
        "key oidc.vercel.com/acme:sub is absent: a negated operator is true (docs/semantics.md#absent-keys)");
  CHECK(eval(make_condition("StringLikeIfExists", kKey, {"a*"}), r).reason ==
        "key oidc.vercel.com/acme:sub is absent: an IfExists operator is true (docs/semantics.md#absent-keys)");
  CHECK(eval(make_condition("ForAnyValue:StringLike", kKey, {"a*"}), r).reason ==
        "key oidc.vercel.com/acme:sub is absent: ForAnyValue is false (docs/semantics.md#set-qualifiers)");
}

TEST_SUITE_END();
