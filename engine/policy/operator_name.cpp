// parse_operator / operator_name (policy.h): exactly IAM's operator list (docs/semantics.md#condition-block,
// docs/semantics.md#string-operators, docs/semantics.md#other-operators, docs/semantics.md#set-qualifiers), case-sensitive, with the ForAnyValue:/ForAllValues: prefixes and the IfExists
// suffix (not on Null).
#include "policy/operator_name.h"

#include "trustlint/policy.h"

namespace trustlint {

namespace {

struct BaseOperator {
  std::string_view name;
  MatchKind kind;
  bool negated;
  bool arn_equals_spelling;
};

constexpr BaseOperator kBaseOperators[] = {
    {"StringEquals", MatchKind::string_equals, false, false},
    {"StringNotEquals", MatchKind::string_equals, true, false},
    {"StringEqualsIgnoreCase", MatchKind::string_equals_ignore_case, false, false},
    {"StringNotEqualsIgnoreCase", MatchKind::string_equals_ignore_case, true, false},
    {"StringLike", MatchKind::string_like, false, false},
    {"StringNotLike", MatchKind::string_like, true, false},
    {"NumericEquals", MatchKind::numeric_equals, false, false},
    {"NumericNotEquals", MatchKind::numeric_equals, true, false},
    {"NumericLessThan", MatchKind::numeric_less_than, false, false},
    {"NumericLessThanEquals", MatchKind::numeric_less_than_equals, false, false},
    {"NumericGreaterThan", MatchKind::numeric_greater_than, false, false},
    {"NumericGreaterThanEquals", MatchKind::numeric_greater_than_equals, false, false},
    {"DateEquals", MatchKind::date_equals, false, false},
    {"DateNotEquals", MatchKind::date_equals, true, false},
    {"DateLessThan", MatchKind::date_less_than, false, false},
    {"DateLessThanEquals", MatchKind::date_less_than_equals, false, false},
    {"DateGreaterThan", MatchKind::date_greater_than, false, false},
    {"DateGreaterThanEquals", MatchKind::date_greater_than_equals, false, false},
    {"Bool", MatchKind::bool_equals, false, false},
    {"BinaryEquals", MatchKind::binary_equals, false, false},
    {"IpAddress", MatchKind::ip_address, false, false},
    {"NotIpAddress", MatchKind::ip_address, true, false},
    {"ArnEquals", MatchKind::arn_like, false, true},
    {"ArnLike", MatchKind::arn_like, false, false},
    {"ArnNotEquals", MatchKind::arn_like, true, true},
    {"ArnNotLike", MatchKind::arn_like, true, false},
    {"Null", MatchKind::null_check, false, false},
};

constexpr std::string_view kForAnyValue = "ForAnyValue:";
constexpr std::string_view kForAllValues = "ForAllValues:";
constexpr std::string_view kIfExists = "IfExists";

const BaseOperator* find_base(std::string_view name) {
  for (const auto& base : kBaseOperators) {
    if (base.name == name) return &base;
  }
  return nullptr;
}

}  // namespace

std::optional<OperatorSpec> parse_operator(std::string_view name) {
  OperatorSpec spec;
  if (name.starts_with(kForAnyValue)) {
    spec.qualifier = Qualifier::for_any_value;
    name.remove_prefix(kForAnyValue.size());
  } else if (name.starts_with(kForAllValues)) {
    spec.qualifier = Qualifier::for_all_values;
    name.remove_prefix(kForAllValues.size());
  }
  const BaseOperator* base = find_base(name);
  if (base == nullptr && name.ends_with(kIfExists)) {
    base = find_base(name.substr(0, name.size() - kIfExists.size()));
    if (base == nullptr || base->kind == MatchKind::null_check) return std::nullopt;  // no NullIfExists
    spec.if_exists = true;
  }
  if (base == nullptr) return std::nullopt;
  spec.kind = base->kind;
  spec.negated = base->negated;
  spec.arn_equals_spelling = base->arn_equals_spelling;
  return spec;
}

std::string operator_name(const OperatorSpec& op) {
  std::string out;
  if (op.qualifier == Qualifier::for_any_value) out += kForAnyValue;
  if (op.qualifier == Qualifier::for_all_values) out += kForAllValues;
  const BaseOperator* found = nullptr;
  for (const auto& base : kBaseOperators) {
    if (base.kind == op.kind && base.negated == op.negated) {
      if (found == nullptr || base.arn_equals_spelling == op.arn_equals_spelling) found = &base;
    }
  }
  if (found == nullptr) return out + "<invalid operator>";  // e.g. a negated NumericLessThan
  out += found->name;
  if (op.if_exists && op.kind != MatchKind::null_check) out += kIfExists;
  return out;
}

namespace internal {

const std::vector<std::string>& all_operator_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (std::string_view prefix : {std::string_view(), kForAnyValue, kForAllValues}) {
      for (const auto& base : kBaseOperators) {
        out.push_back(std::string(prefix) + std::string(base.name));
      }
      for (const auto& base : kBaseOperators) {
        if (base.kind != MatchKind::null_check) out.push_back(std::string(prefix) + std::string(base.name) + "IfExists");
      }
    }
    return out;
  }();
  return names;
}

std::optional<Suggestion> suggest_operator(std::string_view written) {
  static const std::vector<std::string_view> views = [] {
    std::vector<std::string_view> out;
    for (const auto& name : all_operator_names()) out.push_back(name);
    return out;
  }();
  return suggest_name(written, views, 3);
}

}  // namespace internal

}  // namespace trustlint
