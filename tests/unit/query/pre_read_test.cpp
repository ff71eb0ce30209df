// PreReads (query/pre_read.h): a lint run's walk keeps the YAML files it parsed to judge them, and
// lint uses them instead of reading and parsing each file again. The store keeps within its
// budget and gives each file once; the walk keeps exactly the YAML files it will have read; and
// what lint reports from a kept file is what it reports from the file alone.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "query/pre_read.h"
#include "unit/query/query_test_util.h"
#include "trustlint/lint_paths.h"
#include "trustlint/query.h"

TEST_SUITE_BEGIN("query");

namespace fs = std::filesystem;
using namespace trustlint;
using trustlint::internal::PreRead;
using trustlint::internal::PreReads;

namespace {

using Scratch = trustlint::testing::ScratchDir;

PreRead text_only(std::size_t size) {
  return PreRead{std::make_shared<const std::string>(size, 'x'), Result<internal::Node>(internal::Node{})};
}

// Everything a report says, in one string per report.
std::string said(const LintReport& r) {
  std::string out = r.file + "#" + r.resource + " form=" + r.form + " read=" + std::to_string(r.read) +
                    " failed=" + std::to_string(r.input_failed);
  for (const auto& n : r.notes) out += "\n  note " + n;
  for (const auto& f : r.findings) {
    out += "\n  " + f.rule + " " + std::to_string(static_cast<int>(f.severity)) + " " + f.span.file + ":" +
           std::to_string(f.span.line) + ":" + std::to_string(f.span.col) + "-" + std::to_string(f.span.end_line) + ":" +
           std::to_string(f.span.end_col) + "@" + std::to_string(f.span.offset) + " " + f.pointer + " " + f.message +
           " | fix " + f.fix + (f.witness ? " | example" : "");
    for (const auto& n : f.notes) out += " | " + n;
  }
  return out;
}

}  // namespace

TEST_CASE("query::PreReads gives each file once and keeps within its budget") {
  PreReads store;
  store.keep("a.yaml", text_only(10));
  REQUIRE(store.take("a.yaml"));
  CHECK_FALSE(store.take("a.yaml"));  // once
  CHECK_FALSE(store.take("b.yaml"));  // never kept
  store.keep("big.yaml", text_only(PreReads::kBudget));  // 10 + budget: over
  CHECK_FALSE(store.take("big.yaml"));
  store.keep("rest.yaml", text_only(PreReads::kBudget - 10));  // exactly the budget
  CHECK(store.take("rest.yaml"));
  store.keep("one-more.yaml", text_only(1));  // the budget counts what was taken too
  CHECK_FALSE(store.take("one-more.yaml"));
}

TEST_CASE("query::discover_files_keeping keeps the YAML files it will have read, and nothing else") {
  Scratch s("pre-read-keep");
  const std::string policy = s.write("w/role.yaml", "\xEF\xBB\xBFStatement:\n  - Effect: Allow\n    Principal: {Federated: x}\n");
  const std::string json = s.write("w/role.json", R"({"Statement": [{"Effect": "Allow", "Principal": {"Federated": "x"}}]})");
  const std::string compose = s.write("w/docker-compose.yml", "services:\n  web:\n    image: node\n");
  const std::string typo = s.write("w/typo.yaml", "Version: '2012-10-17'\nStatment:\n  - Principal: x\n");
  const std::string broken = s.write("w/broken.yaml", "Statement: [\n  Principal: x\n");
  const std::string named_typo = s.write("named.yaml", "Version: '2012-10-17'\nStatment:\n  - Principal: x\n");
  PreReads keep;
  const Discovered d = internal::discover_files_keeping({s.root.string() + "/w", named_typo}, DiscoverOptions{}, &keep);
  REQUIRE(d.errors.empty());
  // read: the policy, the JSON, the broken YAML (its reader reports it), the named typo
  const std::vector<std::string> read = d.read();
  CHECK(read == std::vector<std::string>{broken, json, policy, named_typo});
  const auto kept = keep.take(policy);
  REQUIRE(kept);
  CHECK(*kept->text == "Statement:\n  - Effect: Allow\n    Principal: {Federated: x}\n");  // no byte-order mark
  CHECK(kept->tree.has_value());
  const auto kept_broken = keep.take(broken);  // kept as the reader left it: the error it reports
  REQUIRE(kept_broken);
  CHECK_FALSE(kept_broken->tree.has_value());
  CHECK(keep.take(named_typo));  // a named file with a policy's shape is read, so kept
  CHECK_FALSE(keep.take(json));     // JSON is judged from an outline: nothing to keep
  CHECK_FALSE(keep.take(compose));  // skipped
  CHECK_FALSE(keep.take(typo));     // reported unread in a walk (TL086)
  // discover_files() is the same walk and keeps nothing
  const Discovered plain = discover_files({s.root.string() + "/w", named_typo}, DiscoverOptions{});
  CHECK(plain.read() == read);
}

TEST_CASE("query::lint_paths reports of YAML files linted from the walk's reading equal each file linted alone") {
  Scratch s("pre-read-same");
  std::vector<std::string> files;
  for (const char* fixture : {"fixtures/good/custom-environment.yaml", "fixtures/good/multi-project.yaml",
                              "fixtures/good/web-with-deny-development.yaml", "fixtures/risky/development-allowed.yaml",
                              "fixtures/risky/ifexists-wrong-prefix.yaml", "fixtures/risky/multi-principal-negated.yaml",
                              "fixtures/iac/cloudformation-mixed-providers.yaml", "fixtures/iac/cloudformation-vercel-roles.yaml"}) {
    files.push_back(s.copy(fixture, fs::path(fixture).filename().string()));
  }
  files.push_back(s.write("bom.yaml", "\xEF\xBB\xBFVersion: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Principal: {Federated: oidc.vercel.com/acme}\n"
                                      "    Action: sts:AssumeRoleWithWebIdentity\n    Condition:\n      StringLike: {'oidc.vercel.com/acme:sub': 'owner:acme:*'}\n"));
  files.push_back(s.write("dup.yaml", "Statement:\n  - Effect: Allow\n    Effect: Deny\n    Principal: {Federated: oidc.vercel.com/acme}\n"
                                      "    Action: sts:AssumeRoleWithWebIdentity\n"));
  files.push_back(s.write("broken.yaml", "Statement: [\n  Principal: x\n"));
  std::sort(files.begin(), files.end());
  std::vector<std::string> alone;
  for (const auto& f : files) {
    for (const auto& r : lint_input(Input::file(f), LintOptions{}, LoadOptions{})) alone.push_back(said(r));
  }
  LintPathsOptions o;
  o.paths = {s.root.string()};
  for (std::size_t threads : {1, 2}) {
    o.threads = threads;
    std::vector<std::string> walked;
    for (const auto& r : lint_paths(o).reports) walked.push_back(said(r));
    CHECK(walked == alone);
  }
  o.paths = files;  // named: kept too
  std::vector<std::string> named;
  for (const auto& r : lint_paths(o).reports) named.push_back(said(r));
  CHECK(named == alone);
}
