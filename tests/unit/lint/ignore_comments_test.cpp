// `trustlint:ignore` comments: which lines they cover (after code: their own; on a line of their
// own: the next line that is neither blank nor a comment), their fields, TL096 for malformed
// ones, other comment markers (HCL's `//` and `#`), and expiry/stale when applied.
#include <doctest/doctest.h>

#include <algorithm>

#include "lint/ignore_comments.h"

TEST_SUITE_BEGIN("lint");

namespace {

using namespace trustlint;
using namespace trustlint::internal;

std::vector<InlineSuppression> scan(std::string_view text, Diagnostics& problems,
                                    const std::vector<std::string_view>& markers = {"#"}) {
  return scan_ignore_comments(text, "f.yaml", markers, problems);
}

Finding finding(const std::string& rule, std::uint32_t line) {
  Finding f;
  f.rule = rule;
  f.span.file = "f.yaml";
  f.span.line = f.span.end_line = line;
  f.span.col = 1;
  return f;
}

}  // namespace

TEST_CASE("lint::ignore comment after code covers its own line; alone, the next code line") {
  Diagnostics problems;
  const auto s = scan("a: 1  # trustlint:ignore TL104 -- why\n"
                      "# trustlint:ignore TL101,any-project until=2027-01-31 -- two rules\n"
                      "\n"
                      "# another comment\n"
                      "b: 2\n",
                      problems);
  CHECK(problems.empty());
  REQUIRE(s.size() == 2);
  CHECK(s[0].first_line == 1);
  CHECK(s[0].rules == std::vector<std::string>{"TL104"});
  CHECK(s[0].reason == "why");
  CHECK(s[1].first_line == 5);
  CHECK(s[1].rules == std::vector<std::string>{"TL101", "any-project"});
  CHECK(s[1].until == "2027-01-31");
  CHECK(s[1].reason == "two rules");
  CHECK(s[1].span.line == 2);
}

TEST_CASE("lint::ignore comments without a reason, with an unknown rule or a bad date are TL096") {
  Diagnostics problems;
  const auto s = scan("a: 1 # trustlint:ignore TL104\n"
                      "b: 1 # trustlint:ignore TL999 -- x\n"
                      "c: 1 # trustlint:ignore TL104 until=2027-13-01 -- x\n"
                      "d: 1 # trustlint:ignore -- no rule\n"
                      "e: \"text trustlint:ignore TL104 -- in a value, not a comment\"\n",
                      problems);
  CHECK(s.empty());
  REQUIRE(problems.size() == 4);
  for (const auto& p : problems) CHECK(p.code == "TL096");
  CHECK(problems[0].span.line == 1);
  CHECK(problems[3].span.line == 4);
}

TEST_CASE("lint::ignore comments with HCL's markers") {
  Diagnostics problems;
  const auto s = scan("  // trustlint:ignore TL305 -- hcl line comment\n"
                      "  condition { test = \"StringLike\" }  # trustlint:ignore TL104 -- hash\n",
                      problems, {"#", "//"});
  CHECK(problems.empty());
  REQUIRE(s.size() == 2);
  CHECK(s[0].first_line == 2);
  CHECK(s[1].first_line == 2);
}

TEST_CASE("lint::applied: covered findings suppressed, expired ones reported again, stale ones noted") {
  Diagnostics problems;
  auto s = scan("# trustlint:ignore TL104 -- ok\n"
                "x: 1\n"
                "# trustlint:ignore TL101 until=2020-01-01 -- old\n"
                "y: 1\n"
                "z: 1 # trustlint:ignore TL102 -- nothing here\n",
                problems);
  std::vector<LintReport> reports(1);
  reports[0].file = "f.yaml";
  reports[0].findings = {finding("TL104", 2), finding("TL101", 4), finding("TL104", 4)};
  apply_inline_suppressions(reports, s, problems, "2026-12-06");
  const auto& f = reports[0].findings;
  auto count = [&](const std::string& rule) {
    return std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; });
  };
  CHECK(count("TL098") == 1);
  CHECK(count("TL097") == 1);
  for (const auto& x : f) {
    CAPTURE(x.rule);
    CAPTURE(x.span.line);
    if (x.rule == "TL104" && x.span.line == 2) CHECK((x.suppressed && x.suppression_reason == "ok"));
    if (x.rule == "TL104" && x.span.line == 4) CHECK_FALSE(x.suppressed);  // another line
    if (x.rule == "TL101") {
      CHECK_FALSE(x.suppressed);  // expired
      REQUIRE_FALSE(x.notes.empty());
      CHECK(x.notes.back().find("expired on 2020-01-01") != std::string::npos);
    }
  }
  // not expired yet on an earlier day
  Diagnostics none;
  auto again = scan("# trustlint:ignore TL101 until=2020-01-01 -- old\ny: 1\n", none);
  std::vector<LintReport> early(1);
  early[0].findings = {finding("TL101", 2)};
  apply_inline_suppressions(early, again, none, "2019-12-31");
  CHECK(early[0].findings.size() == 1);
  CHECK(early[0].findings[0].suppressed);
}

TEST_SUITE_END();
