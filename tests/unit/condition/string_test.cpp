// String operators (docs/semantics.md#string-operators): StringEquals, StringEqualsIgnoreCase, StringLike and their negations.
#include <doctest/doctest.h>

#include "unit/condition/condition_test_util.h"

using trustlint::Request;
using trustlint::test::eval;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kSub = "oidc.vercel.com/acme:sub";
const char* kPreview = "owner:acme:project:web:environment:preview";
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::string_equals exact and case-sensitive; * and ? are literal (docs/semantics.md#string-operators)") {
  struct Row {
    const char* policy;
    const char* request;
    bool want;
  };
  const Row rows[] = {
      {kPreview, kPreview, true},
      {kPreview, "owner:acme:project:web:environment:Preview", false},
      {"owner:acme:*", "owner:acme:project", false},
      {"owner:acme:*", "owner:acme:*", true},
      {"a?c", "abc", false},
      {"a?c", "a?c", true},
      {"", "", true},
      {"", "x", false},
      {"caf\xC3\xA9", "caf\xC3\xA9", true},
  };
  for (const Row& r : rows) {
    const std::string r_policy_str = r.policy;
    CAPTURE(r_policy_str);
    const std::string r_request_str = r.request;
    CAPTURE(r_request_str);
    CHECK(holds("StringEquals", kSub, {r.policy}, request({{kSub, r.request}})) == r.want);
    CHECK(holds("StringNotEquals", kSub, {r.policy}, request({{kSub, r.request}})) == !r.want);
  }
}

TEST_CASE("condition::string_equals_ignore_case folds ASCII only and flags non-ASCII (docs/semantics.md#string-operators)") {
  CHECK(holds("StringEqualsIgnoreCase", kSub, {"Owner:ACME"}, request({{kSub, "owner:acme"}})));
  CHECK_FALSE(holds("StringEqualsIgnoreCase", kSub, {"owner:acme"}, request({{kSub, "owner:acm"}})));
  CHECK(holds("StringNotEqualsIgnoreCase", kSub, {"a"}, request({{kSub, "b"}})));
  CHECK_FALSE(holds("StringNotEqualsIgnoreCase", kSub, {"a"}, request({{kSub, "A"}})));
  auto ascii = eval(make_condition("StringEqualsIgnoreCase", kSub, {"ABC"}), request({{kSub, "abc"}}));
  CHECK_FALSE(ascii.unverified);
  // é (C3 A9) vs É (C3 89): not folded, and the verdict says it rests on a (u) point.
  auto e = eval(make_condition("StringEqualsIgnoreCase", kSub, {"caf\xC3\x89"}), request({{kSub, "caf\xC3\xA9"}}));
  CHECK_FALSE(e.result);
  CHECK(e.unverified);
  CHECK(e.reason.find("ASCII-only case folding") != std::string::npos);
}

TEST_CASE("condition::string_like anchored glob: * any run, ? one code point (docs/semantics.md#string-operators)") {
  struct Row {
    const char* policy;
    const char* request;
    bool want;
  };
  const Row rows[] = {
      {"owner:acme:project:*:environment:preview", kPreview, true},
      {"owner:acme:project:*:environment:preview", "owner:acme:project:web:environment:production", false},
      {"owner:acme:*", kPreview, true},                        // * crosses ':'
      {"owner:acme:*", "owner:acme:", true},                   // * matches the empty run (u, docs/semantics.md#string-operators)
      {"owner:acme", kPreview, false},                         // anchored: no partial match
      {"*:preview", kPreview, true},
      {"*acme*", kPreview, true},
      {"owner:acm?:*", kPreview, true},
      {"owner:ac?:*", kPreview, false},
      {"a?b", "a\xC3\xA9" "b", true},                          // ? is one UTF-8 code point
      {"a*b", "a\nb", true},                                   // * crosses newlines (u, docs/semantics.md#string-operators)
      {"*", "", true},
      {"OWNER:*", kPreview, false},                            // case-sensitive
  };
  for (const Row& r : rows) {
    const std::string r_policy_str = r.policy;
    CAPTURE(r_policy_str);
    const std::string r_request_str = r.request;
    CAPTURE(r_request_str);
    CHECK(holds("StringLike", kSub, {r.policy}, request({{kSub, r.request}})) == r.want);
    CHECK(holds("StringNotLike", kSub, {r.policy}, request({{kSub, r.request}})) == !r.want);
  }
}

TEST_CASE("condition::string_like reasons quote the request value and the pattern (docs/semantics.md#string-operators)") {
  auto hit = eval(make_condition("StringLike", kSub, {"owner:acme:project:*:environment:preview"}),
                  request({{kSub, kPreview}}));
  CHECK(hit.reason ==
        "\"owner:acme:project:web:environment:preview\" matched \"owner:acme:project:*:environment:preview\"");
  auto none = eval(make_condition("StringLike", kSub, {"*:production", "*:development"}), request({{kSub, kPreview}}));
  CHECK(none.reason == "\"owner:acme:project:web:environment:preview\" matched none of 2 values");
  auto one = eval(make_condition("StringEquals", kSub, {"x"}), request({{kSub, "y"}}));
  CHECK(one.reason == "\"y\" did not match \"x\"");
  auto neg = eval(make_condition("StringNotLike", kSub, {"*:production", "*:development"}), request({{kSub, kPreview}}));
  CHECK(neg.result);
  CHECK(neg.reason == "negated operator: \"owner:acme:project:web:environment:preview\" matched none of 2 values");
}

TEST_CASE("condition::string_like pathological patterns finish (docs/semantics.md#string-operators)") {
  std::string text(100 * 1024, 'a');
  const Request r = request({{kSub, text}});
  std::string alternating;
  for (int i = 0; i < 1000; ++i) alternating += "*a";
  CHECK(holds("StringLike", kSub, {std::string(1000, '*'), alternating, alternating + "b"}, r));
  CHECK_FALSE(holds("StringLike", kSub, {alternating + "b"}, r));
}

TEST_CASE("condition::string values written as JSON numbers and booleans compare as text (docs/semantics.md#condition-block)") {
  auto c = make_condition("StringEquals", "aws:x", {"123"});
  c.values[0].type = trustlint::ValueType::number;
  CHECK(eval(c, request({{"aws:x", "123"}})).result);
  CHECK_FALSE(eval(c, request({{"aws:x", "123.0"}})).result);
}

TEST_SUITE_END();
