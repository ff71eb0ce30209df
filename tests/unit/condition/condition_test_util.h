// Test helpers for the condition suites: build Conditions, OperatorSpecs and Requests without the
// policy parser, compile them, and evaluate through both entry points (evaluate() and
// evaluate_fast() must always agree).
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "condition/compiled_condition.h"
#include "trustlint/policy.h"
#include "trustlint/request.h"

namespace trustlint::test {

// A test-only reading of operator names ("ForAllValues:StringNotLikeIfExists"), so that tables
// read like policies. The real, validating parser is parse_operator() (policy module).
inline OperatorSpec spec(std::string name) {
  OperatorSpec op;
  auto strip_prefix = [&](const std::string& p) {
    if (name.rfind(p, 0) != 0) return false;
    name.erase(0, p.size());
    return true;
  };
  if (strip_prefix("ForAnyValue:")) op.qualifier = Qualifier::for_any_value;
  else if (strip_prefix("ForAllValues:")) op.qualifier = Qualifier::for_all_values;
  const std::string suffix = "IfExists";
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    op.if_exists = true;
    name.erase(name.size() - suffix.size());
  }
  struct Base {
    const char* name;
    MatchKind kind;
    bool negated;
  };
  static const Base kBases[] = {
      {"StringEquals", MatchKind::string_equals, false},
      {"StringNotEquals", MatchKind::string_equals, true},
      {"StringEqualsIgnoreCase", MatchKind::string_equals_ignore_case, false},
      {"StringNotEqualsIgnoreCase", MatchKind::string_equals_ignore_case, true},
      {"StringLike", MatchKind::string_like, false},
      {"StringNotLike", MatchKind::string_like, true},
      {"NumericEquals", MatchKind::numeric_equals, false},
      {"NumericNotEquals", MatchKind::numeric_equals, true},
      {"NumericLessThan", MatchKind::numeric_less_than, false},
      {"NumericLessThanEquals", MatchKind::numeric_less_than_equals, false},
      {"NumericGreaterThan", MatchKind::numeric_greater_than, false},
      {"NumericGreaterThanEquals", MatchKind::numeric_greater_than_equals, false},
      {"DateEquals", MatchKind::date_equals, false},
      {"DateNotEquals", MatchKind::date_equals, true},
      {"DateLessThan", MatchKind::date_less_than, false},
      {"DateLessThanEquals", MatchKind::date_less_than_equals, false},
      {"DateGreaterThan", MatchKind::date_greater_than, false},
      {"DateGreaterThanEquals", MatchKind::date_greater_than_equals, false},
      {"Bool", MatchKind::bool_equals, false},
      {"BinaryEquals", MatchKind::binary_equals, false},
      {"IpAddress", MatchKind::ip_address, false},
      {"NotIpAddress", MatchKind::ip_address, true},
      {"ArnEquals", MatchKind::arn_like, false},
      {"ArnLike", MatchKind::arn_like, false},
      {"ArnNotEquals", MatchKind::arn_like, true},
      {"ArnNotLike", MatchKind::arn_like, true},
      {"Null", MatchKind::null_check, false},
  };
  for (const Base& b : kBases) {
    if (name == b.name) {
      op.kind = b.kind;
      op.negated = b.negated;
      op.arn_equals_spelling = name.find("ArnEquals") != std::string::npos || name == "ArnNotEquals";
      return op;
    }
  }
  FAIL("unknown operator in test table: " << name);
  return op;
}

inline Condition make_condition(const std::string& op_name, const std::string& key, std::vector<std::string> values) {
  Condition c;
  c.op = spec(op_name);
  c.op_text = op_name;
  c.key = key;
  c.key_folded = fold_key(key);
  c.values_array = values.size() != 1;
  std::uint32_t col = 10;
  for (std::string& v : values) {
    ConditionValue cv;
    cv.span.file = "policy.json";
    cv.span.line = 7;
    cv.span.col = col;
    col += static_cast<std::uint32_t>(v.size()) + 4;
    cv.text = std::move(v);
    c.values.push_back(std::move(cv));
  }
  return c;
}

// Single-valued keys; use set_multi() on the result for multi-valued ones.
inline Request request(std::initializer_list<std::pair<std::string, std::string>> keys) {
  Request r;
  r.provider = "oidc.vercel.com/acme";
  for (const auto& [k, v] : keys) r.set(k, v);
  return r;
}

struct Eval {
  bool result = false;
  bool unverified = false;
  std::string reason;
};

inline Eval eval(const Condition& c, const Request& r, bool variables_enabled = true) {
  auto compiled = internal::CompiledCondition::compile(c, variables_enabled);
  REQUIRE_MESSAGE(compiled.ok(), (compiled.diagnostics().empty() ? std::string("?")
                                                                  : compiled.diagnostics().front().message));
  const internal::ConditionVerdict v = compiled->evaluate(r);
  CHECK_MESSAGE(compiled->evaluate_fast(r) == v.result, "evaluate_fast disagrees with evaluate: " << v.reason);
  CHECK(!v.reason.empty());
  return {v.result, v.unverified, v.reason};
}

inline bool holds(const std::string& op, const std::string& key, std::vector<std::string> values, const Request& r,
                  bool variables_enabled = true) {
  return eval(make_condition(op, key, std::move(values)), r, variables_enabled).result;
}

// The diagnostics of compiling, or an empty list when it compiled cleanly.
inline Diagnostics diagnostics_of(const Condition& c, bool variables_enabled = true) {
  auto compiled = internal::CompiledCondition::compile(c, variables_enabled);
  return compiled.diagnostics();
}

}  // namespace trustlint::test
