// SARIF output against the official SARIF 2.1.0 schema (tests/sarif/sarif-schema-2.1.0.json,
// checked by the test-only validator in tests/sarif/json_schema.*): every fixture's output is
// valid, broken documents are rejected, rules and results agree, and partialFingerprints survive
// edits that only move a finding while changing with the offending value.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "report/sarif_support.h"
#include "sarif/json_schema.h"
#include "unit/report/report_test_util.h"

TEST_SUITE_BEGIN("report");

namespace {

using namespace trustlint;
using namespace trustlint::testing;
using nlohmann::json;

const JsonSchema& sarif_schema() {
  static const JsonSchema schema(json::parse(read_text(std::string(TRUSTLINT_SOURCE_DIR) + "/tests/sarif/sarif-schema-2.1.0.json")));
  return schema;
}

const SarifOptions kOptions{"0.1.0", "https://example.org/trustlint", "https://example.org/trustlint/rules/"};

json sarif_of(const std::vector<std::string>& fixtures, int exit_code = 1) {
  std::vector<LintReport> reports;
  for (const auto& f : fixtures) reports.push_back(lint_relative(f));
  return json::parse(render_lint_sarif(reports, snapshot_of(fixtures), kOptions, exit_code));
}

std::string joined(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

}  // namespace

TEST_CASE("report::sarif schema file is the official SARIF 2.1.0 schema") {
  const json schema = json::parse(read_text(std::string(TRUSTLINT_SOURCE_DIR) + "/tests/sarif/sarif-schema-2.1.0.json"));
  CHECK(schema.at("$id") == "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json");
  CHECK(schema.at("title") == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
  CHECK(schema.at("definitions").size() >= 50);
  CHECK(schema.at("definitions").contains("result"));
}

TEST_CASE("report::sarif of every fixture is valid SARIF 2.1.0") {
  for (const auto& fixture : all_fixtures()) {
    CAPTURE(fixture);
    const json log = sarif_of({fixture});
    const auto errors = sarif_schema().validate(log);
    CHECK_MESSAGE(errors.empty(), joined(errors));
  }
  // All fixtures in one run, as `trustlint lint fixtures/` writes it.
  const json all = sarif_of(all_fixtures(), 2);
  CHECK(sarif_schema().validate(all).empty());
  CHECK(all["runs"][0]["invocations"][0]["executionSuccessful"] == false);  // bad/ holds unreadable inputs
}

TEST_CASE("report::sarif rules and results agree") {
  const json log = sarif_of({"fixtures/risky/owner-prefix-wildcard.json", "fixtures/bad/duplicate-key.json"});
  const json& run = log["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == rule_catalogue().size());
  REQUIRE(run["results"].size() >= 3);
  for (const auto& r : run["results"]) {
    CAPTURE(r.dump());
    const auto index = r["ruleIndex"].get<std::size_t>();
    CHECK(rules[index]["id"] == r["ruleId"]);
    const json& region = r["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"].get<int>() >= 1);
    CHECK(region["startColumn"].get<int>() >= 1);
    CHECK(r["partialFingerprints"]["trustlintFinding/v1"].get<std::string>().size() == 32);
    CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().rfind("fixtures/", 0) == 0);
  }
  json tl101;
  for (const auto& r : run["results"]) {
    if (r["ruleId"] == "TL101") tl101 = rules[r["ruleIndex"].get<std::size_t>()];
  }
  REQUIRE(tl101.is_object());
  CHECK(tl101["helpUri"] == "https://example.org/trustlint/rules/TL101.md");
  CHECK(tl101["help"]["markdown"].get<std::string>().find("**Fix:**") != std::string::npos);
}

TEST_CASE("report::sarif validator rejects broken SARIF") {
  const json good = sarif_of({"fixtures/risky/owner-prefix-wildcard.json"});
  REQUIRE(sarif_schema().validate(good).empty());
  SUBCASE("missing required property") {
    json bad = good;
    bad.erase("version");
    CHECK(joined(sarif_schema().validate(bad)).find("missing required property \"version\"") != std::string::npos);
    bad = good;
    bad["runs"][0]["tool"]["driver"].erase("name");
    CHECK_FALSE(sarif_schema().validate(bad).empty());
  }
  SUBCASE("wrong type") {
    json bad = good;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = "12";
    CHECK(joined(sarif_schema().validate(bad)).find("expected type \"integer\"") != std::string::npos);
  }
  SUBCASE("wrong enum value") {
    json bad = good;
    bad["runs"][0]["results"][0]["level"] = "fatal";
    CHECK(joined(sarif_schema().validate(bad)).find("is not one of") != std::string::npos);
    bad = good;
    bad["version"] = "2.0.0";
    CHECK_FALSE(sarif_schema().validate(bad).empty());
  }
  SUBCASE("below a minimum, unknown property, bad URI") {
    json bad = good;
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
    CHECK(joined(sarif_schema().validate(bad)).find("below the minimum") != std::string::npos);
    bad = good;
    bad["runs"][0]["results"][0]["colour"] = "red";
    CHECK(joined(sarif_schema().validate(bad)).find("\"colour\" is not allowed") != std::string::npos);
    bad = good;
    bad["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri";
    CHECK(joined(sarif_schema().validate(bad)).find("is not a valid uri") != std::string::npos);
  }
}

TEST_CASE("report::sarif suppressed findings carry a suppression") {
  LintReport r = lint_relative("fixtures/risky/owner-prefix-wildcard.json");
  REQUIRE_FALSE(r.findings.empty());
  r.findings[0].suppressed = true;
  r.findings[0].suppression_reason = "accepted: SEC-1";
  const json log = json::parse(render_lint_sarif({r}, {}, kOptions, 0));
  CHECK(sarif_schema().validate(log).empty());
  const json& s = log["runs"][0]["results"][0]["suppressions"];
  CHECK(s == json::parse(R"([{"kind": "external", "justification": "accepted: SEC-1"}])"));
  CHECK_FALSE(log["runs"][0]["results"][1].contains("suppressions"));
}

TEST_CASE("report::sarif fingerprints survive moves, not value changes") {
  namespace fs = std::filesystem;
  const std::string original = read_text(std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures/risky/owner-prefix-wildcard.json");
  const fs::path dir = fs::temp_directory_path() / "trustlint-fingerprint-test";
  fs::create_directories(dir);
  auto fingerprints = [&](const std::string& text) {
    const std::string path = (dir / "policy.json").string();
    std::ofstream(path, std::ios::binary) << text;
    LintReport r = lint_file(path, {});
    SourceSnapshot s;
    s.files[path] = text;
    std::map<std::string, std::string> out;  // rule → fingerprint
    for (const auto& f : r.findings) out[f.rule + f.pointer] = finding_fingerprint(f, r, s);
    return out;
  };
  const auto before = fingerprints(original);
  REQUIRE(before.size() >= 2);
  CHECK(fingerprints("\n\n\n" + original) == before);  // every finding moved down three lines
  auto changed = original;
  const auto at = changed.find("acme*");
  REQUIRE(at != std::string::npos);
  changed.replace(at, 5, "acm*");
  const auto after = fingerprints(changed);
  std::size_t differing = 0;
  for (const auto& [key, value] : after) differing += before.count(key) && before.at(key) != value ? 1 : 0;
  CHECK(differing >= 1);
  fs::remove_all(dir);
}

TEST_CASE("report::sarif names the resource of a role found in a template") {
  LintReport r = lint_relative("fixtures/risky/owner-prefix-wildcard.json");
  r.resource = "VercelDeployRole";
  r.form = "cloudformation";
  const json log = json::parse(render_lint_sarif({r}, snapshot_of({r.file}), kOptions, 1));
  CHECK(sarif_schema().validate(log).empty());
  const json& first = log["runs"][0]["results"][0];
  const json& logical = first["locations"][0]["logicalLocations"][0];
  CHECK(logical["name"] == "VercelDeployRole");
  CHECK(logical["kind"] == "resource");
  CHECK(logical["fullyQualifiedName"] == "VercelDeployRole" + first["properties"]["pointer"].get<std::string>());
  // The resource is part of the fingerprint: the same finding in another role is another alert.
  LintReport other = r;
  other.resource = "OtherRole";
  const auto sources = snapshot_of({r.file});
  CHECK(finding_fingerprint(r.findings[0], r, sources) != finding_fingerprint(other.findings[0], other, sources));
}

TEST_CASE("report::sarif helpers: UTF-16 columns, artifact URIs, fingerprints") {
  using namespace trustlint::internal;
  // "a😀b": b is code point 3 but UTF-16 unit 4 (the emoji is a surrogate pair); é stays one unit.
  CHECK(utf16_column(std::string_view("a\xF0\x9F\x98\x80" "b"), 3) == 4);
  CHECK(utf16_column(std::string_view("a\xF0\x9F\x98\x80" "b"), 4) == 5);  // just past the end
  CHECK(utf16_column(std::string_view("\xC3\xA9x"), 2) == 2);
  CHECK(utf16_column(std::nullopt, 7) == 7);
  CHECK(file_uri("./infra/my role.json") == "infra/my%20role.json");
  CHECK(file_uri("/abs/a#b.json") == "file:///abs/a%23b.json");
  CHECK(fingerprint_hex({"TL101", "a"}) != fingerprint_hex({"TL101a", ""}));  // parts are length-prefixed
  CHECK(fingerprint_hex({"x"}) == fingerprint_hex({"x"}));
  CHECK(fingerprint_hex({"x"}).size() == 32);
  CHECK(slug("Condition has the wrong shape") == "condition-has-the-wrong-shape");
}

TEST_CASE("report::sarif regions count UTF-16 units from the file's text") {
  LintReport r;
  r.file = "p.json";
  Finding f;
  f.rule = "TL204";
  f.severity = Severity::error;
  f.message = "m";
  // {"Id": "😀", "v": "x"} with the finding on "x": code-point columns 18..21, UTF-16 19..22.
  const std::string text = "{\"Id\": \"\xF0\x9F\x98\x80\", \"v\": \"x\"}";
  f.span = {"p.json", 1, 18, 1, 21, 20, 23};
  r.findings.push_back(f);
  SourceSnapshot sources;
  sources.files["p.json"] = text;
  const json log = json::parse(render_lint_sarif({r}, sources, kOptions, 1));
  CHECK(sarif_schema().validate(log).empty());
  const json& region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startColumn"] == 19);
  CHECK(region["endColumn"] == 22);
  CHECK(region["byteOffset"] == 20);
  CHECK(region["snippet"]["text"] == "\"x\"");
  // Without the text, code points are all there is.
  const json bare = json::parse(render_lint_sarif({r}, {}, kOptions, 1));
  CHECK(bare["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 18);
}

TEST_SUITE_END();
