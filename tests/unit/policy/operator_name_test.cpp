// parse_operator / operator_name: exactly IAM's operator list, case-sensitive (docs/semantics.md#condition-block), and the
// did-you-mean for names IAM rejects.
#include "policy/operator_name.h"

#include <doctest/doctest.h>

#include "trustlint/policy.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;
using namespace trustlint::internal;

TEST_CASE("policy::parse_operator accepts every IAM operator and round-trips its name (docs/semantics.md#condition-block)") {
  const auto& names = all_operator_names();
  CHECK(names.size() == 159);  // (27 operators + 26 with IfExists) x 3 qualifiers
  for (const auto& name : names) {
    CAPTURE(name);
    auto op = parse_operator(name);
    REQUIRE(op.has_value());
    CHECK(operator_name(*op) == name);
  }
}

TEST_CASE("policy::parse_operator decomposes qualifier, kind, negation and IfExists (docs/semantics.md#absent-keys, docs/semantics.md#string-operators, docs/semantics.md#other-operators, docs/semantics.md#set-qualifiers)") {
  auto a = parse_operator("StringNotLike");
  REQUIRE(a);
  CHECK(a->kind == MatchKind::string_like);
  CHECK(a->negated);
  CHECK_FALSE(a->if_exists);
  CHECK(a->qualifier == Qualifier::none);

  auto b = parse_operator("ForAllValues:StringNotEqualsIgnoreCaseIfExists");
  REQUIRE(b);
  CHECK(b->qualifier == Qualifier::for_all_values);
  CHECK(b->kind == MatchKind::string_equals_ignore_case);
  CHECK(b->negated);
  CHECK(b->if_exists);

  auto c = parse_operator("ArnNotEquals");
  REQUIRE(c);
  CHECK(c->kind == MatchKind::arn_like);
  CHECK(c->negated);
  CHECK(c->arn_equals_spelling);
  CHECK_FALSE(parse_operator("ArnNotLike")->arn_equals_spelling);

  auto d = parse_operator("NotIpAddressIfExists");
  REQUIRE(d);
  CHECK(d->kind == MatchKind::ip_address);
  CHECK(d->negated);
  CHECK(d->if_exists);

  auto e = parse_operator("ForAnyValue:Null");
  REQUIRE(e);
  CHECK(e->kind == MatchKind::null_check);
  CHECK(e->qualifier == Qualifier::for_any_value);

  CHECK(parse_operator("NumericLessThanEquals")->kind == MatchKind::numeric_less_than_equals);
  CHECK(parse_operator("DateGreaterThan")->kind == MatchKind::date_greater_than);
  CHECK(parse_operator("Bool")->kind == MatchKind::bool_equals);
  CHECK(parse_operator("BinaryEqualsIfExists")->kind == MatchKind::binary_equals);
}

TEST_CASE("policy::parse_operator rejects what IAM rejects: wrong case, unknown names, NullIfExists (docs/semantics.md#condition-block)") {
  for (const char* bad : {"stringEquals", "STRINGEQUALS", "Stringequals", "StringEqual", "NullIfExists",
                          "ForAllValues:NullIfExists", "StringEqualsIfExistsIfExists", "ForAnyValue:ForAllValues:StringLike",
                          "forAnyValue:StringLike", "ForAnyValue:", "ForAnyValueStringLike", "", "IfExists",
                          "StringEquals ", " StringEquals", "NumericNotLessThan", "DateNotLessThan", "ArnEqualsIgnoreCase",
                          "IpAddressIfexists", "bool"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_operator(bad).has_value());
  }
}

TEST_CASE("policy::suggest_operator") {
  SUBCASE("wrong case is named as such") {
    auto s = suggest_operator("stringEquals");
    REQUIRE(s);
    CHECK(s->name == "StringEquals");
    CHECK(s->case_only);
    CHECK(suggest_operator("forallvalues:stringlikeifexists")->name == "ForAllValues:StringLikeIfExists");
  }
  SUBCASE("close misspellings") {
    CHECK(suggest_operator("StringEqual")->name == "StringEquals");
    CHECK_FALSE(suggest_operator("StringEqual")->case_only);
    CHECK(suggest_operator("ForAllValue:StringLike")->name == "ForAllValues:StringLike");
    CHECK(suggest_operator("StringLikeIfExist")->name == "StringLikeIfExists");
    CHECK(suggest_operator("IPAddress")->name == "IpAddress");
  }
  SUBCASE("nothing close") {
    CHECK_FALSE(suggest_operator("Frobnicate").has_value());
    CHECK_FALSE(suggest_operator("StringEquals").has_value());  // already right
    CHECK_FALSE(suggest_operator(std::string(5000, 'x')).has_value());
  }
}

TEST_SUITE_END();
