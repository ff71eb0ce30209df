// Bool (docs/semantics.md#other-operators) and Null (docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers): values, presence, qualifiers, TL074.
#include <doctest/doctest.h>

#include "unit/condition/condition_test_util.h"

using trustlint::Request;
using trustlint::test::diagnostics_of;
using trustlint::test::eval;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kKey = "sts:RoleAuthorizedByIdp";
}

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::bool \"true\"/\"false\", case-insensitive (docs/semantics.md#other-operators)") {
  CHECK(holds("Bool", kKey, {"true"}, request({{kKey, "true"}})));
  CHECK(holds("Bool", kKey, {"True"}, request({{kKey, "TRUE"}})));
  CHECK(holds("Bool", kKey, {"false"}, request({{kKey, "false"}})));
  CHECK_FALSE(holds("Bool", kKey, {"true"}, request({{kKey, "false"}})));
  CHECK_FALSE(holds("Bool", kKey, {"true"}, request({{kKey, "yes"}})));  // unreadable: matches nothing
  CHECK_FALSE(holds("Bool", kKey, {"false"}, request({{kKey, "0"}})));
  CHECK(holds("Bool", kKey, {"true", "false"}, request({{kKey, "false"}})));
  CHECK_FALSE(holds("Bool", kKey, {"true"}, Request{}));
  CHECK(holds("BoolIfExists", kKey, {"true"}, Request{}));
  auto c = make_condition("Bool", kKey, {"true"});
  c.values[0].type = trustlint::ValueType::boolean;
  CHECK(eval(c, request({{kKey, "true"}})).result);
}

TEST_CASE("condition::bool values other than true/false are TL074 (docs/semantics.md#other-operators)") {
  auto d = diagnostics_of(make_condition("Bool", kKey, {"yes", "true", "1"}));
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == "TL074");
  CHECK(d[1].code == "TL074");
  CHECK(d[1].span.col == 25);
}

TEST_CASE("condition::null \"true\" holds when the key is absent, \"false\" when present (docs/semantics.md#absent-keys)") {
  const char* sub = "oidc.vercel.com/acme:sub";
  const Request present = request({{sub, "x"}});
  const Request absent;
  CHECK(holds("Null", sub, {"true"}, absent));
  CHECK_FALSE(holds("Null", sub, {"true"}, present));
  CHECK_FALSE(holds("Null", sub, {"false"}, absent));
  CHECK(holds("Null", sub, {"false"}, present));
  CHECK(holds("Null", sub, {"TRUE"}, absent));
  CHECK(holds("Null", sub, {"true", "false"}, present));
  CHECK_FALSE(holds("Null", sub, {}, absent));
  CHECK(holds("Null", sub, {"false"}, request({{sub, ""}})));  // an empty string is a value
  auto e = eval(make_condition("Null", sub, {"true"}), present);
  CHECK(e.reason == "key oidc.vercel.com/acme:sub is present (\"x\"): Null \"true\" does not hold (docs/semantics.md#absent-keys)");
  auto a = eval(make_condition("Null", sub, {"true"}), absent);
  CHECK(a.reason == "key oidc.vercel.com/acme:sub is absent: Null \"true\" holds (docs/semantics.md#absent-keys)");
  // Multi-valued keys: present when they have values; an empty set reads as null (flagged).
  Request multi;
  multi.set_multi("aws:TagKeys", {"a"});
  CHECK(holds("Null", "aws:TagKeys", {"false"}, multi));
  Request empty;
  empty.set_multi("aws:TagKeys", {});
  auto ee = eval(make_condition("Null", "aws:TagKeys", {"true"}), empty);
  CHECK(ee.result);
  CHECK(ee.unverified);
}

TEST_CASE("condition::null with qualifiers: ForAllValues always true, ForAnyValue always false (docs/semantics.md#set-qualifiers)") {
  const char* sub = "oidc.vercel.com/acme:sub";
  for (const Request& r : {Request{}, request({{sub, "x"}})}) {
    for (const char* v : {"true", "false"}) {
      CHECK(holds("ForAllValues:Null", sub, {v}, r));
      CHECK_FALSE(holds("ForAnyValue:Null", sub, {v}, r));
    }
  }
  CHECK(eval(make_condition("ForAllValues:Null", sub, {"true"}), Request{}).reason ==
        "ForAllValues:Null is always true (docs/semantics.md#set-qualifiers)");
}

TEST_CASE("condition::null values other than true/false are TL074 (docs/semantics.md#absent-keys)") {
  auto d = diagnostics_of(make_condition("Null", "aws:x", {"absent"}));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "TL074");
  CHECK(d[0].message.find("Null") != std::string::npos);
}

TEST_CASE("condition::NullIfExists reads IfExists as for every operator: true on an absent key, flagged (docs/semantics.md#absent-keys, docs/semantics.md#condition-block u)") {
  // Found by the differential test (docs/differential.md): the condition used to vanish from the
  // model, so a Deny with NullIfExists {"k": "false"} fired for requests without k.
  const char* key = "aws:SourceVpc";
  const Request present = request({{key, "vpc-1"}});
  const Request absent;
  for (const char* op : {"NullIfExists", "ForAnyValue:NullIfExists", "ForAllValues:NullIfExists"}) {
    for (const char* v : {"true", "false"}) {
      auto e = eval(make_condition(op, key, {v}), absent);
      CHECK(e.result);
      CHECK(e.unverified);
    }
  }
  CHECK(eval(make_condition("NullIfExists", key, {"true"}), absent).reason ==
        "key aws:SourceVpc is absent: NullIfExists is read as IfExists reads every operator, true (docs/semantics.md#absent-keys, unverified)");
  // A present key: Null as usual, and the qualifiers as for Null (docs/semantics.md#set-qualifiers).
  CHECK_FALSE(holds("NullIfExists", key, {"true"}, present));
  CHECK(holds("NullIfExists", key, {"false"}, present));
  CHECK(holds("ForAllValues:NullIfExists", key, {"true"}, present));
  CHECK_FALSE(holds("ForAnyValue:NullIfExists", key, {"false"}, present));
  CHECK_FALSE(eval(make_condition("NullIfExists", key, {"false"}), present).unverified);
}

TEST_SUITE_END();
