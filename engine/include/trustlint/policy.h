// The policy model: a read-only, located view of one IAM role trust policy. Every node keeps
// the Span of the text it came from, so that any finding can point at the exact value.
// Built by load_policy_*() (engine.h).
//
// Example:
//   const trustlint::Document& doc = loaded.value();  // auto loaded = trustlint::load_policy_file(path)
//   for (const trustlint::Statement& s : doc.statements)
//     for (const trustlint::Condition& c : s.conditions)
//       std::cout << s.label() << ": " << c.op_text << " " << c.key << " (line "
//                 << c.key_span.line << ", " << c.values.size() << " values)\n";
//
// Ownership: Located, OperatorSpec, ConditionValue, Condition, PrincipalEntry, PrincipalBlock,
// ActionBlock, Statement and Document are plain values; each owns its strings and children (a
// Document owns the whole tree) and none points into the source text.
// Thread safety: immutable once built, so a Document may be read from several threads at once;
// parse_operator() and operator_name() are pure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trustlint/diagnostic.h"

namespace trustlint {

// A scalar as written in the policy, with its location.
struct Located {
  std::string text;
  Span span;
};

enum class Effect { allow, deny };

// ---- Condition operators (docs/semantics.md#condition-block, docs/semantics.md#absent-keys, docs/semantics.md#string-operators, docs/semantics.md#other-operators, docs/semantics.md#set-qualifiers) -------------------------------------

enum class Qualifier { none, for_any_value, for_all_values };

// The comparison an operator performs, with negation factored out: StringNotLike is
// {string_like, negated}, NotIpAddress is {ip_address, negated}, ArnNotEquals is
// {arn_like, negated} (ArnEquals ≡ ArnLike, docs/semantics.md#other-operators).
enum class MatchKind {
  string_equals,
  string_equals_ignore_case,
  string_like,
  numeric_equals,
  numeric_less_than,
  numeric_less_than_equals,
  numeric_greater_than,
  numeric_greater_than_equals,
  date_equals,
  date_less_than,
  date_less_than_equals,
  date_greater_than,
  date_greater_than_equals,
  bool_equals,
  binary_equals,
  ip_address,
  arn_like,
  null_check,
};

struct OperatorSpec {
  Qualifier qualifier = Qualifier::none;
  MatchKind kind = MatchKind::string_equals;
  bool negated = false;
  bool if_exists = false;
  bool arn_equals_spelling = false;  // written ArnEquals/ArnNotEquals rather than ArnLike/ArnNotLike

  bool is_string_family() const {
    return kind == MatchKind::string_equals || kind == MatchKind::string_equals_ignore_case ||
           kind == MatchKind::string_like;
  }
  // Operators whose values may contain policy variables (docs/semantics.md#policy-variables).
  bool allows_variables() const {
    return is_string_family() || kind == MatchKind::bool_equals || kind == MatchKind::arn_like;
  }
};

// Parses an operator name exactly as IAM does: case-sensitive, qualifiers and IfExists included.
// Returns nullopt for unknown or wrongly cased names (IAM rejects them at write time).
std::optional<OperatorSpec> parse_operator(std::string_view name);
// The canonical spelling of an operator, e.g. "ForAllValues:StringNotLikeIfExists".
std::string operator_name(const OperatorSpec& op);

enum class ValueType { string, number, boolean };

struct ConditionValue {
  std::string text;  // numbers and booleans as written (IAM compares their text form)
  ValueType type = ValueType::string;
  Span span;
};

// One (operator, key) pair of a Condition block with its values (ORed; NOR when negated).
struct Condition {
  OperatorSpec op;
  std::string op_text;
  Span op_span;
  std::string key;         // as written
  std::string key_folded;  // ASCII-lowercased: key names are case-insensitive (docs/semantics.md#condition-block)
  Span key_span;
  std::vector<ConditionValue> values;
  bool values_array = false;  // written as an array (possibly empty)
  Span values_span;
};

// ---- Principal, Action ------------------------------------------------------------------------

enum class PrincipalKind { any /* bare "*" */, aws, federated, service, canonical_user };

struct PrincipalEntry {
  PrincipalKind kind = PrincipalKind::any;
  Located value;  // "*" for kind any
};

struct PrincipalBlock {
  bool present = false;
  bool negated = false;  // NotPrincipal
  std::vector<PrincipalEntry> entries;
  Span span;
};

struct ActionBlock {
  bool present = false;
  bool negated = false;  // NotAction
  std::vector<Located> actions;
  Span span;
};

struct Statement {
  std::size_t index = 0;  // 0-based position in the Statement array
  std::optional<Located> sid;
  Effect effect = Effect::allow;
  Span effect_span;
  PrincipalBlock principal;
  ActionBlock action;
  bool has_resource = false;  // Resource/NotResource: not allowed in trust policies (docs/semantics.md#resource)
  Span resource_span;
  std::vector<Condition> conditions;
  Span condition_span;
  Span span;

  // "Sid" when it has one (cut to 60 bytes and "…" when longer), else "#<index+1>"; for messages.
  std::string label() const;
};

struct Document {
  std::string file;
  std::optional<Located> version;
  std::optional<Located> id;
  std::vector<Statement> statements;
  bool statement_array = false;
  Span span;

  // Policy variables exist only under Version 2012-10-17 (docs/semantics.md#version).
  bool variables_enabled() const { return version && version->text == "2012-10-17"; }
};

}  // namespace trustlint
