// Date operators (docs/semantics.md#other-operators): ISO 8601 dates and date-times, offsets, fractions, epoch seconds; TL071.
#include <doctest/doctest.h>

#include "condition/date.h"
#include "unit/condition/condition_test_util.h"

using trustlint::internal::compare_instant;
using trustlint::internal::parse_date;
using trustlint::test::diagnostics_of;
using trustlint::test::holds;
using trustlint::test::make_condition;
using trustlint::test::request;

namespace {
std::int64_t secs(const char* text) { return parse_date(text)->seconds; }
int cmp(const char* a, const char* b) { return compare_instant(*parse_date(a), *parse_date(b)); }
}  // namespace

TEST_SUITE_BEGIN("condition");

TEST_CASE("condition::date parse ISO 8601 and epoch seconds (docs/semantics.md#other-operators)") {
  CHECK(secs("1970-01-01T00:00:00Z") == 0);
  CHECK(secs("2026-01-01T00:00:00Z") == 1767225600);
  CHECK(secs("2026-01-01") == 1767225600);
  CHECK(secs("2026-01") == 1767225600);
  CHECK(secs("2026-01-01T00:00Z") == 1767225600);
  CHECK(secs("2026-01-01T00:00:00") == 1767225600);  // no zone: UTC (u)
  CHECK(secs("2026-01-01T01:00:00+01:00") == 1767225600);
  CHECK(secs("2025-12-31T19:00:00-0500") == 1767225600);
  CHECK(secs("2026-01-01T05:30:00+05:30") == 1767225600);
  CHECK(secs("2026-01-01T02:00:00+02") == 1767225600);
  CHECK(secs("2025-12-31T24:00:00Z") == 1767225600);
  CHECK(secs("1767225600") == 1767225600);
  CHECK(secs("-86400") == -86400);
  CHECK(secs("1969-12-31T00:00:00Z") == -86400);
  CHECK(secs("2024-02-29T00:00:00Z") == 1709164800);
  CHECK(parse_date("2026-01-01T00:00:00.250Z")->nanos == 250000000);
  CHECK(parse_date("1767225600.5")->nanos == 500000000);
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2025-02-29", "2026-01-01T25:00:00Z",
                          "2026-01-01T24:00:01Z", "2026-01-01T00:60:00Z", "2026-01-01 00:00:00Z",
                          "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00+5", "2026-01-01T00:00:00+05:", "yesterday",
                          "12:00", "1767225600x", "2026-1-1"}) {
    const std::string text = bad;
    CAPTURE(text);
    if (text == "2026") continue;  // all digits: epoch seconds, not a bare year
    CHECK_FALSE(parse_date(bad).has_value());
  }
  CHECK(secs("2026") == 2026);
}

TEST_CASE("condition::date compare instants across zones and fractions (docs/semantics.md#other-operators)") {
  CHECK(cmp("2026-01-01T00:00:00Z", "2026-01-01T01:00:00+01:00") == 0);
  CHECK(cmp("2026-01-01T00:00:00.001Z", "2026-01-01T00:00:00Z") > 0);
  CHECK(cmp("1767225599.999", "2026-01-01T00:00:00Z") < 0);
  CHECK(cmp("-0.5", "0") < 0);
  CHECK(cmp("-0.5", "-1") > 0);
}

TEST_CASE("condition::date every operator: request OP policy (docs/semantics.md#other-operators)") {
  const char* policy = "2026-06-01T00:00:00Z";
  const auto before = request({{"aws:CurrentTime", "2026-05-31T23:59:59Z"}});
  const auto same = request({{"aws:CurrentTime", "2026-06-01T02:00:00+02:00"}});
  const auto after = request({{"aws:CurrentTime", "2026-06-01T00:00:00.5Z"}});
  CHECK(holds("DateEquals", "aws:CurrentTime", {policy}, same));
  CHECK_FALSE(holds("DateEquals", "aws:CurrentTime", {policy}, after));
  CHECK(holds("DateNotEquals", "aws:CurrentTime", {policy}, after));
  CHECK_FALSE(holds("DateNotEquals", "aws:CurrentTime", {policy}, same));
  CHECK(holds("DateLessThan", "aws:CurrentTime", {policy}, before));
  CHECK_FALSE(holds("DateLessThan", "aws:CurrentTime", {policy}, same));
  CHECK(holds("DateLessThanEquals", "aws:CurrentTime", {policy}, same));
  CHECK_FALSE(holds("DateLessThanEquals", "aws:CurrentTime", {policy}, after));
  CHECK(holds("DateGreaterThan", "aws:CurrentTime", {policy}, after));
  CHECK_FALSE(holds("DateGreaterThan", "aws:CurrentTime", {policy}, same));
  CHECK(holds("DateGreaterThanEquals", "aws:CurrentTime", {policy}, same));
  CHECK_FALSE(holds("DateGreaterThanEquals", "aws:CurrentTime", {policy}, before));
  // Epoch request values against ISO policy values (aws:EpochTime).
  CHECK(holds("DateLessThan", "aws:EpochTime", {policy}, request({{"aws:EpochTime", "1780271999"}})));
}

TEST_CASE("condition::date an unreadable request value matches nothing (docs/semantics.md#other-operators)") {
  const auto r = request({{"aws:CurrentTime", "tomorrow"}});
  CHECK_FALSE(holds("DateLessThan", "aws:CurrentTime", {"2026-01-01"}, r));
  CHECK(holds("DateNotEquals", "aws:CurrentTime", {"2026-01-01"}, r));
}

TEST_CASE("condition::date policy values that are not dates are TL071 (docs/semantics.md#other-operators)") {
  auto d = diagnostics_of(make_condition("DateGreaterThan", "aws:CurrentTime", {"2026-02-30", "2026-01-01"}));
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "TL071");
  CHECK(d[0].span.col == 10);
}

TEST_SUITE_END();
