// Engine-side access to the rule catalogue (lint.h has the public part): severity names, and a
// rule's severity and on/off state for one file under its LintOptions.
// The catalogue is immutable after its first use; these functions are safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "trustlint/lint.h"

namespace trustlint::internal {

// "error" | "warning" | "note" → Severity; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view s);

struct RuleDecision {
  bool enabled = true;
  Severity severity = Severity::error;
  bool overridden = false;  // severity set by the options, not the catalogue
};

// The catalogue's default (or `fallback` for ids it does not list), then options.rules.
RuleDecision rule_decision(const LintOptions& options, const std::string& id, Severity fallback);

// The catalogue parsed from the embedded rules/catalogue.yaml (rule_catalogue() reads the table
// generated from it at build time; the test of that table compares the two).
std::vector<RuleInfo> rule_catalogue_from_yaml();

}  // namespace trustlint::internal
