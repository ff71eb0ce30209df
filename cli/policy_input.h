// Loading a policy for a verb: reads it (a plain policy, or one role of a CloudFormation
// template, Terraform plan or account authorization details, chosen by --resource), prints its
// diagnostics to stderr, and says whether the verb can go on. Shared by can and who.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/engine.h"
#include "trustlint/sources.h"

namespace trustlint::cli {

struct PolicyInput {
  Document document;
  CompiledPolicy compiled;
  // What was assumed in choosing and reading the role: "role VercelDeployRole: the only role in
  // the file that trusts Vercel", CloudFormation parameter defaults, ... (empty for a plain policy).
  std::vector<std::string> assumptions;
};

// Loads and compiles the policy of `path`; for an IaC input, the role named by `resource`
// (logical ID, Terraform address, role ARN or name), or when that is empty the only role that
// trusts Vercel. On errors prints them (stderr) and returns nullopt (exit 2): an unreadable or
// invalid policy, an unknown resource, several candidate roles and no --resource.
std::optional<PolicyInput> load_for_evaluation(const std::string& path, const LoadOptions& options,
                                               const std::string& resource = {});

// The same from what find_trust_policies(_text) returned for `path` (the name printed).
std::optional<PolicyInput> load_found(const Result<std::vector<PolicySource>>& found, const std::string& path,
                                      const LoadOptions& options, const std::string& resource);
// `options` with max_errors lifted: read inputs with it so that a hidden error still counts.
LoadOptions all_errors(const LoadOptions& options);
// Prints the input's errors (or the problems outside every role) and says whether it was read.
bool found_usable(const Result<std::vector<PolicySource>>& found, const std::string& path, const LoadOptions& options);
// One role's policy, checked and compiled as load_for_evaluation does (errors printed).
std::optional<PolicyInput> prepare_role(const PolicySource& role, const std::string& path, const LoadOptions& options);
// Does `resource` name the role (logical ID, address, ARN, or for account details its name)?
bool role_named(const PolicySource& role, const std::string& resource);

// Prints diagnostics to stderr in the compiler-style format.
void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace trustlint::cli
