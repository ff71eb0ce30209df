// .trustlint.yaml: found by walking up from the policy file, overrides applied by path, ignore
// entries turned into suppressions with their reasons, and every mistake located (TL011).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "trustlint/lint_config.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

namespace {

namespace fs = std::filesystem;
using namespace trustlint;
using namespace trustlint::testing;

// A scratch directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("trustlint-config-" + std::to_string(rd()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& relative, const std::string& text) const {
    const fs::path p = path / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  std::string copy_fixture(const std::string& fixture, const std::string& relative) const {
    const fs::path p = path / relative;
    fs::create_directories(p.parent_path());
    fs::copy_file(kRoot + "/" + fixture, p);
    return p.string();
  }
};

}  // namespace

TEST_CASE("lint::config path globs: * and ? in a segment, ** across segments") {
  CHECK(path_glob_match("roles/*.json", "roles/web.json"));
  CHECK_FALSE(path_glob_match("roles/*.json", "roles/preview/web.json"));
  CHECK(path_glob_match("roles/**/*.json", "roles/web.json"));
  CHECK(path_glob_match("roles/**/*.json", "roles/a/b/web.json"));
  CHECK(path_glob_match("**", "anything/at/all.yaml"));
  CHECK(path_glob_match("web?.json", "web1.json"));
  CHECK_FALSE(path_glob_match("web?.json", "web.json"));
}

TEST_CASE("lint::config is found by walking up from the policy file, nearest first") {
  TempDir dir;
  const std::string outer = dir.write(".trustlint.yaml", "teams: [acme]\n");
  const std::string inner = dir.write("a/b/.trustlint.yaml", "teams: [globex]\n");
  const std::string deep = dir.copy_fixture("fixtures/good/two-teams.json", "a/b/c/d/policy.json");
  const std::string shallow = dir.copy_fixture("fixtures/good/two-teams.json", "a/policy.json");
  CHECK(find_lint_config(deep) == inner);
  CHECK(find_lint_config(shallow) == outer);
  fs::remove(outer);
  CHECK_FALSE(find_lint_config(shallow).has_value());
}

TEST_CASE("lint::config teams, overrides by path and ignores with reasons") {
  TempDir dir;
  const std::string config = dir.write(".trustlint.yaml", R"(teams: [acme]
rules:
  TL305: {severity: off}
  any-project: {severity: note}
overrides:
  - paths: ["strict/**"]
    rules:
      TL104: {severity: error}
ignore:
  - rule: TL101
    path: "legacy/*.json"
    pointer: /Statement/1
    reason: globex is our subsidiary (SEC-42)
)");
  auto loaded = load_lint_config(config);
  REQUIRE(loaded.ok());
  const LintConfig& c = loaded.value();
  REQUIRE(c.teams);
  CHECK(*c.teams == std::vector<std::string>{"acme"});

  // two-teams admits globex: TL101 under teams [acme]; ignored in legacy/, reported elsewhere.
  const std::string legacy = dir.copy_fixture("fixtures/good/two-teams.json", "legacy/two-teams.json");
  const std::string other = dir.copy_fixture("fixtures/good/two-teams.json", "other/two-teams.json");
  for (const auto& [path, suppressed] : {std::pair{legacy, true}, std::pair{other, false}}) {
    CAPTURE(path);
    const LintReport r = lint_file(path, lint_options_for(c, path, {}));
    bool seen = false;
    for (const auto& f : r.findings) {
      if (f.rule != "TL101") continue;
      seen = true;
      CHECK(f.suppressed == suppressed);
      if (suppressed) CHECK(f.suppression_reason == "globex is our subsidiary (SEC-42)");
    }
    CHECK(seen);
  }

  // project-any: TL104 is a note by `rules`, an error under strict/ by the override; TL305 off.
  const std::string loose = dir.copy_fixture("fixtures/risky/project-any.yaml", "loose/p.yaml");
  const std::string strict = dir.copy_fixture("fixtures/risky/project-any.yaml", "strict/x/p.yaml");
  for (const auto& [path, severity] : {std::pair{loose, Severity::note}, std::pair{strict, Severity::error}}) {
    const LintReport r = lint_file(path, lint_options_for(c, path, {}));
    CHECK_FALSE(has_rule(r, "TL305"));
    for (const auto& f : r.findings) {
      if (f.rule == "TL104") CHECK(f.severity == severity);
    }
    CHECK(has_rule(r, "TL104"));
  }

  // Flags (the base options) win over the configuration.
  LintOptions flags;
  flags.teams = {"acme", "globex"};
  flags.rules["TL104"].off = true;
  const LintOptions o = lint_options_for(c, strict, flags);
  CHECK(o.teams == std::vector<std::string>{"acme", "globex"});
  CHECK(o.rules.at("TL104").off);
  CHECK_FALSE(has_rule(lint_file(other, lint_options_for(c, other, flags)), "TL101"));
}

TEST_CASE("lint::config mistakes are located errors (TL011)") {
  TempDir dir;
  const std::string config = dir.write(".trustlint.yaml", R"(teams: [acme, ACME]
rulez: {}
rules:
  TL999: {severity: off}
  TL104: {severity: loud, colour: red}
ignore:
  - rule: TL101
    pointer: Statement/0
  - rule: TL101
    why: forgot the reason
)");
  auto loaded = load_lint_config(config);
  REQUIRE_FALSE(loaded.ok());
  std::vector<std::string> got;
  for (const auto& d : loaded.diagnostics()) {
    CHECK(d.code == "TL011");
    CHECK(d.span.file == config);
    got.push_back(std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + " " + d.message);
  }
  INFO([&] { std::string s; for (auto& g : got) s += "\n" + g; return s; }());
  REQUIRE(got.size() == 9);
  CHECK(got[0].rfind("1:15 team \"ACME\"", 0) == 0);
  CHECK(got[1] == "2:1 unknown key \"rulez\"; expected one of: teams, environments, projects, rules, overrides, ignore");
  CHECK(got[2].rfind("4:3 unknown rule \"TL999\"", 0) == 0);
  CHECK(got[3] == "5:27 unknown key \"colour\"; expected one of: severity");
  CHECK(got[4] == "5:21 severity \"loud\" is not one of error, warning, note, off");
  CHECK(got[5] == "8:14 pointer must be a JSON pointer such as /Statement/0/Condition");
  CHECK(got[6].rfind("7:5 an ignore entry needs a reason", 0) == 0);
  CHECK(got[7] == "10:5 unknown key \"why\"; expected one of: rule, path, pointer, reason");
  CHECK(got[8].rfind("9:5 an ignore entry needs a reason", 0) == 0);
}

TEST_CASE("lint::an unreadable or non-YAML configuration is an input error") {
  CHECK(load_lint_config("/nonexistent/.trustlint.yaml").diagnostics().front().code == "TL001");
  TempDir dir;
  const std::string bad = dir.write(".trustlint.yaml", "teams: [acme\n");
  auto r = load_lint_config(bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics().front().code == "TL005");
}

TEST_SUITE_END();
