// CompiledCondition as a whole: verdict fields, trace sentences for every rule (docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers),
// diagnostics riding along, and evaluate_fast() agreeing with evaluate() on random inputs.
#include <doctest/doctest.h>

#include <random>

#include "unit/condition/condition_test_util.h"

using trustlint::Request;
using trustlint::internal::CompiledCondition;
using trustlint::test::eval;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kSub = "oidc.vercel.com/acme:sub";
}

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::compiled_condition verdict fields (docs/semantics.md#absent-keys)") {
  auto compiled = CompiledCondition::compile(make_condition("StringLike", kSub, {"owner:acme:*"}), true);
  REQUIRE(compiled.ok());
  CHECK(compiled->condition().key == kSub);
  CHECK(compiled->condition().values.size() == 1);
  auto v = compiled->evaluate(request({{kSub, "owner:acme:x"}}));
  CHECK(v.result);
  CHECK(v.key_present);
  REQUIRE(v.request_values.size() == 1);
  CHECK(v.request_values[0] == "owner:acme:x");
  CHECK_FALSE(v.unverified);
  auto absent = compiled->evaluate(Request{});
  CHECK_FALSE(absent.result);
  CHECK_FALSE(absent.key_present);
  CHECK(absent.request_values.empty());
}

TEST_CASE("condition::compiled_condition trace sentences for qualifiers (docs/semantics.md#set-qualifiers)") {
  const char* amr = "oidc.vercel.com/acme:amr";
  Request r;
  r.set_multi(amr, {"pwd", "mfa"});
  CHECK(eval(make_condition("ForAllValues:StringEquals", amr, {"pwd", "mfa"}), r).reason ==
        "ForAllValues: every request value (\"pwd\", \"mfa\") matched a policy value");
  CHECK(eval(make_condition("ForAllValues:StringEquals", amr, {"pwd"}), r).reason ==
        "ForAllValues: \"mfa\" did not match \"pwd\"");
  CHECK(eval(make_condition("ForAllValues:StringNotEquals", amr, {"mfa"}), r).reason ==
        "ForAllValues: negated operator: \"mfa\" matched \"mfa\"");
  CHECK(eval(make_condition("ForAnyValue:StringEquals", amr, {"otp", "mfa"}), r).reason ==
        "ForAnyValue: \"mfa\" matched \"mfa\"");
  CHECK(eval(make_condition("ForAnyValue:StringEquals", amr, {"otp"}), r).reason ==
        "ForAnyValue: no request value (\"pwd\", \"mfa\") matched a policy value");
  CHECK(eval(make_condition("ForAnyValue:StringNotEquals", amr, {"pwd", "mfa"}), r).reason ==
        "ForAnyValue: no request value (\"pwd\", \"mfa\") escaped every policy value");
  CHECK(eval(make_condition("StringEquals", amr, {"pwd"}), r).reason ==
        "key oidc.vercel.com/acme:amr is multi-valued (\"pwd\", \"mfa\"): an operator without "
        "ForAnyValue/ForAllValues is false (docs/semantics.md#set-qualifiers, unverified)");
  CHECK(eval(make_condition("ForAnyValue:StringEqualsIfExists", amr, {"x"}), Request{}).reason ==
        "key oidc.vercel.com/acme:amr is absent: ForAnyValue with IfExists is read as true (docs/semantics.md#set-qualifiers, unverified)");
}

TEST_CASE("condition::compiled_condition trace quotes control characters and cuts long values (docs/semantics.md#string-operators)") {
  auto e = eval(make_condition("StringEquals", kSub, {"a\"b"}), request({{kSub, "a\nb"}}));
  CHECK(e.reason == "\"a\\nb\" did not match \"a\\\"b\"");
  auto long_value = eval(make_condition("StringEquals", kSub, {"x"}), request({{kSub, std::string(500, 'y')}}));
  CHECK(long_value.reason.size() < 220);
}

TEST_CASE("condition::compiled_condition warnings ride along with a compiled condition (docs/semantics.md#policy-variables)") {
  auto compiled = CompiledCondition::compile(make_condition("StringEquals", kSub, {"${aws:username}"}), false);
  REQUIRE(compiled.ok());
  REQUIRE(compiled.diagnostics().size() == 1);
  CHECK(compiled.diagnostics()[0].code == "TL077");
  CHECK(compiled.diagnostics()[0].span.line == 7);
}

TEST_CASE("condition::compiled_condition errors are collected for every bad value (docs/semantics.md#other-operators)") {
  auto compiled = CompiledCondition::compile(make_condition("NumericEquals", "aws:n", {"a", "1", "b", "${x}"}), true);
  CHECK_FALSE(compiled.ok());
  REQUIRE(compiled.diagnostics().size() == 3);
  CHECK(compiled.diagnostics()[0].code == "TL070");
  CHECK(compiled.diagnostics()[1].code == "TL070");
  CHECK(compiled.diagnostics()[2].code == "TL076");
}

TEST_CASE("condition::compiled_condition evaluate_fast agrees with evaluate on random conditions (docs/semantics.md#combining-conditions, docs/semantics.md#absent-keys, docs/semantics.md#string-operators, docs/semantics.md#other-operators, docs/semantics.md#set-qualifiers, docs/semantics.md#unknown-operators-and-keys, docs/semantics.md#policy-variables)") {
  std::mt19937 rng(7);
  const char* ops[] = {"StringEquals", "StringNotEquals", "StringLike", "StringNotLike", "StringEqualsIgnoreCase",
                       "StringNotEqualsIgnoreCase"};
  const char* qualifiers[] = {"", "ForAllValues:", "ForAnyValue:"};
  const char* atoms[] = {"a", "A", "*", "?", ":", "${k}", "${k, 'a'}", "${*}"};
  auto random_text = [&](bool policy) {
    std::string s;
    const int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) s += policy ? atoms[rng() % 8] : atoms[rng() % 3];
    return s;
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::string op = std::string(qualifiers[rng() % 3]) + ops[rng() % 6];
    if (rng() % 4 == 0) op += "IfExists";
    std::vector<std::string> values;
    const int nv = static_cast<int>(rng() % 3);
    for (int i = 0; i < nv; ++i) values.push_back(random_text(true));
    Request r;
    switch (rng() % 4) {
      case 0: break;
      case 1: r.set(kSub, random_text(false)); break;
      case 2: r.set_multi(kSub, {random_text(false), random_text(false)}); break;
      default: r.set_multi(kSub, {}); break;
    }
    if (rng() % 2) r.set("k", random_text(false));
    CAPTURE(op);
    eval(make_condition(op, kSub, values), r, rng() % 2 == 0);  // CHECKs fast == full inside
  }
}

TEST_SUITE_END();
