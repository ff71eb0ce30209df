// What the IaC readers (cloudformation, terraform_plan, account_details) share: the file being
// read, the policies they find (each with the part of the file it came from, so that reader
// diagnostics such as a duplicate key land on the right resource) and small helpers to build a
// policy from a subtree or a string and to name the resource in every diagnostic.
// Stateless helpers; safe to call from several threads on different inputs.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "iac/mapped_text.h"
#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/sources.h"

namespace trustlint::internal {

struct IacInput {
  const SourceFile& file;
  const LoadOptions& options;
  bool json = false;  // the file was read as JSON (string literals decode exactly)
};

struct FoundPolicy {
  PolicySource source;
  // Bytes of the file that belong to this resource (its whole definition).
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string named;  // how diagnostics name the resource ("resource X (AWS::IAM::Role)")
};

// A located value that stands in for one the input does not determine; `what` becomes part of
// the text ("UNRESOLVED-ImportValue-SharedProviderArn"): never a wildcard, never a Vercel name.
std::string placeholder_text(const std::string& what);

// A placeholder standing for a Federated principal becomes the ARN of an OIDC provider of that
// name in account 000000000000, so that the grammar reads an unknown provider, not a malformed
// principal. Each rewrite is recorded in `assumptions`.
void shape_federated_placeholders(Node& policy, std::vector<std::string>& assumptions);

// The policy written as a subtree of the file; `earlier` diagnostics (intrinsics, unknown
// values) come first. Capped at limits.max_errors like load_policy.
Result<Document> policy_from_tree(const Node& node, const IacInput& in, Diagnostics earlier);
// The policy written as a string in the file (JSON inside JSON, URL-encoded, !Sub | JSON).
Result<Document> policy_from_string(const MappedText& text, const IacInput& in, Diagnostics earlier);
// A role with no usable policy: the diagnostics say why (at least one error).
Result<Document> no_policy(Diagnostics diagnostics);

// The decoded value of string node `node` with the origin of each byte.
MappedText mapped_string(const Node& node, const IacInput& in);

// Appends "in <resource>" as the last note of every diagnostic.
void name_resource(Diagnostics& diagnostics, const std::string& resource);

// Text of a scalar node (strings, numbers, booleans); nullopt for null, arrays and objects.
std::optional<std::string> scalar_text(const Node* node);

}  // namespace trustlint::internal
