// Helpers for the lint suites: lint a fixture or an inline policy, and read a report as the
// set of rules it found. Test-only; stateless.
#pragma once

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "trustlint/lint.h"

namespace trustlint::testing {

inline const std::string kRoot = TRUSTLINT_SOURCE_DIR;

inline LintReport lint_fixture(const std::string& relative, const LintOptions& options = {}) {
  return lint_file(kRoot + "/" + relative, options);
}

// An inline policy (JSON text), through the same path as a file.
inline LintReport lint_policy(const std::string& json, const LintOptions& options = {}) {
  auto doc = load_policy_text(json, "inline.json");
  REQUIRE_MESSAGE(doc.ok(), "inline policy does not load");
  auto compiled = compile(doc.value());
  REQUIRE(compiled.ok());
  auto report = lint(doc.value(), compiled.value(), options);
  REQUIRE(report.ok());
  return std::move(report).value();
}

inline std::multiset<std::string> rules_of(const LintReport& report, bool security_only = true) {
  std::multiset<std::string> out;
  for (const auto& f : report.findings) {
    if (!security_only || is_security_finding(f)) out.insert(f.rule);
  }
  return out;
}

inline bool has_rule(const LintReport& report, const std::string& rule) {
  for (const auto& f : report.findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

inline std::string describe(const LintReport& report) {
  std::string out;
  for (const auto& f : report.findings) {
    out += "\n  " + f.rule + " " + std::to_string(f.span.line) + ":" + std::to_string(f.span.col) + " " + f.message;
    if (f.witness) out += "\n    example: " + f.witness->description;
  }
  return out;
}

}  // namespace trustlint::testing
