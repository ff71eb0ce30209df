// lint_paths (trustlint/lint_paths.h): a whole lint run as a value. Nothing checked is never a
// pass, refusals stop the run with a diagnostic, configurations load once and their errors are
// diagnostics (not printed), the thread count never changes the answer, git inputs that cannot be
// read are reports, not silence.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "unit/query/query_test_util.h"
#include "trustlint/lint_paths.h"

TEST_SUITE_BEGIN("query");

namespace fs = std::filesystem;
using namespace trustlint;

namespace {

const std::string& kRoot = trustlint::testing::kSourceRoot;

using Scratch = trustlint::testing::ScratchDir;

LintPathsOptions paths(std::vector<std::string> p) {
  LintPathsOptions o;
  o.paths = std::move(p);
  return o;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.code);
  return out;
}

// What a run answered, for comparing two runs: each report's file, resource and findings.
std::vector<std::string> answers(const LintRun& run) {
  std::vector<std::string> out;
  for (const auto& r : run.reports) {
    std::string line = r.file + "#" + r.resource + ":";
    for (const auto& f : r.findings) line += " " + f.rule + "@" + std::to_string(f.span.line);
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("query::lint_paths an empty directory is nothing checked (TL087, status 2), unless allow_empty") {
  Scratch s("lint-paths-empty");
  s.write("package.json", R"({"name": "web"})");
  LintRun run = lint_paths(paths({s.root.string()}));
  CHECK(run.nothing_checked);
  CHECK(run.status() == 2);
  CHECK(codes(run.diagnostics) == std::vector<std::string>{"TL087"});
  CHECK(run.summary.skipped == 1);
  CHECK(run.diagnostics[0].message ==
        "nothing checked: no trust policy or IAM role in the paths given (1 skipped: no trust policy)");
  CHECK(run.diagnostics[0].span.file.empty());
  LintPathsOptions allowed = paths({s.root.string()});
  allowed.allow_empty = true;
  run = lint_paths(allowed);
  CHECK(run.status() == 0);
  CHECK(run.diagnostics.empty());
}

TEST_CASE("query::lint_paths refuses an unknown rule (TL067), a bad team (TL090) and an unreadable baseline (TL068) before reading") {
  const std::string policy = kRoot + "/fixtures/good/vercel-docs-production.json";
  LintPathsOptions o = paths({policy});
  o.disable = {"TL999"};
  LintRun run = lint_paths(o);
  CHECK(run.refused);
  CHECK(run.status() == 2);
  CHECK(run.reports.empty());
  REQUIRE(codes(run.diagnostics) == std::vector<std::string>{"TL067"});
  CHECK(run.diagnostics[0].message == "unknown rule \"TL999\" (trustlint rules lists them)");

  o = paths({policy});
  o.teams = {"Acme"};
  run = lint_paths(o);
  CHECK(run.refused);
  CHECK(codes(run.diagnostics) == std::vector<std::string>{"TL090"});

  o = paths({policy});
  o.baseline = kRoot + "/no/such/baseline.json";
  run = lint_paths(o);
  CHECK(run.refused);
  CHECK(run.reports.empty());
  REQUIRE(codes(run.diagnostics) == std::vector<std::string>{"TL068"});
  CHECK(run.diagnostics[0].message.rfind("cannot read baseline ", 0) == 0);
}

TEST_CASE("query::lint_paths an unusable configuration is a diagnostic and its files are skipped, loaded once") {
  Scratch s("lint-paths-config");
  s.write(".trustlint.yaml", "teams: [acme]\nbogus: 1\n");
  const std::string a = s.write("a.json", R"({"Version": "2012-10-17", "Statement": []})");
  const std::string b = s.write("b.json", R"({"Version": "2012-10-17", "Statement": []})");
  LintRun run = lint_paths(paths({a, b}));
  CHECK(run.bad_input);
  CHECK(run.status() == 2);
  CHECK(run.reports.empty());
  REQUIRE(!run.diagnostics.empty());
  CHECK(run.diagnostics.front().code == "TL011");
  CHECK(run.diagnostics.front().span.file == (s.root / ".trustlint.yaml").string());
  // once for both files, and no TL087 on top of the configuration's error
  for (const auto& d : run.diagnostics) CHECK(d.code != "TL087");
  const std::size_t first = run.diagnostics.size();
  run = lint_paths(paths({a}));
  CHECK(run.diagnostics.size() == first);
}

TEST_CASE("query::lint_paths reports in command-line order whatever the thread count") {
  LintPathsOptions o = paths({kRoot + "/fixtures/risky", kRoot + "/fixtures/good/two-teams.json", kRoot + "/fixtures/iac"});
  o.threads = 1;
  const LintRun one = lint_paths(o);
  o.threads = 8;
  const LintRun eight = lint_paths(o);
  CHECK(one.reports.size() > 10);
  CHECK(answers(one) == answers(eight));
  CHECK(one.status() == eight.status());
  CHECK(one.summary.roles == eight.summary.roles);
  CHECK(one.summary.files > 5);
  // the file named second comes after every file of the first directory
  std::size_t two_teams = 0;
  while (two_teams < one.reports.size() && one.reports[two_teams].file.find("two-teams.json") == std::string::npos) ++two_teams;
  REQUIRE(two_teams < one.reports.size());
  for (std::size_t i = 0; i < two_teams; ++i) CHECK(one.reports[i].file.find("/fixtures/risky/") != std::string::npos);
  for (std::size_t i = two_teams + 1; i < one.reports.size(); ++i) CHECK(one.reports[i].file.find("/fixtures/iac/") != std::string::npos);
}

TEST_CASE("query::lint_paths a file a Terraform role read is reported through the role only, named before or after it") {
  const std::string dir = kRoot + "/fixtures/terraform/file-trust-policy";
  std::vector<std::vector<std::string>> runs;
  for (const auto& order : {std::vector<std::string>{dir + "/trust-policy.json", dir + "/main.tf"},
                            std::vector<std::string>{dir + "/main.tf", dir + "/trust-policy.json"}}) {
    for (std::size_t threads : {1, 2, 8}) {
      LintPathsOptions o = paths(order);
      o.threads = threads;
      const LintRun run = lint_paths(o);
      REQUIRE(run.reports.size() == 1);
      CHECK(run.reports.front().resource == "aws_iam_role.from_file");
      CHECK(run.summary.roles == 1);
      runs.push_back(answers(run));
    }
  }
  for (const auto& r : runs) CHECK(r == runs.front());
  // Terraform source is told by its name's ending in any case: MAIN.TF reads the file too
  Scratch s("lint-paths-upper");
  const std::string upper = s.copy("fixtures/terraform/file-trust-policy/main.tf", "MAIN.TF");
  const std::string policy = s.copy("fixtures/terraform/file-trust-policy/trust-policy.json", "trust-policy.json");
  for (std::size_t threads : {1, 2}) {
    LintPathsOptions o = paths({policy, upper});
    o.threads = threads;
    const LintRun run = lint_paths(o);
    REQUIRE(run.reports.size() == 1);
    CHECK(run.reports.front().resource == "aws_iam_role.from_file");
  }
}

TEST_CASE("query::lint_paths on_report gets every report in order and the run keeps none") {
  LintPathsOptions o = paths({kRoot + "/fixtures/risky", kRoot + "/fixtures/good/two-teams.json"});
  const LintRun kept = lint_paths(o);
  LintRun streamed_answers;
  o.on_report = [&](const LintReport& r) { streamed_answers.reports.push_back(r); };
  const LintRun streamed = lint_paths(o);
  CHECK(streamed.reports.empty());
  CHECK(answers(streamed_answers) == answers(kept));
  CHECK(streamed.status() == kept.status());
  CHECK(streamed.summary.roles == kept.summary.roles);
  CHECK(streamed.summary.files == kept.summary.files);
}

TEST_CASE("query::lint_paths a git input that cannot be read is a failed report, not a silent pass") {
  LintRun run = lint_paths(paths({"git:-x:trust.json"}));
  REQUIRE(run.reports.size() == 1);
  CHECK(run.reports[0].input_failed);
  CHECK(run.reports[0].file == "git:-x:trust.json");
  REQUIRE(!run.reports[0].findings.empty());
  CHECK(run.reports[0].findings[0].rule == "TL001");
  CHECK(run.status() == 2);
}

TEST_CASE("query::lint_paths a plain file is one role, a directory that cannot be read a TL001 at it") {
  LintRun run = lint_paths(paths({kRoot + "/fixtures/good/vercel-docs-production.json"}));
  CHECK(run.status() == 0);
  CHECK(run.summary.roles == 1);
  CHECK(run.summary.files == 1);
  Scratch s("unreadable");
  s.write("ok/role.json", R"({"Version": "2012-10-17", "Statement": []})");
  const fs::path dir = s.root / "locked";
  s.write("locked/role.json", R"({"Version": "2012-10-17", "Statement": []})");
  fs::permissions(dir, fs::perms::none);
  std::error_code ec;
  fs::directory_iterator probe(dir, ec);
  if (ec) {  // not as root, who reads every directory (then there is nothing to see)
    run = lint_paths(paths({s.root.string()}));
    REQUIRE(!run.diagnostics.empty());
    CHECK(run.diagnostics[0].code == "TL001");
    CHECK(run.diagnostics[0].span.file == dir.string());
    CHECK(run.bad_input);
    CHECK(run.status() == 2);
  }
  fs::permissions(dir, fs::perms::owner_all);
}

TEST_SUITE_END();
