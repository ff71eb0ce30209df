// The readers of each IaC form, called by find_trust_policies once the form is detected from the
// file's tree. Each returns the IAM roles it finds, in file order, and ignores other resources.
// Stateless; safe to call from several threads on different inputs.
#pragma once

#include <vector>

#include "iac/iac_source.h"
#include "source/node.h"
#include "trustlint/sources.h"

namespace trustlint::internal {

// The form of a file's tree, by the top-level keys its reader recognises it by: the one content
// sniff, used by find_trust_policies (which reader) and by input discovery (file_kind.h: is the
// file an input at all). `none`: an object with none of Statement, RoleDetailList, format_version,
// AWSTemplateFormatVersion and Resources (find_trust_policies reads it as a policy, which then
// says what is missing); a tree that is no object is a policy (its reader says why not).
enum class InputForm { policy, cloudformation, terraform_plan, account_details, none };
InputForm detect_input_form(const Node& root);

// find_trust_policies_text() of a file its caller has already read into `tree` (read_tree(file,
// options.format, options.limits)), to judge it: the same answer without a second parse. Not for
// Terraform source (.tf, .tf.json), which is no tree of this kind.
Result<std::vector<PolicySource>> find_trust_policies_in_tree(const SourceFile& file, Result<Node> tree,
                                                              const LoadOptions& options);

// Resources.*.Type == AWS::IAM::Role → Properties.AssumeRolePolicyDocument (cloudformation.cpp).
std::vector<FoundPolicy> find_cloudformation_roles(const Node& root, const IacInput& in);

// aws_iam_role resources of `terraform show -json` (a plan, or a state): assume_role_policy,
// else the data.aws_iam_policy_document it refers to (terraform_plan.cpp).
std::vector<FoundPolicy> find_terraform_roles(const Node& root, const IacInput& in);

// resource "aws_iam_role" blocks of Terraform source (a .tf file; the other .tf files of its
// directory give variables, locals and policy documents when `read_directory`) (tf_roles.cpp).
// Fails on HCL syntax errors (TL078) and reader limits.
Result<std::vector<PolicySource>> find_terraform_source_roles(const SourceFile& file, const LoadOptions& options,
                                                              bool read_directory);

// RoleDetailList[].AssumeRolePolicyDocument of get-account-authorization-details, decoded or
// URL-encoded (account_details.cpp).
std::vector<FoundPolicy> find_account_roles(const Node& root, const IacInput& in);
// Its parts, for a reader that streams an export (account_stream.cpp): the RoleDetailList array
// (nullptr when missing or not an array), and the policy of its `number`th entry (1-based), an
// object whose span is its bytes in the file.
const Node* account_role_list(const Node& root);
FoundPolicy find_account_role(const Node& role, std::size_t number, const IacInput& in);

}  // namespace trustlint::internal
