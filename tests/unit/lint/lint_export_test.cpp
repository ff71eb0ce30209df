// lint_sources on an account export streamed role by role (lint_export.cpp) against the same
// text linted whole (lint_input from text, the tree of the whole file): the reports, and every
// output rendered from them, are the same; the streamed reports carry only the lines their
// findings quote. Also bad input (truncated, invalid UTF-8, too deep) and QuotedLines itself.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "trustlint/baseline.h"
#include "trustlint/query.h"
#include "trustlint/report.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

using namespace trustlint;
using trustlint::testing::kRoot;

namespace {

struct TempFile {
  std::filesystem::path path;
  TempFile(const std::string& name, const std::string& text)
      : path(std::filesystem::temp_directory_path() / ("trustlint-lint-export-" + name)) {
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(path); }
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every output of `lint` for the reports: text with excerpts, JSON, SARIF (snippets, columns,
// fingerprints), GitHub annotations and Markdown.
std::string outputs(const std::vector<LintReport>& reports) {
  std::string out;
  for (const auto& r : reports) out += render_lint_text(r, SourceSnapshot::of(r));
  out += render_lint_json(reports, "error", 1, 0);
  out += render_lint_sarif(reports, SourceSnapshot::of(reports), SarifOptions{"0", "https://example.com", "docs/rules/"}, 1, 0);
  out += render_lint_github(reports);
  out += render_lint_markdown(reports);
  return out;
}

// The export at `path` streamed and linted whole give the same reports; returns the streamed ones.
std::vector<LintReport> same_as_whole(const std::string& path, const LintOptions& options = {}) {
  const std::string text = read_all(path);
  auto streamed = lint_sources(path, options);
  auto whole = lint_input(Input::from_text(text, path), options);
  REQUIRE(streamed.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(streamed[i].resource == whole[i].resource);
    CHECK(streamed[i].findings.size() == whole[i].findings.size());
    CHECK(streamed[i].source == nullptr);  // streamed: no whole text kept
    CHECK(streamed[i].quoted != nullptr);
    CHECK(whole[i].source != nullptr);
  }
  CHECK(outputs(streamed) == outputs(whole));
  return streamed;
}

std::string role(const std::string& name, const std::string& policy_member) {
  return "    {\n      \"RoleName\": \"" + name + "\",\n      \"Arn\": \"arn:aws:iam::123456789012:role/" + name + "\"" +
         (policy_member.empty() ? "" : ",\n      " + policy_member) + ",\n      \"Tags\": []\n    }";
}

const std::string kVercel =
    "\"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
    "\"Principal\": {\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"}, "
    "\"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringLike\": {\"oidc.vercel.com/acme:sub\": "
    "\"owner:acme:*\"}}}]}";
const std::string kEncoded =
    "\"AssumeRolePolicyDocument\": \"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A"
    "%22Allow%22%2C%22Principal%22%3A%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A123456789012%3Aoidc-provider%2F"
    "oidc.vercel.com%2Facme%22%7D%2C%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B"
    "%22StringEquals%22%3A%7B%22oidc.vercel.com%2Facme%3Aaud%22%3A%22https%3A%2F%2Fvercel.com%2Facme%22%7D%2C"
    "%22StringLike%22%3A%7B%22oidc.vercel.com%2Facme%3Asub%22%3A%22owner%3Aacme%3Aproject%3Aweb%3Aenvironment%3A"
    "production%22%7D%7D%7D%5D%7D\"";

}  // namespace

TEST_CASE("lint::lint_sources account export: streamed, the fixtures give what the whole file gives") {
  for (const char* name : {"account-authorization-details.json", "account-details-mixed-providers.json"}) {
    CAPTURE(name);
    const auto reports = same_as_whole(std::string(kRoot) + "/fixtures/iac/" + name);
    CHECK(reports.size() >= 2);
  }
}

TEST_CASE("lint::lint_sources account export: duplicate keys inside and outside roles, odd entries, a bad encoding") {
  const std::string text = "{\n  \"UserDetailList\": [],\n  \"RoleDetailList\": [\n" + role("a", kVercel) + ",\n    42,\n" +
                           role("b", kEncoded + ",\n      \"RoleName\": \"dup\"") + ",\n" + role("c", "") + ",\n" +
                           role("d", "\"AssumeRolePolicyDocument\": \"%7B%2\"") + ",\n" +
                           role("e", "\"AssumeRolePolicyDocument\": null") + "\n  ],\n  \"Policies\": [],\n  \"Policies\": []\n}\n";
  TempFile file("odd.json", text);
  const auto reports = same_as_whole(file.path.string());
  REQUIRE(reports.size() == 6);  // five roles (42 is no role) and the duplicate key outside them
  CHECK(reports.back().resource.empty());
  CHECK_FALSE(reports.back().role);
  // Only the lines quoted: far less than the file, and every one of them a line of it.
  std::size_t kept = 0;
  for (const auto& r : reports) {
    for (const auto& [offset, run] : r.quoted->runs) {
      kept += run.size();
      CHECK(text.substr(offset, run.size()) == run);
    }
  }
  CHECK(kept > 0);
  CHECK(kept < text.size());
}

TEST_CASE("lint::lint_sources account export: bad input is located as when read whole") {
  const std::string good = "{\"RoleDetailList\": [\n" + role("a", kVercel) + "\n]}\n";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"truncated", good.substr(0, good.size() / 2)},
      {"utf8", "{\"RoleDetailList\": [\n" + role("a\xC3\x28", kVercel) + "\n]}\n"},
      {"deep", "{\"RoleDetailList\": [" + std::string(200, '[') + std::string(200, ']') + "]}"},
      {"none", "{\"RoleDetailList\": []}"},
      {"not-array", "{\"RoleDetailList\": {}, \"x\": 1}"},
  };
  for (const auto& [name, text] : cases) {
    CAPTURE(name);
    TempFile file(name + ".json", text);
    const auto reports = same_as_whole(file.path.string());
    REQUIRE(reports.size() == 1);
    CHECK_FALSE(reports[0].role);
  }
}

TEST_CASE("lint::lint_sources account export: a policy, a template or a minified export is read whole") {
  TempFile policy("policy.json", read_all(std::string(kRoot) + "/fixtures/good/vercel-docs-preview-production.json"));
  CHECK(lint_sources(policy.path.string(), {})[0].source != nullptr);
  TempFile statement("statement.json", "{\"Statement\": [], \"RoleDetailList\": []}");
  CHECK(lint_sources(statement.path.string(), {})[0].source != nullptr);
  std::string minified = "{\"RoleDetailList\": [";
  for (int i = 0; i < 200; ++i) minified += (i ? "," : "") + role("r" + std::to_string(i), kEncoded);
  minified += "]}";
  for (char& c : minified) c = c == '\n' ? ' ' : c;
  TempFile flat("flat.json", minified);
  CHECK(lint_sources(flat.path.string(), {})[0].source != nullptr);
}

TEST_CASE("lint::QuotedLines: whole lines, overlapping runs merged, found by offset") {
  const std::string text = "one\ntwo\nthree\nfour\n";
  QuotedLines lines;
  lines.add(text, 5, 6);  // "two\n"
  REQUIRE(lines.runs.size() == 1);
  CHECK(lines.runs.begin()->first == 4);
  CHECK(lines.runs.begin()->second == "two\n");
  lines.add(text, 15, 16);  // "four\n"
  CHECK(lines.runs.size() == 2);
  lines.add(text, 9, 9);  // "three\n" touches both: one run
  REQUIRE(lines.runs.size() == 1);
  CHECK(lines.runs.begin()->second == "two\nthree\nfour\n");
  CHECK(lines.find(4, 19) != nullptr);
  CHECK(lines.find(0, 1) == nullptr);
  lines.add(text, 0, 0);
  CHECK(lines.runs.size() == 1);
  CHECK(lines.runs.begin()->second == text);
  SourceSnapshot snapshot;
  snapshot.quoted["f"] = lines;
  CHECK(snapshot.line_at("f", 9) == std::optional<std::string_view>("three"));
  Span s;
  s.line = 2;
  s.offset = 4;
  s.end_offset = 7;
  CHECK(snapshot.excerpt(s, "f") == std::optional<std::string_view>("two"));
}

TEST_SUITE_END();
