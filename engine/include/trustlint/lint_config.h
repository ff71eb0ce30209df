// `.trustlint.yaml`: what lint should expect (teams, environments, projects), rule severities,
// per-path overrides and suppressions with reasons. Found by walking up from each policy file
// (like .editorconfig or .eslintrc), or given explicitly. Unknown keys and bad values are
// located errors (TL011).
//
// Example:
//   trustlint::LintOptions options;
//   if (auto path = trustlint::find_lint_config("infra/role.json")) {
//     auto config = trustlint::load_lint_config(*path);
//     if (config.ok()) options = trustlint::lint_options_for(config.value(), "infra/role.json", options);
//   }
//
// Ownership: RuleOverride, IgnoreEntry and LintConfig are plain values owning their strings;
// lint_options_for() returns a new LintOptions and keeps nothing.
// Thread safety: the functions read files but share no state: safe from several threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/lint.h"
#include "trustlint/result.h"
#include "trustlint/spec.h"

namespace trustlint {

inline constexpr const char* kLintConfigName = ".trustlint.yaml";

struct RuleOverride {
  std::vector<std::string> paths;  // globs relative to the config's directory (*, **, ?)
  std::map<std::string, RuleSetting> rules;
  // What must hold for every role of a matching file (TL502 when it does not); spans point
  // into the configuration.
  std::vector<Expectation> expect;
};

struct IgnoreEntry {
  std::string rule;     // id
  std::string path;     // glob relative to the config's directory; empty = every file
  std::string pointer;  // JSON pointer; empty = anywhere
  std::string reason;
  Span span;            // where the entry is written
};

struct LintConfig {
  std::string path;      // the file it was read from
  std::string base_dir;  // its directory: paths and globs are relative to it
  std::optional<std::vector<std::string>> teams, environments, projects;
  std::map<std::string, RuleSetting> rules;
  std::vector<RuleOverride> overrides;  // applied in order after `rules`
  std::vector<IgnoreEntry> ignore;
};

// Reads and validates a configuration file. Errors: TL001 (unreadable), TL005 (not YAML),
// TL011 (unknown key, wrong type, unknown rule, bad severity, ignore without reason, ...).
Result<LintConfig> load_lint_config(const std::string& path);

// The nearest .trustlint.yaml in the policy file's directory or one of its parents; nullopt
// when there is none (or for stdin, "-", which starts from the working directory).
std::optional<std::string> find_lint_config(const std::string& policy_path);

// The options for one policy file: `base` with the configuration's expectations (where base
// leaves them empty), its rules, the overrides whose paths match, and its ignore entries that
// match the file turned into suppressions.
LintOptions lint_options_for(const LintConfig& config, const std::string& policy_path, LintOptions base);

// Glob over '/'-separated paths: '*' and '?' stay within a segment, "**" spans segments.
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace trustlint
