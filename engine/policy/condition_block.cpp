// Condition (docs/semantics.md#condition-block): { OPERATOR: { KEY: VALUE | [VALUES] } }. Operator names are
// case-sensitive and checked against IAM's list; key names are case-insensitive; values are
// scalars or arrays of scalars. Value *contents* (numbers, dates, CIDRs) are checked later,
// when the condition is compiled (engine/condition).
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "policy/model_parts.h"
#include "policy/operator_name.h"
#include "trustlint/request.h"

namespace trustlint::internal {

namespace {

constexpr const char* kRejected = "IAM rejects it at write time: \"Invalid Condition type\" (docs/semantics.md#condition-block)";

bool is_scalar_value(const Node& n) {
  return n.kind == NodeKind::string || n.kind == NodeKind::number || n.kind == NodeKind::boolean;
}

ConditionValue to_value(const Node& n) {
  ConditionValue v;
  v.text = n.text;
  v.type = n.kind == NodeKind::number ? ValueType::number : n.kind == NodeKind::boolean ? ValueType::boolean : ValueType::string;
  v.span = n.span;
  return v;
}

// [ForAnyValue:|ForAllValues:]NullIfExists: an operator Access Analyzer reports and IAM most
// likely refuses (docs/semantics.md#condition-block, u). Its meaning is still one thing, IfExists as AWS defines it for every
// operator ("if the key is not present, evaluate the condition element as true", docs/semantics.md#absent-keys), so it
// stays in the model (and keys.h evaluates it that way, flagged unverified) instead of vanishing.
std::optional<OperatorSpec> null_if_exists(std::string_view name) {
  constexpr std::string_view kSuffix = "IfExists";
  if (!name.ends_with("NullIfExists")) return std::nullopt;
  std::optional<OperatorSpec> spec = parse_operator(name.substr(0, name.size() - kSuffix.size()));
  if (!spec || spec->kind != MatchKind::null_check) return std::nullopt;
  spec->if_exists = true;
  return spec;
}

// Reports an operator name IAM does not accept: wrong case, unknown.
void report_operator(const Member& op, ModelContext& ctx) {
  const std::string& name = op.key;
  const auto s = suggest_operator(name);
  std::string message;
  if (s && s->case_only) {
    message = name + ": IAM operator names are case-sensitive; did you mean " + s->name + "?";
  } else {
    message = "unknown condition operator " + quote(name);
    if (s) message += "; did you mean " + s->name + "?";
  }
  ctx.report(Severity::error, "TL050", std::move(message), op.key_span, {kRejected});
}

void read_values(const Node& v, Condition& c, ModelContext& ctx) {
  c.values_span = v.span;
  const std::string of_key = " of " + quote(c.key);
  if (is_scalar_value(v)) {
    c.values.push_back(to_value(v));
    return;
  }
  if (v.kind != NodeKind::array) {
    ctx.report(Severity::error, "TL052",
               "the value" + of_key + " must be a string, number, boolean or an array of them, found " + a_node_kind(v), v.span);
    return;
  }
  c.values_array = true;
  if (v.items.empty()) {
    ctx.report(Severity::warning, "TL055", "empty value array" + of_key, v.span,
               {"with no values the condition never matches, or matches only when the key is absent (docs/semantics.md#set-qualifiers)"});
  }
  const std::size_t max = ctx.options.limits.max_values;
  for (const Node& item : v.items) {
    if (c.values.size() == max) {
      ctx.report(Severity::error, "TL057", "more than " + group_thousands(max) + " values" + of_key + "; the rest are not read",
                 item.span);
      break;
    }
    if (is_scalar_value(item)) {
      c.values.push_back(to_value(item));
    } else {
      const std::string found = item.kind == NodeKind::array ? "an array inside the array" : a_node_kind(item);
      ctx.report(Severity::error, "TL052", "values" + of_key + " must be strings, numbers or booleans, found " + found,
                 item.span);
    }
  }
}

}  // namespace

void read_condition(const Node& value, Statement& st, ModelContext& ctx) {
  st.condition_span = value.span;
  if (value.kind != NodeKind::object) {
    ctx.report(Severity::error, "TL049", "Condition must be an object of operators, found " + a_node_kind(value), value.span,
               {"e.g. \"Condition\": {\"StringEquals\": {\"oidc.vercel.com/acme:aud\": \"https://vercel.com/acme\"}}"});
    return;
  }
  if (value.members.empty()) {
    ctx.report(Severity::note, "TL054", "empty Condition object: it has no effect", value.span,
               {"Access Analyzer: empty object condition (docs/semantics.md#condition-block)"});
    return;
  }
  std::set<std::string_view> seen_ops;
  for (const Member& op : value.members) {
    if (!seen_ops.insert(op.key).second) continue;
    std::optional<OperatorSpec> spec = parse_operator(op.key);
    const bool is_null_if_exists = !spec && (spec = null_if_exists(op.key)).has_value();
    const Node& block = op.value;
    if (block.kind != NodeKind::object) {
      if (spec) {
        ctx.report(Severity::error, "TL049",
                   "operator " + op.key + " must map condition keys to values, found " + a_node_kind(block), block.span);
      } else {
        ctx.report(Severity::error, "TL049", "Condition is missing the operator level: " + quote(op.key) + " is not an operator",
                   op.key_span,
                   {"write {\"StringEquals\": {" + quote(op.key) + ": ...}}; IAM rejects it: \"Syntax errors in policy\" (docs/semantics.md#condition-block)"});
      }
      continue;
    }
    if (!spec) {
      report_operator(op, ctx);
      continue;
    }
    if (is_null_if_exists) {
      ctx.report(Severity::error, "TL051", quote(op.key) + ": Null cannot take IfExists", op.key_span,
                 {"Null already tests whether the key exists; use Null (Access Analyzer: null with if exists, docs/semantics.md#condition-block)",
                  "read as IfExists reads every operator: true when the key is absent (docs/semantics.md#absent-keys; unverified)"});
    }
    if (block.members.empty()) {
      ctx.report(Severity::note, "TL054", "empty " + op.key + " block: it has no effect", block.span);
    }
    std::map<std::string, const Member*> folded_keys;  // first key of each case-folded name
    for (const Member& k : block.members) {
      Condition c;
      c.op = *spec;
      c.op_text = op.key;
      c.op_span = op.key_span;
      c.key = k.key;
      c.key_folded = fold_key(k.key);
      c.key_span = k.key_span;
      auto [first, inserted] = folded_keys.emplace(c.key_folded, &k);
      if (!inserted) {
        if (first->second->key == k.key) continue;  // exact duplicate: reported by the reader
        ctx.report(Severity::error, "TL053",
                   "keys " + quote(first->second->key) + " and " + quote(k.key) + " differ only in case within " + op.key,
                   k.key_span,
                   {"condition key names are case-insensitive, so both constrain the same key; merge them "
                    "(Access Analyzer: duplicate keys with different case, docs/semantics.md#condition-block)"});
      }
      read_values(k.value, c, ctx);
      st.conditions.push_back(std::move(c));
    }
  }
}

}  // namespace trustlint::internal
