// sniff_file(): what a file given to `lint` is, from its name and first bytes, before any reader
// runs — an input a reader takes (a policy, CloudFormation, a Terraform plan, account
// authorization details), Terraform source, something with the shape of an IAM policy that no
// reader takes (a `Statment` typo, a Version and no statements), or something else (package.json,
// serverless.yml). discover_files() (discover.h) decides from it what is read, what is an error and what a
// note. The one place that knows file kinds: .tf is read by the HCL reader, .tf.json by the JSON
// reader into the same Terraform module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/node.h"
#include "trustlint/result.h"

namespace trustlint::internal {

enum class FileKind {
  input,             // a form find_trust_policies() reads (or text it must report as broken)
  policy_shaped,     // IAM-policy shape, but no form a reader takes (TL086 in a walk)
  unrecognized,      // no reader's form (TL085 when named on the command line)
};

struct FileSniff {
  FileKind kind = FileKind::input;
  // Mentions a trust policy or an IAM role (Statement and Principal, AWS::IAM::Role,
  // aws_iam_role, aws_iam_policy_document, RoleDetailList): worth reading or reporting.
  bool mentions_role = false;
  // What the file looks like, for messages: "Terraform source (HCL)", "a Serverless Framework
  // configuration", "JSON without ...". Empty for inputs.
  std::string looks_like;
};

// `path` for its name only; `text` is the file's first bytes (up to the input limit). When the
// file was read as YAML to judge it and `yaml_tree` is given, the tree is moved there (as
// read_tree(SourceFile(path, text without a byte-order mark), auto_detect, Limits{}) gives it);
// else *yaml_tree is left as it was.
FileSniff sniff_file(std::string_view path, std::string_view text, std::optional<Result<Node>>* yaml_tree = nullptr);

// Statement and Principal, or a marker of an IaC role: the relevance test of directory walks.
bool looks_like_trust_policy_source(std::string_view text);

}  // namespace trustlint::internal
