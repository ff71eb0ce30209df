// The installed engine's public API from outside the tree (tests/consumer/CMakeLists.txt): load
// Vercel's documented preview-and-production policy, ask `can` for two deployments and `who`
// for the whole set, lint it and a directory holding it (lint_paths), and check the answers.
// Exit 0 when all hold, 1 (with a message) else.
#include <trustlint/lint.h>
#include <trustlint/lint_paths.h>
#include <trustlint/trustlint.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

constexpr const char* kPolicy = R"({
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme"},
      "StringLike": {"oidc.vercel.com/acme:sub": ["owner:acme:project:*:environment:preview",
                                                   "owner:acme:project:*:environment:production"]}
    }
  }]
})";

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAIL", what.c_str());
  if (!ok) ++failures;
}

bool can(const trustlint::CompiledPolicy& policy, const char* environment) {
  trustlint::DeploymentFacts facts{.team = "acme", .project = "web", .environment = environment};
  auto request = trustlint::make_request(trustlint::vercel_profile(), facts);
  return request.ok() && trustlint::evaluate(policy, request.value()).allowed();
}

}  // namespace

int main() {
  std::printf("trustlint %s\n", trustlint::version());
  auto doc = trustlint::load_policy_text(kPolicy, "policy.json");
  check(doc.ok(), "the policy loads");
  if (!doc.ok()) return 1;
  auto policy = trustlint::compile(doc.value());
  check(policy.ok(), "the policy compiles");
  if (!policy.ok()) return 1;

  check(can(policy.value(), "preview"), "can: preview of acme/web is allowed");
  check(!can(policy.value(), "development"), "can: development of acme/web is denied");

  auto who = trustlint::allowed_set(policy.value(), trustlint::vercel_profile());
  check(who.ok() && !who.value().empty(), "who: someone gets in");
  if (who.ok()) {
    const auto& set = who.value();
    trustlint::DeploymentFacts prod{.team = "acme", .project = "api", .environment = "production"};
    trustlint::DeploymentFacts other{.team = "globex", .project = "api", .environment = "production"};
    check(trustlint::allowed_by_description(set, trustlint::vercel_profile(), prod), "who: production of acme/api is in");
    check(!trustlint::allowed_by_description(set, trustlint::vercel_profile(), other), "who: another team is not");
  }

  trustlint::LintOptions options;
  options.teams = {"acme"};
  auto report = trustlint::lint(doc.value(), policy.value(), options);
  check(report.ok(), "lint runs");

  // a whole lint run over a directory, as `trustlint lint DIR` does
  const auto dir = std::filesystem::temp_directory_path() / "trustlint-consumer-lint-paths";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "roles");
  std::ofstream(dir / "roles" / "deploy.json") << kPolicy;
  trustlint::LintPathsOptions run_options;
  run_options.paths = {dir.string()};
  run_options.teams = {"acme"};
  const trustlint::LintRun run = trustlint::lint_paths(run_options);
  check(run.summary.roles == 1 && run.reports.size() == 1, "lint_paths: the directory's one role checked");
  std::filesystem::remove(dir / "roles" / "deploy.json");
  check(trustlint::lint_paths(run_options).status() == 2, "lint_paths: nothing checked is not a pass");
  std::filesystem::remove_all(dir);
  return failures == 0 ? 0 : 1;
}
