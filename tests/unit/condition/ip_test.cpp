// IpAddress / NotIpAddress (docs/semantics.md#other-operators): IPv4/IPv6 CIDR, bare addresses, families never mix; TL072.
#include <doctest/doctest.h>

#include "condition/ip.h"
#include "unit/condition/condition_test_util.h"

using trustlint::internal::parse_ip_block;
using trustlint::test::diagnostics_of;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
const char* kIp = "aws:SourceIp";
bool in(const char* block, const char* address) { return holds("IpAddress", kIp, {block}, request({{kIp, address}})); }
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::ip parse addresses and CIDR blocks (docs/semantics.md#other-operators)") {
  for (const char* ok : {"10.0.0.0/8", "203.0.113.7", "0.0.0.0/0", "255.255.255.255/32", "2001:db8::/32", "::",
                         "::1", "::/0", "2001:db8:0:0:0:0:0:1/128", "fe80::1:2", "::ffff:192.0.2.1",
                         "1:2:3:4:5:6:1.2.3.4", "1::", "2001:DB8::"}) {
    const std::string text = ok;
    CAPTURE(text);
    CHECK(parse_ip_block(ok).has_value());
  }
  for (const char* bad : {"", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "1.2.3.4.5",
                          "2001:db8::/129", "2001:db8:::1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
                          "12345::", ":1::", "1:", "fe80::1%eth0", "10.0.0.0/8 ", "localhost", "::1.2.3"}) {
    const std::string text = bad;
    CAPTURE(text);
    CHECK_FALSE(parse_ip_block(bad).has_value());
  }
  CHECK(parse_ip_block("10.1.2.3/8")->prefix == 8);
  CHECK(parse_ip_block("2001:db8::1")->prefix == 128);
  CHECK(parse_ip_block("1.2.3.4")->prefix == 32);
}

TEST_CASE("condition::ip containment (docs/semantics.md#other-operators)") {
  CHECK(in("10.0.0.0/8", "10.255.0.1"));
  CHECK_FALSE(in("10.0.0.0/8", "11.0.0.1"));
  CHECK(in("10.1.2.3/8", "10.9.9.9"));  // host bits in the block are ignored
  CHECK(in("203.0.113.7", "203.0.113.7"));
  CHECK_FALSE(in("203.0.113.7", "203.0.113.8"));
  CHECK(in("192.168.0.0/23", "192.168.1.255"));
  CHECK_FALSE(in("192.168.0.0/23", "192.168.2.0"));
  CHECK(in("0.0.0.0/0", "8.8.8.8"));
  CHECK(in("2001:db8::/32", "2001:db8:ffff::1"));
  CHECK_FALSE(in("2001:db8::/32", "2001:db9::1"));
  CHECK(in("2001:db8::/127", "2001:db8::1"));
  CHECK(in("::/0", "::1"));
}

TEST_CASE("condition::ip IPv4 and IPv6 never match each other (docs/semantics.md#other-operators)") {
  CHECK_FALSE(in("0.0.0.0/0", "::1"));
  CHECK_FALSE(in("::/0", "10.0.0.1"));
  CHECK_FALSE(in("192.0.2.0/24", "::ffff:192.0.2.1"));
  CHECK_FALSE(in("::ffff:192.0.2.0/120", "192.0.2.1"));
  CHECK(in("::ffff:192.0.2.0/120", "::ffff:192.0.2.1"));
}

TEST_CASE("condition::ip NotIpAddress and unreadable request values (docs/semantics.md#combining-conditions, docs/semantics.md#other-operators)") {
  CHECK(holds("NotIpAddress", kIp, {"10.0.0.0/8", "192.168.0.0/16"}, request({{kIp, "8.8.8.8"}})));
  CHECK_FALSE(holds("NotIpAddress", kIp, {"10.0.0.0/8", "192.168.0.0/16"}, request({{kIp, "192.168.3.4"}})));
  CHECK_FALSE(in("10.0.0.0/8", "not-an-ip"));
  CHECK_FALSE(in("10.0.0.0/8", "10.0.0.0/8"));  // a request carries an address, not a block
  CHECK(holds("NotIpAddress", kIp, {"10.0.0.0/8"}, request({{kIp, "garbage"}})));
}

TEST_CASE("condition::ip policy values that are not IPs are TL072 (docs/semantics.md#other-operators)") {
  auto d = diagnostics_of(make_condition("IpAddress", kIp, {"10.0.0.0/8", "10.0.0.0/40", "vpn"}));
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == "TL072");
  CHECK(d[0].message.find("\"10.0.0.0/40\"") != std::string::npos);
  CHECK(d[1].code == "TL072");
}

TEST_SUITE_END();
