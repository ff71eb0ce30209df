// The Markdown summary: escaping of table cells and inline code (pipes, backticks, emphasis),
// counts, suppressed rows, and a who matrix per policy.
#include <doctest/doctest.h>

#include "report/markdown.h"
#include "trustlint/report.h"

TEST_SUITE_BEGIN("report");

using namespace trustlint;

TEST_CASE("report::markdown escaping") {
  CHECK(internal::markdown_text("a|b *c* `d` <e>\nf") == "a\\|b \\*c\\* \\`d\\` \\<e\\><br>f");
  CHECK(internal::markdown_code("acme*") == "`acme*`");
  CHECK(internal::markdown_code("a|b") == "`a\\|b`");
  CHECK(internal::markdown_code("a`b") == "``a`b``");
  CHECK(internal::markdown_code("`x``") == "``` `x`` ```");
}

TEST_CASE("report::render_lint_markdown") {
  LintReport r;
  r.file = "p|`x`.json";
  Finding f;
  f.rule = "TL101";
  f.name = "other-team";
  f.severity = Severity::error;
  f.message = "team a|b admits `x`";
  f.span = {"", 3, 4, 3, 9, 10, 15};
  f.witness = Witness{std::nullopt, std::nullopt, true, "x/y/z can assume the role"};
  r.findings.push_back(f);
  f.suppressed = true;
  f.suppression_reason = "ok | fine";
  f.witness.reset();
  r.findings.push_back(f);
  AllowedSet nobody;
  nobody.nobody_reasons.push_back("no Allow statement");
  const std::string md = render_lint_markdown({r}, {LintWho{"p.json", "", nobody}});
  CHECK(md.find("1 policy checked: **1 error**, 0 warnings, 0 notes, 1 suppressed.") != std::string::npos);
  CHECK(md.find("| ❌ error | `TL101 other-team` | ``p\\|`x`.json:3`` | team a\\|b admits \\`x\\` | x/y/z can assume the role |") !=
        std::string::npos);
  CHECK(md.find("| 🔕 suppressed | `TL101 other-team` | ``p\\|`x`.json:3`` | team a\\|b admits \\`x\\`<br>suppressed: ok \\| fine | — |") !=
        std::string::npos);
  CHECK(md.find("### Who can assume `p.json`\n\n**Nobody** can assume this role.") != std::string::npos);
}

TEST_SUITE_END();
