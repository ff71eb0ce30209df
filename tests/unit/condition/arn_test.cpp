// ARN operators (docs/semantics.md#other-operators): six components, each a case-sensitive glob; ArnEquals ≡ ArnLike.
#include <doctest/doctest.h>

#include "condition/arn.h"
#include "unit/condition/condition_test_util.h"

using trustlint::internal::parse_glob;
using trustlint::internal::split_arn;
using trustlint::internal::split_arn_pattern;
using trustlint::test::eval;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kArn = "aws:SourceArn";
bool like(const char* pattern, const char* arn) { return holds("ArnLike", kArn, {pattern}, request({{kArn, arn}})); }
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::arn split on the first five colons (docs/semantics.md#other-operators)") {
  auto parts = split_arn("arn:aws:s3:::bucket/key:with:colons");
  REQUIRE(parts.has_value());
  CHECK((*parts)[0] == "arn");
  CHECK((*parts)[2] == "s3");
  CHECK((*parts)[3] == "");
  CHECK((*parts)[5] == "bucket/key:with:colons");
  CHECK_FALSE(split_arn("arn:aws:s3::bucket").has_value());
  CHECK_FALSE(split_arn("*").has_value());
  auto pattern = split_arn_pattern(parse_glob("arn:aws:iam::*:role/*:x"));
  REQUIRE(pattern.has_value());
  CHECK((*pattern)[4].size() == 1);
  CHECK((*pattern)[5].size() == 3);
}

TEST_CASE("condition::arn each component matched separately: `*` does not cross ':' (docs/semantics.md#other-operators)") {
  CHECK(like("arn:aws:iam::123456789012:role/deploy", "arn:aws:iam::123456789012:role/deploy"));
  CHECK(like("arn:aws:iam::*:role/deploy", "arn:aws:iam::123456789012:role/deploy"));
  CHECK(like("arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/a/b"));
  CHECK(like("arn:aws:iam::123456789012:*", "arn:aws:iam::123456789012:role/x:y"));  // last keeps the rest
  CHECK(like("arn:aws:s3:::*", "arn:aws:s3:::bucket"));
  CHECK(like("arn:aws:iam::12345678901?:role/deploy", "arn:aws:iam::123456789012:role/deploy"));
  CHECK(like("arn:*:iam::*:role/deploy", "arn:aws-us-gov:iam::123456789012:role/deploy"));
  // AWS's ArnLike-vs-StringLike example: in ArnLike, `*` stays inside its component.
  CHECK_FALSE(like("arn:aws:s3:*", "arn:aws:s3:us-east-2:999999999999:store/abc"));
  CHECK(holds("StringLike", kArn, {"arn:aws:s3:*"}, request({{kArn, "arn:aws:s3:us-east-2:999999999999:store/abc"}})));
  CHECK_FALSE(like("arn:aws:iam::*", "arn:aws:iam::123456789012:role/deploy"));  // policy value is no ARN
  CHECK_FALSE(like("arn:aws:iam::*:role/deploy", "arn:aws:iam::123456789012:role/Deploy"));  // case-sensitive
  CHECK_FALSE(like("arn:aws:iam::*:role/deploy", "arn:aws:iam::123456789012:user/deploy"));
}

TEST_CASE("condition::arn ArnEquals ≡ ArnLike; negations are NOR (docs/semantics.md#other-operators, docs/semantics.md#combining-conditions)") {
  const auto r = request({{kArn, "arn:aws:iam::123456789012:role/deploy"}});
  for (const char* op : {"ArnEquals", "ArnLike"}) {
    CHECK(holds(op, kArn, {"arn:aws:iam::*:role/deploy"}, r));
    CHECK(holds(op, kArn, {"arn:aws:iam::1:role/x", "arn:aws:iam::123456789012:role/dep*"}, r));
  }
  for (const char* op : {"ArnNotEquals", "ArnNotLike"}) {
    CHECK_FALSE(holds(op, kArn, {"arn:aws:iam::1:role/x", "arn:aws:iam::*:role/deploy"}, r));
    CHECK(holds(op, kArn, {"arn:aws:iam::1:role/x", "arn:aws:iam::2:role/deploy"}, r));
  }
}

TEST_CASE("condition::arn a request value that is not an ARN matches nothing (docs/semantics.md#other-operators)") {
  const auto r = request({{kArn, "not-an-arn"}});
  CHECK_FALSE(holds("ArnLike", kArn, {"*:*:*:*:*:*"}, r));
  CHECK(holds("ArnNotLike", kArn, {"*:*:*:*:*:*"}, r));
  CHECK(holds("ArnLike", kArn, {"*:*:*:*:*:*"}, request({{kArn, "a:b:c:d:e:f"}})));
}

TEST_CASE("condition::arn a policy value that is not an ARN matches nothing, flagged (docs/semantics.md#other-operators, u)") {
  auto e = eval(make_condition("ArnLike", kArn, {"*"}), request({{kArn, "arn:aws:iam::1:role/x"}}));
  CHECK_FALSE(e.result);
  CHECK(e.unverified);
  CHECK(e.reason.find("not an ARN") != std::string::npos);
}

TEST_SUITE_END();
