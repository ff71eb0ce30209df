// The excerpt under a text finding (source line, caret and tildes under the value), colour on
// and off.
#include <doctest/doctest.h>

#include "trustlint/report.h"

TEST_SUITE_BEGIN("report");

using namespace trustlint;

namespace {

Span span(std::uint32_t line, std::uint32_t col, std::uint32_t end_line, std::uint32_t end_col) {
  Span s;
  s.file = "p.json";
  s.line = line;
  s.col = col;
  s.end_line = end_line;
  s.end_col = end_col;
  return s;
}

}  // namespace

TEST_CASE("report::render_source_excerpt") {
  SourceSnapshot sources;
  sources.files["p.json"] = "{\n  \"sub\": \"owner:acme*\",\r\n\t\"x\": \"é\x1b[31m\"\n}";
  SUBCASE("caret and tildes under the value, CRLF stripped") {
    CHECK(render_source_excerpt(span(2, 10, 2, 23), "", sources) ==
          "    2 |   \"sub\": \"owner:acme*\",\n"
          "      |          ^~~~~~~~~~~~~\n");
  }
  SUBCASE("tabs kept so the caret lines up; columns are code points; control bytes shown as ?") {
    CHECK(render_source_excerpt(span(3, 7, 3, 10), "", sources) ==
          "    3 | \t\"x\": \"é?[31m\"\n"
          "      | \t     ^~~\n");
  }
  SUBCASE("a multi-line span is underlined to the end of its first line") {
    CHECK(render_source_excerpt(span(1, 1, 4, 2), "", sources) == "    1 | {\n      | ^\n");
  }
  SUBCASE("the report's file when the span has none; nothing for unknown files or spans") {
    Span s = span(2, 3, 2, 8);
    s.file.clear();
    CHECK(render_source_excerpt(s, "p.json", sources) == "    2 |   \"sub\": \"owner:acme*\",\n      |   ^~~~~\n");
    CHECK(render_source_excerpt(span(2, 3, 2, 8), "", SourceSnapshot{}) == "");
    CHECK(render_source_excerpt(Span{}, "p.json", sources) == "");
    CHECK(render_source_excerpt(span(9, 1, 9, 2), "", sources) == "");
  }
  SUBCASE("colour wraps the marks only") {
    CHECK(render_source_excerpt(span(2, 3, 2, 4), "", sources, true) ==
          "    2 |   \"sub\": \"owner:acme*\",\n      |   \x1b[1;32m^\x1b[0m\n");
  }
  SUBCASE("long lines are cut around the value") {
    SourceSnapshot wide;
    wide.files["p.json"] = std::string(300, 'a') + "XYZ" + std::string(300, 'b');
    const auto out = render_source_excerpt(span(1, 301, 1, 304), "", wide);
    CHECK(out == "    1 | ..." + std::string(40, 'a') + "XYZ" + std::string(117, 'b') + "...\n" +
                     "      |    " + std::string(40, ' ') + "^~~\n");
  }
  SUBCASE("a value longer than the cut is underlined up to the cut, not along the whole line") {
    SourceSnapshot wide;
    wide.files["p.json"] = std::string(100, 'a') + std::string(5000, 'v') + std::string(100, 'b');
    const auto out = render_source_excerpt(span(1, 101, 1, 5101), "", wide);
    CHECK(out == "    1 | ..." + std::string(40, 'a') + std::string(120, 'v') + "...\n" +
                     "      |    " + std::string(40, ' ') + "^" + std::string(119, '~') + "\n");
  }
}

TEST_CASE("report::SourceSnapshot::line_at agrees with line") {
  SourceSnapshot sources;
  sources.files["p"] = "ab\r\n\ncd\nef";
  CHECK(sources.line_at("p", 0) == std::optional<std::string_view>("ab"));
  CHECK(sources.line_at("p", 2) == std::optional<std::string_view>("ab"));  // the CR
  CHECK(sources.line_at("p", 3) == std::optional<std::string_view>("ab"));  // the line's end
  CHECK(sources.line_at("p", 4) == std::optional<std::string_view>(""));
  CHECK(sources.line_at("p", 6) == sources.line("p", 3));
  CHECK(sources.line_at("p", 10) == std::optional<std::string_view>("ef"));  // end of file
  CHECK_FALSE(sources.line_at("p", 11).has_value());
  CHECK_FALSE(sources.line_at("q", 0).has_value());
}

TEST_CASE("report::SourceSnapshot::excerpt") {
  SourceSnapshot sources;
  sources.files["p.json"] = "{\"a\": \"b\"}";
  Span s = span(1, 7, 1, 10);
  s.offset = 6;
  s.end_offset = 9;
  CHECK(sources.excerpt(s, "") == std::optional<std::string_view>("\"b\""));
  s.end_offset = 99;
  CHECK_FALSE(sources.excerpt(s, "").has_value());
}

TEST_CASE("report::render_lint_text with colour") {
  LintReport r;
  r.file = "p.json";
  Finding f;
  f.rule = "TL101";
  f.severity = Severity::error;
  f.message = "m";
  f.span = span(1, 2, 1, 3);
  r.findings.push_back(f);
  SourceSnapshot sources;
  sources.files["p.json"] = "{}\n";
  CHECK(render_lint_text(r, sources, {false}) == "p.json:1:2: error: m [TL101]\n    1 | {}\n      |  ^\n");
  CHECK(render_lint_text(r, sources, {true}) ==
        "\x1b[1mp.json:1:2:\x1b[0m \x1b[1;31merror:\x1b[0m \x1b[1mm [TL101]\x1b[0m\n"
        "    1 | {}\n      |  \x1b[1;32m^\x1b[0m\n");
}

TEST_SUITE_END();
