// Fuzz target: find_trust_policies_text, the IaC source extractors (CloudFormation JSON/YAML with
// short and long intrinsics, Terraform plans and state, account authorization details with
// URL-encoded policies) on arbitrary bytes, then compile() and evaluate() on each policy found.
// Checks that a failure carries an error, that every diagnostic of the file and of each role's
// policy is located inside the input (also for policies embedded as JSON or URL-encoded strings),
// that each source names a known form, and nothing crashes or hangs. Seeds: fixtures/iac, fixtures/good.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/sources.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trustlint;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string name = fuzz::input_name(text);
  const std::size_t located = fuzz::located_size(text);
  LoadOptions options;
  options.limits.max_nodes = 100'000;
  const Result<std::vector<PolicySource>> found = find_trust_policies_text(text, name, options);
  fuzz::check_result(found, name, located);
  if (!found.has_value()) return 0;
  static const Request request = [] {
    DeploymentFacts facts{"acme", "web", "production", IssuerMode::team, std::nullopt, {}};
    return make_request(vercel_profile(), facts).value();
  }();
  for (const PolicySource& source : found.value()) {
    fuzz::require(source.form == "policy" || source.form == "cloudformation" || source.form == "terraform-plan" ||
                      source.form == "account-authorization-details",
                  "unknown form");
    fuzz::require(source.form != "policy" || source.resource.empty(), "a plain policy names a resource");
    fuzz::check_result(source.policy, name, located);
    if (!source.policy.has_value()) continue;
    Result<CompiledPolicy> compiled = compile(source.policy.value());
    fuzz::check_diagnostics(compiled.diagnostics(), name, located);
    if (!compiled.ok()) continue;
    const Decision d = evaluate(compiled.value(), request);
    fuzz::require(d.statements.size() == source.policy->statements.size(), "trace does not cover every statement");
  }
  return 0;
}
