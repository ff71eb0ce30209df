// sniff_file (file_kind.h): the file read as find_trust_policies() reads it and judged by the
// same form detection (detect_input_form, iac_forms.h): one content sniff for both.
#include "query/file_kind.h"

#include <cctype>
#include <optional>
#include <set>

#include "iac/iac_forms.h"
#include "policy/spelling.h"
#include "source/read_tree.h"
#include "source/utf8.h"

namespace trustlint::internal {
namespace {

std::string_view file_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The file read by the engine's own reader (JSON or YAML, as find_trust_policies reads it) and
// judged by its form detection (detect_input_form): nullopt when a reader takes it, or when it
// does not read (the reader says what is wrong with it when it is linted); else its top-level
// keys, for the messages. JSON is read as an outline of its top level (kinds and offsets below
// it, no tree): an account export runs to tens of megabytes, and the form shows at the top.
std::optional<std::set<std::string>> keys_of_no_form(std::string_view path, std::string_view text,
                                                     std::optional<Result<Node>>* yaml_tree) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // as read_source_file drops it
  if (!is_valid_utf8(text)) return std::nullopt;  // the reader locates the bad byte
  const SourceFile file{std::string(path), std::string(text)};
  const bool json = detect_format(file) == InputFormat::json;
  Result<Node> tree = json ? read_json_outline(file, Limits{}, 1) : read_tree(file, InputFormat::auto_detect, Limits{});
  std::optional<std::set<std::string>> keys;
  if (tree.has_value() && detect_input_form(tree.value()) == InputForm::none) {
    keys.emplace();
    for (const Member& m : tree.value().members) keys->insert(m.key);
  }
  if (!json && yaml_tree != nullptr) yaml_tree->emplace(std::move(tree));
  return keys;
}

// A top-level key that is nearly "Statement" (Statment, statement, Statements), or a Version
// (an IAM policy's date) and nothing else a policy needs.
std::string policy_shape(const std::set<std::string>& keys, std::string_view text) {
  for (const auto& k : keys) {
    if (k != "Statement" && edit_distance(k, "statement", 2) <= 2) return "an IAM policy with \"" + k + "\" where \"Statement\" belongs";
  }
  const bool dated = text.find("2012-10-17") != std::string_view::npos || text.find("2008-10-17") != std::string_view::npos;
  if (keys.count("Version") != 0 && dated) return "an IAM policy with a Version and no Statement";
  return {};
}

std::string described(std::string_view path, const std::set<std::string>& keys) {
  const std::string name = lower(file_name(path));
  if (name == "serverless.yml" || name == "serverless.yaml" || name == "serverless.json") {
    return "a Serverless Framework configuration (lint the CloudFormation template `serverless package` writes to .serverless/)";
  }
  if (name == "package.json") return "an npm package manifest";
  if (name.starts_with("docker-compose") || name.starts_with("compose.")) return "a Docker Compose file";
  if (name.starts_with("tsconfig")) return "a TypeScript configuration";
  if (name == "cdk.json") return "a CDK app configuration (lint the template `cdk synth` writes to cdk.out/)";
  if (path.find(".github/workflows/") != std::string_view::npos) return "a GitHub Actions workflow";
  if (keys.count("openapi") != 0 || keys.count("swagger") != 0) return "an OpenAPI document";
  return "no trust policy, CloudFormation template, Terraform plan or account authorization details "
         "(none of Statement, Resources, AWSTemplateFormatVersion, format_version or RoleDetailList at the top level)";
}

}  // namespace

bool looks_like_trust_policy_source(std::string_view text) {
  for (std::string_view marker : {"AWS::IAM::Role", "aws_iam_role", "aws_iam_policy_document", "RoleDetailList"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  // A plain policy: a trust policy names a Principal; an identity policy (no Principal) is not
  // one and would only collect "missing Principal" errors.
  return text.find("Statement") != std::string_view::npos && text.find("Principal") != std::string_view::npos;
}

FileSniff sniff_file(std::string_view path, std::string_view text, std::optional<Result<Node>>* yaml_tree) {
  FileSniff out;
  out.mentions_role = looks_like_trust_policy_source(text);
  const std::string name = lower(file_name(path));
  // A .tf file is read by the HCL reader, a .tf.json file by the JSON reader into the same syntax
  // tree, each with the rest of its directory (one module): in a walk, the files that declare a
  // role are linted; variables, locals and policy documents are read through them.
  if (terraform_source_name(name)) {
    out.mentions_role = text.find("\"aws_iam_role\"") != std::string_view::npos;
    return out;
  }
  const auto keys = keys_of_no_form(path, text, yaml_tree);
  if (!keys) return out;  // a reader's form, or unreadable: the reader says where
  if (std::string shape = policy_shape(*keys, text); !shape.empty()) {
    out.kind = FileKind::policy_shaped;
    out.looks_like = std::move(shape);
    return out;
  }
  out.kind = FileKind::unrecognized;
  out.looks_like = described(path, *keys);
  return out;
}

}  // namespace trustlint::internal
