// discover_files: what a directory walk keeps (trust policies and IaC by content), what it skips
// silently (other JSON/YAML, .git, .trustlint.yaml, --exclude), and that files named on the
// command line are always kept.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "cli/discover_files.h"

TEST_SUITE_BEGIN("cli");

namespace fs = std::filesystem;
using namespace trustlint::cli;

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
  std::vector<std::string> found(const std::vector<std::string>& excludes = {}) const {
    Discovered d = discover_files({root.string()}, ExcludePatterns(excludes));
    CHECK(d.errors.empty());
    std::vector<std::string> rel;
    for (const auto& f : d.files) rel.push_back(fs::path(f).lexically_relative(root).generic_string());
    return rel;
  }
};

}  // namespace

TEST_CASE("cli::discover_files keeps trust policies and IaC, skips other JSON and YAML silently") {
  Tree t;
  CHECK(t.found() == std::vector<std::string>{"account.json", "cfn/stack.template", "legacy/keep.json", "legacy/old.json",
                                              "roles/deploy.json", "roles/deploy.yml", "tf/plan.json"});
}

TEST_CASE("cli::discover_files applies --exclude relative to the walked directory") {
  Tree t;
  CHECK(t.found({"legacy/"}) == std::vector<std::string>{"account.json", "cfn/stack.template", "roles/deploy.json",
                                                         "roles/deploy.yml", "tf/plan.json"});
  CHECK(t.found({"legacy/*", "!keep.json", "*.yml", "/account.json", "tf"}) ==
        std::vector<std::string>{"cfn/stack.template", "legacy/keep.json", "roles/deploy.json"});
  // the walked directory's own name is not part of the paths patterns see
  CHECK(t.found({"/" + t.root.filename().string()}).size() == 7);
}

TEST_CASE("cli::discover_files keeps files named explicitly, whatever they hold") {
  Tree t;
  const std::string package = (t.root / "package.json").string();
  const Discovered d = discover_files({package, "-", (t.root / "missing.json").string()}, ExcludePatterns({"*.json"}));
  CHECK(d.files == std::vector<std::string>{package, "-", (t.root / "missing.json").string()});
}

TEST_CASE("cli::discover_files with filter_named skips named files that hold no policy (hooks)") {
  Tree t;
  auto at = [&](const char* rel) { return (t.root / rel).string(); };
  const Discovered d = discover_files({at("package.json"), at("roles/deploy.json"), at("roles/.trustlint.yaml"),
                                       at("roles/notes.txt"), at("cfn/stack.template"), at("missing.json"), "-"},
                                      ExcludePatterns({"*.json"}), true);
  // a missing file stays, so that lint reports it
  CHECK(d.files == std::vector<std::string>{at("roles/deploy.json"), at("cfn/stack.template"), at("missing.json"), "-"});
}

TEST_CASE("cli::looks_like_trust_policy_source") {
  CHECK(looks_like_trust_policy_source(kPolicy));
  CHECK(looks_like_trust_policy_source("Resources:\n  R: {Type: 'AWS::IAM::Role'}"));
  CHECK(looks_like_trust_policy_source(R"({"resource_changes": [{"type": "aws_iam_role"}]})"));
  CHECK(looks_like_trust_policy_source(R"({"type": "aws_iam_policy_document"})"));
  CHECK(looks_like_trust_policy_source(R"({"RoleDetailList": []})"));
  CHECK_FALSE(looks_like_trust_policy_source(R"({"Statement": [{"Action": "s3:*", "Resource": "*"}]})"));
  CHECK_FALSE(looks_like_trust_policy_source(R"({"name": "web"})"));
  CHECK_FALSE(looks_like_trust_policy_source(""));
}

TEST_SUITE_END();
