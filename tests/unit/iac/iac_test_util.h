// Helpers for the find_trust_policies tests: fixture paths, "line:col" of a span, finding a
// role by name and a condition value by key. Test-only; header-only.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "trustlint/sources.h"

namespace trustlint::test {

inline std::string fixture(const std::string& name) { return std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures/iac/" + name; }

inline std::string at(const Span& s) { return std::to_string(s.line) + ":" + std::to_string(s.col); }
inline std::string range(const Span& s) { return at(s) + "-" + std::to_string(s.end_line) + ":" + std::to_string(s.end_col); }

inline std::vector<std::string> resources(const std::vector<PolicySource>& sources) {
  std::vector<std::string> out;
  for (const auto& s : sources) out.push_back(s.resource);
  return out;
}

inline const PolicySource& role(const std::vector<PolicySource>& sources, const std::string& resource) {
  for (const auto& s : sources) {
    if (s.resource == resource) return s;
  }
  FAIL("no resource " << resource);
  return sources.front();
}

// The values of condition key `key` in every statement of the role's policy.
inline std::vector<ConditionValue> values_of(const PolicySource& source, const std::string& key) {
  std::vector<ConditionValue> out;
  REQUIRE(source.policy.has_value());
  for (const auto& st : source.policy->statements) {
    for (const auto& c : st.conditions) {
      if (c.key != key) continue;
      out.insert(out.end(), c.values.begin(), c.values.end());
    }
  }
  return out;
}

inline std::vector<std::string> codes(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.code);
  return out;
}

}  // namespace trustlint::test
