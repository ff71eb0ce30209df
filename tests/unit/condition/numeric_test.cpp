// Numeric operators (docs/semantics.md#other-operators): exact decimal comparison, TL070, unreadable request values.
#include <doctest/doctest.h>

#include "condition/numeric.h"
#include "unit/condition/condition_test_util.h"

using trustlint::internal::compare_decimal;
using trustlint::internal::parse_decimal;
using trustlint::test::diagnostics_of;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
int cmp(const char* a, const char* b) { return compare_decimal(*parse_decimal(a), *parse_decimal(b)); }
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::numeric parse integers and decimals with a sign (docs/semantics.md#other-operators)") {
  for (const char* ok : {"0", "-0", "+7", "10", "007", "1.5", "-2.50", ".5", "5.", "123456789012345678901234567890"}) {
    const std::string text = ok;
    CAPTURE(text);
    CHECK(parse_decimal(ok).has_value());
  }
  for (const char* bad : {"", "+", "-", ".", "1e3", "0x10", "1.2.3", " 1", "1 ", "abc", "--1", "1,5", "NaN", "Infinity"}) {
    const std::string text = bad;
    CAPTURE(text);
    CHECK_FALSE(parse_decimal(bad).has_value());
  }
}

TEST_CASE("condition::numeric compare exactly, without floating point (docs/semantics.md#other-operators)") {
  CHECK(cmp("1", "1.0") == 0);
  CHECK(cmp("-0", "0.000") == 0);
  CHECK(cmp("007", "7") == 0);
  CHECK(cmp("0.1", "0.10000000000000001") < 0);  // equal as doubles
  CHECK(cmp("9007199254740993", "9007199254740992") > 0);
  CHECK(cmp("-1.5", "-1.25") < 0);
  CHECK(cmp("-1", "1") < 0);
  CHECK(cmp("10", "9.99") > 0);
  CHECK(cmp(".5", "0.5") == 0);
}

TEST_CASE("condition::numeric every operator: request OP policy (docs/semantics.md#other-operators)") {
  struct Row {
    const char* op;
    const char* policy;
    const char* request;
    bool want;
  };
  const Row rows[] = {
      {"NumericEquals", "3600", "3600", true},       {"NumericEquals", "3600", "3600.0", true},
      {"NumericEquals", "3600", "3601", false},      {"NumericNotEquals", "3600", "3601", true},
      {"NumericNotEquals", "3600", "3600", false},   {"NumericLessThan", "3600", "3599.9", true},
      {"NumericLessThan", "3600", "3600", false},    {"NumericLessThanEquals", "3600", "3600", true},
      {"NumericLessThanEquals", "3600", "3601", false}, {"NumericGreaterThan", "-1", "0", true},
      {"NumericGreaterThan", "-1", "-1", false},     {"NumericGreaterThanEquals", "-1", "-1", true},
      {"NumericGreaterThanEquals", "-1", "-1.01", false},
  };
  for (const Row& r : rows) {
    const std::string op = r.op, policy = r.policy, req = r.request;
    CAPTURE(op);
    CAPTURE(policy);
    CAPTURE(req);
    CHECK(holds(r.op, "aws:n", {r.policy}, request({{"aws:n", r.request}})) == r.want);
  }
  // OR over values: less than either.
  CHECK(holds("NumericLessThan", "aws:n", {"1", "10"}, request({{"aws:n", "5"}})));
  // NOR: equal to none.
  CHECK_FALSE(holds("NumericNotEquals", "aws:n", {"1", "5"}, request({{"aws:n", "5"}})));
}

TEST_CASE("condition::numeric an unreadable request value matches nothing: positive false, negated true (docs/semantics.md#other-operators)") {
  const auto r = request({{"aws:n", "abc"}});
  CHECK_FALSE(holds("NumericEquals", "aws:n", {"1"}, r));
  CHECK_FALSE(holds("NumericLessThan", "aws:n", {"1"}, r));
  CHECK_FALSE(holds("NumericGreaterThanEquals", "aws:n", {"1"}, r));
  CHECK(holds("NumericNotEquals", "aws:n", {"1"}, r));
}

TEST_CASE("condition::numeric policy values that are not numbers are TL070 at the value (docs/semantics.md#other-operators)") {
  auto d = diagnostics_of(make_condition("NumericLessThan", "aws:n", {"10", "ten", "1e3"}));
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == "TL070");
  CHECK(d[0].message.find("\"ten\"") != std::string::npos);
  CHECK(d[0].span.col == 16);
  CHECK(d[1].code == "TL070");
  auto compiled = trustlint::internal::CompiledCondition::compile(make_condition("NumericEquals", "aws:n", {"x"}), true);
  CHECK_FALSE(compiled.ok());
  CHECK_FALSE(compiled.has_value());
}

TEST_SUITE_END();
