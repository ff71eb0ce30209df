// The streaming lint writers (trustlint/lint_writer.h): their JSON and SARIF documents are laid
// out exactly as one nlohmann dump(2) of the whole document (the shape the one-shot renderers
// had), they say the same as render_lint_* when each report is dropped right after add(), and
// what comes at the end (counts, exit code) covers every report added.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/lint_output.h"
#include "report/chunked_text.h"
#include "trustlint/lint_writer.h"
#include "trustlint/query.h"
#include "unit/report/report_test_util.h"

TEST_SUITE_BEGIN("report");

namespace {

using namespace trustlint;
using namespace trustlint::testing;
using nlohmann::ordered_json;

const SarifOptions kSarif{"0.1.0", "https://example.org/trustlint", "https://example.org/trustlint/rules/"};

// Every report of the fixtures, as `lint fixtures/` would take them (several roles per IaC file).
std::vector<LintReport> fixture_reports(const std::vector<std::string>& relatives) {
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(TRUSTLINT_SOURCE_DIR);
  std::vector<LintReport> out;
  for (const auto& f : relatives) {
    for (LintReport& r : lint_sources(f, {})) out.push_back(std::move(r));
  }
  std::filesystem::current_path(cwd);
  return out;
}

const std::vector<std::string> kMixed = {"fixtures/iac/account-authorization-details.json",
                                         "fixtures/iac/cloudformation-mixed-providers.yaml",
                                         "fixtures/bad/duplicate-sid.json",
                                         "fixtures/hostile/not-utf8-latin1-byte.json",
                                         "fixtures/hostile/quotes-newlines-commands.json",
                                         "fixtures/bad/malformed-json.json"};

// `text` is exactly what dumping its own parse with dump(2) gives, plus the final line break.
void check_one_dump(const std::string& text) {
  REQUIRE(!text.empty());
  CHECK(text.back() == '\n');
  const ordered_json parsed = ordered_json::parse(text);
  CHECK(parsed.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n" == text);
}

// The writer of `format` fed one report at a time, each a copy destroyed right after add().
std::string streamed(std::string_view format, const std::vector<LintReport>& reports, int exit_code,
                     std::size_t skipped = 0) {
  std::ostringstream out;
  LintWriterOptions options;
  options.fail_on = "warning";
  options.sarif = kSarif;
  auto writer = make_lint_writer(format, out, options);
  REQUIRE(writer != nullptr);
  for (const LintReport& original : reports) {
    auto copy = std::make_unique<LintReport>(original);
    writer->add(*copy, SourceSnapshot::of(*copy));
    copy.reset();
  }
  writer->end(exit_code, skipped);
  return std::move(out).str();
}

std::size_t count_findings(const std::vector<LintReport>& reports) {
  std::size_t n = 0;
  for (const auto& r : reports) n += r.findings.size();
  return n;
}

std::size_t count_notes(const std::vector<LintReport>& reports) {
  std::size_t n = 0;
  for (const auto& r : reports) n += r.notes.size();
  return n;
}

}  // namespace

TEST_CASE("report::lint json writer: one dump(2) of the whole document, the end counting every report") {
  const std::vector<LintReport> reports = fixture_reports(kMixed);
  REQUIRE(reports.size() > kMixed.size());  // several roles in the IaC files
  REQUIRE(count_notes(reports) > 0);
  for (const std::vector<LintReport>& some : {reports, std::vector<LintReport>{}, std::vector<LintReport>{reports.front()}}) {
    CAPTURE(some.size());
    const std::string text = streamed("json", some, 1, 3);
    check_one_dump(text);
    CHECK(text == render_lint_json(some, "warning", 1, 3));
    const ordered_json doc = ordered_json::parse(text);
    CHECK(doc.at("schema") == "trustlint/lint/v1");
    REQUIRE(doc.at("files").size() == some.size());
    for (std::size_t i = 0; i < some.size(); ++i) CHECK(doc["files"][i]["findings"].size() == some[i].findings.size());
    const LintSummary s = summarize(some, 3);
    CHECK(doc.at("summary").at("files") == s.files);
    CHECK(doc.at("summary").at("roles") == s.roles);
    CHECK(doc.at("summary").at("errors") == s.errors);
    CHECK(doc.at("summary").at("notes") == s.notes);
    CHECK(doc.at("summary").at("skipped") == 3);
    CHECK(doc.at("fail_on") == "warning");
    CHECK(doc.at("exit_code") == 1);
    CHECK(std::vector<std::string>{doc.begin().key(), std::next(doc.begin()).key()} ==
          std::vector<std::string>{"schema", "files"});
  }
}

TEST_CASE("report::lint sarif writer: one dump(2) of the whole log, invocation before the results it waited for") {
  const std::vector<LintReport> reports = fixture_reports(kMixed);
  std::vector<LintReport> no_notes = reports;
  for (auto& r : no_notes) r.notes.clear();
  std::vector<LintReport> no_findings = reports;
  for (auto& r : no_findings) r.findings.clear();
  for (const std::vector<LintReport>& some : {reports, no_notes, no_findings, std::vector<LintReport>{}}) {
    for (int code : {0, 1, 2}) {
      CAPTURE(some.size());
      CAPTURE(code);
      const std::string text = streamed("sarif", some, code, 2);
      check_one_dump(text);
      CHECK(text == render_lint_sarif(some, SourceSnapshot::of(some), kSarif, code, 2));
      const ordered_json log = ordered_json::parse(text);
      const ordered_json& run = log.at("runs").at(0);
      CHECK(run.at("results").size() == count_findings(some));
      const ordered_json& invocation = run.at("invocations").at(0);
      CHECK(invocation.at("exitCode") == code);
      CHECK(invocation.at("executionSuccessful") == (code != 2));
      CHECK(invocation.value("toolExecutionNotifications", ordered_json::array()).size() == count_notes(some));
      CHECK(run.at("properties").at("summary").at("roles") == summarize(some).roles);
      CHECK(run.at("tool").at("driver").at("rules").size() == rule_catalogue().size());
    }
  }
}

TEST_CASE("report::lint writers say what the one-shot renderers say, each report dropped after add()") {
  const std::vector<LintReport> reports = fixture_reports(kMixed);
  CHECK(streamed("github", reports, 1) == render_lint_github(reports));
  CHECK(streamed("markdown", reports, 1) == render_lint_markdown(reports));
  std::string text;
  for (const auto& r : reports) text += render_lint_text(r, SourceSnapshot::of(r));
  CHECK(streamed("text", reports, 1) == text);
  CHECK(streamed("text", {}, 0).empty());
  CHECK(streamed("github", {}, 0).empty());
}

TEST_CASE("report::lint markdown writer: the counts come first, though the rows were added before them") {
  LintReport r;
  r.file = "p.json";
  Finding f;
  f.rule = "TL101";
  f.severity = Severity::error;
  f.message = "other team";
  r.findings.push_back(f);
  r.notes.push_back("a note");
  auto set = std::make_shared<AllowedSet>();
  set->nobody_reasons.push_back("no Allow statement");
  r.allowed = set;
  const std::string md = streamed("markdown", {r, r}, 1);
  const auto counts = md.find("1 policy checked: **2 errors**");
  const auto row = md.find("| ❌ error | `TL101` | `p.json` | other team | — |");
  const auto note = md.find("> p.json: a note");
  const auto who = md.find("### Who can assume `p.json`");
  REQUIRE(counts != std::string::npos);
  REQUIRE(row != std::string::npos);
  REQUIRE(note != std::string::npos);
  REQUIRE(who != std::string::npos);
  CHECK((counts < row && row < note && note < who));
  CHECK(md.find("### Who can assume `p.json`", who + 1) != std::string::npos);  // one matrix per report
  CHECK(streamed("markdown", {}, 0) == "## trustlint\n\n0 policies checked: **0 errors**, 0 warnings, 0 notes, 0 suppressed.\n\nNo findings.\n\n");
}

TEST_CASE("report::LintTally counts as summarize does") {
  const std::vector<LintReport> reports = fixture_reports(kMixed);
  LintTally tally;
  for (const auto& r : reports) tally.add(r);
  const LintSummary a = tally.summary(5), b = summarize(reports, 5);
  CHECK(a.reports == b.reports);
  CHECK(a.reports == reports.size());
  CHECK(a.files == b.files);
  CHECK(a.files == kMixed.size());
  CHECK(a.roles == b.roles);
  CHECK(a.unchecked == b.unchecked);
  CHECK(a.errors == b.errors);
  CHECK(a.warnings == b.warnings);
  CHECK(a.notes == b.notes);
  CHECK(a.suppressed == b.suppressed);
  CHECK(a.skipped == 5);
  CHECK(LintTally().summary().reports == 0);
}

TEST_CASE("report::make_lint_writer knows lint's formats only") {
  std::ostringstream out;
  for (const char* format : {"text", "json", "sarif", "github", "markdown"}) {
    CAPTURE(format);
    const auto writer = make_lint_writer(format, out);
    REQUIRE(writer != nullptr);
    CHECK(writer->quotes_sources() == (std::string_view(format) == "text" || std::string_view(format) == "sarif"));
  }
  for (const std::string& format : cli::kLintFormats) CHECK(make_lint_writer(format, out) != nullptr);  // lint --format
  CHECK(make_lint_writer("yaml", out) == nullptr);
  CHECK(make_lint_writer("", out) == nullptr);
  CHECK(out.str().empty());  // nothing written before add() or end()
}

TEST_CASE("report::ChunkedText and re-indented dumps") {
  internal::ChunkedText chunks;
  CHECK(chunks.empty());
  std::string whole;
  for (int i = 0; i < 5000; ++i) {
    const std::string part = std::to_string(i) + std::string(static_cast<std::size_t>(i % 37), 'x') + "\n";
    chunks.append(part);
    whole += part;
  }
  chunks.append("");
  std::ostringstream out;
  chunks.write_to(out);
  CHECK(whole.size() > 100000);
  CHECK(out.str() == whole);
  internal::ChunkedText indented;
  internal::append_indented(indented, "{\n  \"a\": \"x\\ny\"\n}", 4);
  std::ostringstream a, b;
  indented.write_to(a);
  internal::write_indented(b, "{\n  \"a\": \"x\\ny\"\n}", 4);
  CHECK(a.str() == "{\n      \"a\": \"x\\ny\"\n    }");
  CHECK(b.str() == a.str());
  const ordered_json nested = {{"files", ordered_json::array({ordered_json{{"k", ordered_json::array({1, 2})}}})}};
  std::ostringstream c;
  c << "{\n  \"files\": [\n    ";
  internal::write_indented(c, ordered_json{{"k", ordered_json::array({1, 2})}}.dump(2), 4);
  c << "\n  ]\n}";
  CHECK(c.str() == nested.dump(2));
}

TEST_SUITE_END();
