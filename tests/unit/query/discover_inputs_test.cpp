// discover_files: what a directory walk keeps (trust policies and IaC by content), what it skips
// (other JSON/YAML, .gitignore'd files, .git, node_modules, .trustlint.yaml, --exclude), what it
// reports unread (TL086), and which files named on the command line are errors (TL085).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "trustlint/discover.h"
#include "trustlint/sources.h"
#include "query/file_kind.h"

TEST_SUITE_BEGIN("query");

namespace fs = std::filesystem;
using namespace trustlint;
using trustlint::internal::looks_like_trust_policy_source;

namespace {

const char* const kPolicy = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "x"}, "Action": "sts:AssumeRoleWithWebIdentity"}]})";

struct Tree {
  fs::path root;
  Tree() {
    root = fs::temp_directory_path() / ("trustlint-discover-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::remove_all(root);
    write("roles/deploy.json", kPolicy);
    write("roles/deploy.yml", "Statement:\n  - Effect: Allow\n    Principal: {Federated: x}\n");
    write("cfn/stack.template", "Resources:\n  R:\n    Type: AWS::IAM::Role\n");
    write("tf/plan.json", R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [{"type": "aws_iam_role"}]}}})");
    write("account.json", R"({"UserDetailList": [], "RoleDetailList": []})");
    write("package.json", R"({"name": "web", "dependencies": {}})");
    write("tsconfig.json", R"({"compilerOptions": {"strict": true}})");
    write("docker-compose.yml", "services:\n  web:\n    image: node\n");
    write("identity-policy.json", R"({"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})");
    write("roles/.trustlint.yaml", "teams: [acme]\n");
    write("roles/notes.txt", kPolicy);
    write(".git/config.json", kPolicy);
    write("legacy/old.json", kPolicy);
    write("legacy/keep.json", kPolicy);
  }
  ~Tree() { fs::remove_all(root); }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  }
  std::vector<std::string> found(const std::vector<std::string>& excludes = {}, bool default_excludes = true) const {
    Discovered d = discover_files({root.string()}, DiscoverOptions{ExcludePatterns(excludes), false, default_excludes});
    CHECK(d.errors.empty());
    std::vector<std::string> rel;
    for (const auto& f : d.files) {
      rel.push_back(fs::path(f.path).lexically_relative(root).generic_string() + (f.unread ? " " + f.unread->code : ""));
    }
    return rel;
  }
};

}  // namespace

TEST_CASE("query::discover_files keeps trust policies and IaC, skips other JSON and YAML silently") {
  Tree t;
  CHECK(t.found() == std::vector<std::string>{"account.json", "cfn/stack.template", "legacy/keep.json", "legacy/old.json",
                                              "roles/deploy.json", "roles/deploy.yml", "tf/plan.json"});
}

TEST_CASE("query::discover_files applies --exclude relative to the walked directory") {
  Tree t;
  CHECK(t.found({"legacy/"}) == std::vector<std::string>{"account.json", "cfn/stack.template", "roles/deploy.json",
                                                         "roles/deploy.yml", "tf/plan.json"});
  CHECK(t.found({"legacy/*", "!keep.json", "*.yml", "/account.json", "tf"}) ==
        std::vector<std::string>{"cfn/stack.template", "legacy/keep.json", "roles/deploy.json"});
  // the walked directory's own name is not part of the paths patterns see
  CHECK(t.found({"/" + t.root.filename().string()}).size() == 7);
}

TEST_CASE("query::discover_files keeps files named explicitly, whatever they hold") {
  Tree t;
  const std::string package = (t.root / "package.json").string();
  const std::string identity = (t.root / "identity-policy.json").string();
  const Discovered d = discover_files({identity, "-", (t.root / "missing.json").string()}, DiscoverOptions{ExcludePatterns({"*.json"})});
  CHECK(d.read() == std::vector<std::string>{identity, "-", (t.root / "missing.json").string()});
}

TEST_CASE("query::discover_files walks .tf.json files that declare a role; reports named files no reader takes") {
  Tree t;
  t.write("main.tf.json", R"({"resource": {"aws_iam_role": {"deploy": {}}}})");
  t.write("serverless.yml", "service: web\nprovider:\n  name: aws\nresources:\n  Resources:\n    R:\n      Type: AWS::IAM::Role\n");
  t.write("typo.json", R"({"Version": "2012-10-17", "Statment": [{"Effect": "Allow", "Principal": {"Federated": "x"}}]})");
  const auto at = [&](const char* rel) { return (t.root / rel).string(); };
  const Discovered d = discover_files({at("main.tf.json"), at("package.json"), at("serverless.yml"), at("typo.json")}, {});
  REQUIRE(d.files.size() == 4);
  CHECK_FALSE(d.files[0].unread);  // Terraform JSON source is read (with its module)
  REQUIRE(d.files[1].unread);
  CHECK(d.files[1].unread->code == "TL085");
  CHECK(d.files[1].unread->message.find("npm package manifest") != std::string::npos);
  REQUIRE(d.files[2].unread);
  CHECK(d.files[2].unread->code == "TL085");
  CHECK(d.files[2].unread->message.find("Serverless Framework") != std::string::npos);
  CHECK_FALSE(d.files[3].unread);  // named: read, so that its grammar errors name the typo
  const Discovered walked = discover_files({t.root.string()}, {});
  bool tf_json = false;
  for (const auto& f : walked.files) tf_json = tf_json || (f.path.ends_with("main.tf.json") && !f.unread);
  CHECK(tf_json);
}

TEST_CASE("query::discover_files reports policy-shaped files of a walk as notes, not silently") {
  Tree t;
  t.write("typo.json", R"({"Version": "2012-10-17", "Statment": [{"Effect": "Allow", "Principal": {"Federated": "x"}}]})");
  t.write("empty-policy.yaml", "Version: \"2012-10-17\"\n");
  t.write("serverless.yml", "service: web\nresources:\n  Resources:\n    R:\n      Type: AWS::IAM::Role\n");
  const Discovered d = discover_files({t.root.string()}, {});
  std::vector<std::string> notes;
  for (const auto& f : d.files) {
    if (f.unread) {
      CHECK(f.unread->code == "TL086");
      CHECK_FALSE(f.unread->error);
      notes.push_back(fs::path(f.path).filename().string());
    }
  }
  CHECK(notes == std::vector<std::string>{"empty-policy.yaml", "serverless.yml", "typo.json"});
  CHECK(d.skipped == 4);  // package.json, tsconfig.json, docker-compose.yml, identity-policy.json
}

TEST_CASE("query::discover_files respects .gitignore files and skips node_modules, .terraform, cdk.out/asset.*") {
  Tree t;
  t.write(".gitignore", "# generated\n/legacy/old.json\nbuild/\n");
  t.write("roles/.gitignore", "deploy.yml\n");
  t.write("build/out.json", kPolicy);
  t.write("node_modules/pkg/policy.json", kPolicy);
  t.write("infra/.terraform/modules/m/policy.json", kPolicy);
  t.write("infra/cdk.out/asset.1234/policy.json", kPolicy);
  t.write("infra/cdk.out/Stack.template.json", kPolicy);
  const std::vector<std::string> expected = {"account.json", "cfn/stack.template", "infra/cdk.out/Stack.template.json",
                                             "legacy/keep.json", "roles/deploy.json", "tf/plan.json"};
  CHECK(t.found() == expected);
  // a deeper .gitignore re-includes what one above ignores
  t.write("legacy/.gitignore", "!old.json\n");
  CHECK(t.found().size() == expected.size() + 1);
  // --no-default-excludes: everything below, .git included
  CHECK(t.found({}, false).size() == 13);
}

TEST_CASE("query::discover_files with filter_named skips named files that hold no policy (hooks)") {
  Tree t;
  auto at = [&](const char* rel) { return (t.root / rel).string(); };
  const Discovered d = discover_files({at("package.json"), at("roles/deploy.json"), at("roles/.trustlint.yaml"),
                                       at("roles/notes.txt"), at("cfn/stack.template"), at("missing.json"), "-"},
                                      DiscoverOptions{ExcludePatterns({"*.json"}), true});
  // a missing file stays, so that lint reports it
  CHECK(d.read() == std::vector<std::string>{at("roles/deploy.json"), at("cfn/stack.template"), at("missing.json"), "-"});
  CHECK(d.skipped == 3);
}

TEST_CASE("query::looks_like_trust_policy_source") {
  CHECK(looks_like_trust_policy_source(kPolicy));
  CHECK(looks_like_trust_policy_source("Resources:\n  R: {Type: 'AWS::IAM::Role'}"));
  CHECK(looks_like_trust_policy_source(R"({"resource_changes": [{"type": "aws_iam_role"}]})"));
  CHECK(looks_like_trust_policy_source(R"({"type": "aws_iam_policy_document"})"));
  CHECK(looks_like_trust_policy_source(R"({"RoleDetailList": []})"));
  CHECK_FALSE(looks_like_trust_policy_source(R"({"Statement": [{"Action": "s3:*", "Resource": "*"}]})"));
  CHECK_FALSE(looks_like_trust_policy_source(R"({"name": "web"})"));
  CHECK_FALSE(looks_like_trust_policy_source(""));
}

// One content sniff: discovery judges a file by the same reader and form detection that
// find_trust_policies reads it with, so no file the engine finds a role in is taken for
// something else (a false pass: a template silently skipped), and a file no form fits is
// described, not read.
TEST_CASE("query::sniff_file agrees with find_trust_policies on every fixture") {
  std::size_t inputs = 0;
  for (const auto& e : fs::recursive_directory_iterator(std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures")) {
    const std::string ext = e.path().extension().string();
    if (!e.is_regular_file() || (ext != ".json" && ext != ".yaml" && ext != ".yml" && ext != ".template")) continue;
    if (e.path().string().ends_with(".tf.json")) continue;
    const auto roles = find_trust_policies(e.path().string());
    if (!roles.has_value()) continue;
    // a role the engine can read: an IaC role, or a plain policy without errors
    const bool read = std::any_of(roles.value().begin(), roles.value().end(), [](const trustlint::PolicySource& r) {
      return r.form != "policy" || r.policy.ok();
    });
    if (!read) continue;
    std::ifstream in(e.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(e.path().string());
    CHECK(trustlint::internal::sniff_file(e.path().string(), text).kind == trustlint::internal::FileKind::input);
    ++inputs;
  }
  CHECK(inputs > 50);
  using trustlint::internal::FileKind;
  using trustlint::internal::sniff_file;
  // the engine's YAML reader, not a line scan: a flow mapping at the top level is read too
  CHECK(sniff_file("a.yaml", "{name: web, scripts: {build: tsc}}").kind == FileKind::unrecognized);
  CHECK(sniff_file("a.yaml", "{AWSTemplateFormatVersion: '2010-09-09', Resources: {}}").kind == FileKind::input);
  CHECK(sniff_file("a.yaml", "Version: '2012-10-17'\nStatment: []\n").kind == FileKind::policy_shaped);
  // a form's key with the wrong shape is read (its reader reports what is wrong), as before
  CHECK(sniff_file("a.json", R"({"Resources": []})").kind == FileKind::input);
  CHECK(sniff_file("a.json", R"({"format_version": "1.2"})").kind == FileKind::input);
}

TEST_SUITE_END();
