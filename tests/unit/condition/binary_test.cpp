// BinaryEquals (docs/semantics.md#other-operators): base64 values compared as decoded bytes; TL073.
#include <doctest/doctest.h>

#include "condition/binary.h"
#include "unit/condition/condition_test_util.h"

using trustlint::internal::decode_base64;
using trustlint::test::diagnostics_of;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::binary decode standard base64 (docs/semantics.md#other-operators)") {
  CHECK(*decode_base64("") == "");
  CHECK(*decode_base64("QQ==") == "A");
  CHECK(*decode_base64("QQ") == "A");
  CHECK(*decode_base64("QUI=") == "AB");
  CHECK(*decode_base64("QUJD") == "ABC");
  CHECK(*decode_base64("QmluYXJ5") == "Binary");
  CHECK(*decode_base64("//8=") == "\xFF\xFF");
  for (const char* bad : {"Q", "QQ=", "QQ===", "Q===", "QQ==QQ==", "QU JD", "QUJD\n", "-_8=", "QUJ*"}) {
    const std::string text = bad;
    CAPTURE(text);
    CHECK_FALSE(decode_base64(bad).has_value());
  }
}

TEST_CASE("condition::binary compare decoded bytes (docs/semantics.md#other-operators)") {
  CHECK(holds("BinaryEquals", "aws:b", {"QmluYXJ5"}, request({{"aws:b", "QmluYXJ5"}})));
  CHECK(holds("BinaryEquals", "aws:b", {"QQ=="}, request({{"aws:b", "QQ"}})));  // same bytes, other text
  CHECK_FALSE(holds("BinaryEquals", "aws:b", {"QQ=="}, request({{"aws:b", "Qg=="}})));
  CHECK_FALSE(holds("BinaryEquals", "aws:b", {"QQ=="}, request({{"aws:b", "A"}})));  // unreadable
  CHECK(holds("BinaryEquals", "aws:b", {"Qg==", "QQ=="}, request({{"aws:b", "QQ=="}})));
}

TEST_CASE("condition::binary policy values that are not base64 are TL073 (docs/semantics.md#other-operators)") {
  auto d = diagnostics_of(make_condition("BinaryEquals", "aws:b", {"not base64!"}));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "TL073");
}

TEST_SUITE_END();
