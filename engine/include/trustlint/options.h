// Limits and options shared by every entry point. Each limit protects the tool against hostile
// input (files from strangers' pull requests); exceeding one is a located TL0xx diagnostic,
// never a crash or a hang. All limits can be raised from the CLI.
//
// Example:
//   trustlint::LoadOptions load;
//   load.limits.max_bytes = 64u * 1024u * 1024u;  // a larger file is TL002, not a crash
//   load.format = trustlint::InputFormat::yaml;     // instead of detecting it
//   load.tf_vars = {"env=prod"};                    // Terraform source: --tf-var env=prod
//   auto doc = trustlint::load_policy_file("role.yaml", load);
//
// Ownership: Limits, TrustPolicyQuota and LoadOptions are plain values (LoadOptions owns its
// strings); the functions that take them copy what they need.
// Thread safety: none needed: plain data, safe to share read-only between threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace trustlint {

struct Limits {
  // Bytes read from one input. IAM's own largest trust policy is 8,192 characters; IaC files
  // (CloudFormation, Terraform plans) are larger, so the default leaves plenty of room.
  std::size_t max_bytes = 16u * 1024u * 1024u;
  // Nesting depth of arrays/objects. A trust policy needs 5; IaC templates a few more.
  std::size_t max_depth = 64;
  // Nodes in one parsed tree, counting YAML alias expansions (stops "billion laughs").
  std::size_t max_nodes = 1'000'000;
  // Statements in one policy, and values under one condition key.
  std::size_t max_statements = 1000;
  std::size_t max_values = 1000;
  // Length of one string value in a policy (a StringLike pattern, say).
  std::size_t max_string_length = 4096;
  // States the prover may build for one automaton before it gives up with a diagnostic.
  std::size_t max_automaton_states = 200'000;
  // Diagnostics reported per file before the rest are summarised (OPA's default).
  std::size_t max_errors = 10;

  bool operator==(const Limits&) const = default;
};

// IAM's quota for the length of a role trust policy, in characters excluding white space.
// The default quota is 2,048; it can be raised through Service Quotas (L-C07B4B0D).
struct TrustPolicyQuota {
  std::size_t characters = 2048;
  bool raised = false;  // true when given by flag, so messages say which quota applied
};

enum class InputFormat { auto_detect, json, yaml };

struct LoadOptions {
  Limits limits;
  TrustPolicyQuota quota;
  InputFormat format = InputFormat::auto_detect;
  // Terraform source (.tf): variable values as `terraform -var NAME=VALUE` and `-var-file FILE`
  // give them (later ones win; both above terraform.tfvars and *.auto.tfvars).
  std::vector<std::string> tf_vars;
  std::vector<std::string> tf_var_files;
};

}  // namespace trustlint
