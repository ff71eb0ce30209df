// Which files `lint` reads: files named on the command line always (whatever their name or
// content), and below each directory named there, recursively and in sorted order, the files
// that look like trust policies or infrastructure code holding IAM roles: *.json, *.yaml, *.yml
// and *.template whose text mentions a trust policy (Statement and Principal), an IAM role of
// CloudFormation or Terraform, or account authorization details; *.tf files that declare an
// "aws_iam_role" (the other .tf files of their directory are read with them, as one module). package.json, tsconfig.json,
// docker-compose.yml and the like are skipped silently, and so are .git directories,
// .trustlint.yaml files and whatever --exclude (exclude_patterns.h) names. Thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/exclude_patterns.h"

namespace trustlint::cli {

struct Discovered {
  std::vector<std::string> files;   // in command-line order; each directory's files sorted
  std::vector<std::string> errors;  // "DIR: error: cannot read directory: ... [TL001]" lines
};

// `filter_named`: also apply the name and content filters (not the exclusions) to files named
// on the command line (`lint --skip-unrecognized`, for hooks that pass every JSON/YAML file).
Discovered discover_files(const std::vector<std::string>& paths, const ExcludePatterns& excludes,
                          bool filter_named = false);

// The content sniff for files found in a directory: does `text` look like a trust policy or IaC
// with IAM roles?
bool looks_like_trust_policy_source(std::string_view text);

}  // namespace trustlint::cli
