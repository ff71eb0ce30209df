// Where trust policies live: a plain policy file, a CloudFormation template (JSON or YAML, short
// and long intrinsic forms), a Terraform plan (`terraform show -json`) or the output of
// `aws iam get-account-authorization-details`. find_trust_policies() detects the form from the
// content and returns one PolicySource per IAM role, each policy located in the user's file.
//
// Example:
//   auto roles = trustlint::find_trust_policies("template.yaml");
//   if (!roles.ok()) return 2;  // unreadable or unparsable (TL001–TL010)
//   for (const trustlint::PolicySource& role : roles.value())
//     if (role.policy.has_value())
//       std::cout << role.resource << " (" << role.form << "): " << role.policy.value().statements.size() << "\n";
//
// Ownership: PolicySource is a plain value that owns its Document and strings; nothing points
// into the input text, which may be dropped after the call.
// Thread safety: safe to call from several threads on different inputs (stdin, "-", is one).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trustlint/options.h"
#include "trustlint/policy.h"
#include "trustlint/result.h"

namespace trustlint {

// One role's trust policy, as found in an input.
struct PolicySource {
  // Which role: the CloudFormation logical ID ("VercelDeployRole"), the Terraform address
  // ("module.ci.aws_iam_role.deploy"), the role's ARN (or name, when the ARN is missing) in
  // account authorization details; empty for a plain policy file.
  std::string resource;
  // "policy" | "cloudformation" | "terraform-plan" | "account-authorization-details".
  std::string form;
  // The policy with its grammar diagnostics (as load_policy_file gives them). Every span points
  // into the user's file, also when the policy was a JSON string inside it (Terraform) or a
  // URL-encoded one (account details). Every diagnostic of an IaC form ends with a note naming
  // the resource. No value when the role has no usable trust policy (TL081, TL082).
  Result<Document> policy;
  // What was filled in because the input does not say: CloudFormation parameters taken at their
  // Default, pseudo parameters, intrinsics replaced by a placeholder (each also a TL080 warning
  // in policy.diagnostics()), Terraform values known only after apply. Empty when nothing was.
  std::vector<std::string> assumptions;
  // Other files the policy was read from (Terraform file() and templatefile()), named as in
  // spans. `lint` of a directory reports such a file through the role, not a second time alone.
  std::vector<std::string> read_files;
};

// Reads `path` ("-" = stdin) and returns its trust policies, in file order. The form is detected
// from the content: an object with "Statement" is a policy; "Resources" or
// "AWSTemplateFormatVersion" a CloudFormation template; "format_version" with "planned_values",
// "resource_changes", "prior_state", "configuration" or "values" a Terraform plan or state;
// "RoleDetailList" account authorization details; anything else is read as a policy (so its
// grammar errors are reported). Only IAM roles are returned (AWS::IAM::Role, aws_iam_role,
// RoleDetailList entries), also those that trust no OIDC provider; other resources are ignored.
// Fails only when the input cannot be read or parsed (TL001–TL010).
Result<std::vector<PolicySource>> find_trust_policies(const std::string& path, const LoadOptions& options = {});
// Same, from text in memory; `name` is used in spans. With `name_is_path` (the text was read from
// the file `name`), a .tf or .tf.json file's directory is read as its module, as find_trust_policies does.
Result<std::vector<PolicySource>> find_trust_policies_text(std::string_view text, const std::string& name,
                                                           const LoadOptions& options = {}, bool name_is_path = false);

// One spelling per file, the one test of file identity trustlint uses everywhere (a Terraform
// module's sibling files, lint's files read through a role): `path` made absolute with `.`, `..`
// and symbolic links resolved (std::filesystem::weakly_canonical), or only lexically normalised
// when that fails; '/' separators. `./a/b.json`, `a/b.json`, `/abs/a/b.json` and a symbolic
// link to it give one key. "-" (stdin) is its own key.
std::string file_identity(const std::string& path);

}  // namespace trustlint
