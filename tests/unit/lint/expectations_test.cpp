// TL502: `expect:` entries of .trustlint.yaml overrides, applied by path, proven on each policy;
// a broken one is a finding at the policy value that lets the counterexample in, with the
// counterexample as its witness (replayed here through evaluate()). Bad entries are TL011.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "trustlint/engine.h"
#include "trustlint/lint.h"
#include "trustlint/lint_config.h"

namespace {

using namespace trustlint;

const std::string kDir = std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures/expect";

std::vector<Finding> tl502(const std::string& file) {
  auto config = load_lint_config(kDir + "/.trustlint.yaml");
  REQUIRE(config.ok());
  const std::string path = kDir + "/" + file;
  const LintReport report = lint_file(path, lint_options_for(config.value(), path, {}));
  std::vector<Finding> out;
  for (const auto& f : report.findings) {
    if (f.rule == "TL502") out.push_back(f);
  }
  return out;
}

void replayed(const std::string& file, const Finding& f) {
  REQUIRE(f.witness.has_value());
  REQUIRE(f.witness->deployment.has_value());
  auto doc = load_policy_file(kDir + "/" + file);
  auto compiled = compile(doc.value());
  auto request = make_request(vercel_profile(), *f.witness->deployment);
  REQUIRE(request.ok());
  CHECK(evaluate(compiled.value(), request.value()).allowed() == f.witness->allowed);
}

}  // namespace

TEST_CASE("lint::TL502 a prod role that holds its expectations has no finding") {
  CHECK(tl502("prod/web-production.json").empty());
}

TEST_CASE("lint::TL502 deny and only broken by a wildcard, located at the value") {
  const auto found = tl502("prod/any-environment.json");
  REQUIRE(found.size() == 2);
  for (const auto& f : found) {
    CHECK(f.span.line == 15);
    CHECK(f.span.col == 39);
    CHECK(f.witness->allowed);
    replayed("prod/any-environment.json", f);
  }
  CHECK(found[0].message.find("deny {environment: [preview, development]}") != std::string::npos);
  CHECK(found[0].witness->deployment->environment == "preview");
  CHECK(found[1].message.find("only {team: acme, project: web}") != std::string::npos);
  CHECK(found[1].witness->deployment->project != "web");
}

TEST_CASE("lint::TL502 allow broken: the counterexample is kept out") {
  const auto found = tl502("dev/web-development.json");
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].witness->allowed);
  CHECK(found[0].witness->deployment->environment == "preview");
  replayed("dev/web-development.json", found[0]);
}

TEST_CASE("lint::TL502 runs on every role of a template, whatever its provider") {
  // A role that trusts GitHub Actions and no Vercel provider: no Vercel deployment can assume it,
  // so dev/'s `allow {project: web, environment: preview}` is broken (it was skipped before).
  auto config = load_lint_config(kDir + "/.trustlint.yaml");
  REQUIRE(config.ok());
  const std::string path = kDir + "/dev/github-deploy.template.yaml";
  const auto reports = lint_sources(path, lint_options_for(config.value(), path, {}));
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].resource == "GitHubDeployRole");
  std::vector<Finding> found;
  for (const auto& f : reports[0].findings) {
    if (f.rule == "TL502") found.push_back(f);
  }
  REQUIRE(found.size() == 1);
  CHECK(found[0].message.find("allow {project: web, environment: preview}") != std::string::npos);
  CHECK_FALSE(found[0].witness->allowed);
  CHECK(found[0].span.line == 14);  // the Allow's principal
}

TEST_CASE("lint::TL502 expectations apply only to matching paths") {
  auto config = load_lint_config(kDir + "/.trustlint.yaml");
  REQUIRE(config.ok());
  CHECK(lint_options_for(config.value(), kDir + "/prod/x.json", {}).expectations.size() == 2);
  CHECK(lint_options_for(config.value(), kDir + "/dev/x.json", {}).expectations.size() == 1);
  CHECK(lint_options_for(config.value(), kDir + "/other/x.json", {}).expectations.empty());
}

TEST_CASE("lint::a bad expect entry in the configuration is a located TL011") {
  const auto dir = std::filesystem::temp_directory_path() / "trustlint-expect-config-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / ".trustlint.yaml").string();
  std::ofstream(path) << "overrides:\n  - paths: [\"prod/**\"]\n    expect:\n      - deny: {stage: preview}\n";
  auto config = load_lint_config(path);
  REQUIRE_FALSE(config.ok());
  REQUIRE(config.diagnostics().size() == 1);
  CHECK(config.diagnostics()[0].code == "TL011");
  CHECK(config.diagnostics()[0].span.line == 4);
  CHECK(config.diagnostics()[0].span.col == 16);  // "stage"
  std::filesystem::remove_all(dir);
}
