// ValueMatcher: the compiled policy values of one condition, for one operator family (string, arn,
// numeric, date, bool, binary, ip). It answers one question: which policy value, if any, does
// this request value match? The set logic around it (absent keys, IfExists, qualifiers, NOR)
// lives in keys.h and is shared by every family.
// Immutable after construction; find_match() is safe to call from several threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "condition/variables.h"
#include "trustlint/diagnostic.h"
#include "trustlint/policy.h"
#include "trustlint/request.h"

namespace trustlint::internal {

inline constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

inline constexpr const char* kSubstitutedWildcard =
    "a `*` or `?` in a substituted variable value is read as literal (docs/semantics.md#policy-variables)";

// What one evaluation noticed besides the answer.
struct MatchContext {
  const Request& request;
  bool unverified = false;     // a (u) point of docs/semantics.md was relied on
  const char* note = nullptr;  // which one, for the trace (static text)
  std::size_t unresolved = 0;  // policy values skipped: a variable had no value (docs/semantics.md#policy-variables)
  explicit MatchContext(const Request& r) : request(r) {}
  void flag(const char* why) {
    unverified = true;
    note = why;
  }
};

class ValueMatcher {
 public:
  virtual ~ValueMatcher() = default;
  // Index of the first policy value that `request_value` matches, or kNoMatch. A request value
  // that cannot be read for the operator (not a number, not an ARN, …) matches nothing.
  virtual std::size_t find_match(std::string_view request_value, MatchContext& ctx) const = 0;
};

// A policy value ready for a family's compile step.
struct PreparedValue {
  const ConditionValue* source = nullptr;
  // Policy variables parsed (Version 2012-10-17 and an operator that allows them); otherwise a
  // single text part holding the value as written.
  ValueTemplate tmpl;
};

// Numeric and Date: does "request OP policy" hold, given their three-way comparison?
bool ordered_holds(MatchKind kind, int cmp);

// Family compile steps. Each validates its values, appends located TL07x diagnostics for the
// bad ones and returns the set (which is only used when no error was reported).
std::unique_ptr<ValueMatcher> compile_string_values(MatchKind kind, const std::vector<PreparedValue>& values);
std::unique_ptr<ValueMatcher> compile_arn_values(const std::vector<PreparedValue>& values);
std::unique_ptr<ValueMatcher> compile_numeric_values(MatchKind kind, const std::vector<PreparedValue>& values,
                                                     Diagnostics& diagnostics);
std::unique_ptr<ValueMatcher> compile_date_values(MatchKind kind, const std::vector<PreparedValue>& values,
                                                  Diagnostics& diagnostics);
std::unique_ptr<ValueMatcher> compile_bool_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics);
std::unique_ptr<ValueMatcher> compile_binary_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics);
std::unique_ptr<ValueMatcher> compile_ip_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics);
// Null: one entry per value, true for "true" (the key must be absent), false for "false".
std::vector<bool> compile_null_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics);

}  // namespace trustlint::internal
