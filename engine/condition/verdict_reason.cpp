// Trace sentences for condition verdicts.
#include "condition/verdict_reason.h"

#include "condition/text.h"

namespace trustlint::internal {

namespace {

constexpr std::size_t kListedValues = 5;

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size() && i < kListedValues; ++i) {
    if (i > 0) out += ", ";
    out += quote(values[i]);
  }
  if (values.size() > kListedValues) out += ", …";
  return out;
}

std::string count_values(std::size_t n) { return n == 1 ? "1 value" : std::to_string(n) + " values"; }

// `"v" matched "p"` / `"v" matched none of 3 values` / `"v" did not match "p"`.
std::string match_phrase(const Condition& c, std::string_view request_value, std::size_t value_index) {
  std::string out = quote(request_value);
  if (value_index != kNoMatch) return out + " matched " + quote(c.values[value_index].text);
  if (c.values.empty()) return out + " met an empty value list, which nothing matches (docs/semantics.md#set-qualifiers)";
  if (c.values.size() == 1) return out + " did not match " + quote(c.values.front().text);
  return out + " matched none of " + count_values(c.values.size());
}

}  // namespace

std::string describe_outcome(const Condition& c, const ContextEntry* entry, const Outcome& o, const MatchContext& ctx) {
  const std::string key = "key " + c.key;
  const bool empty_set = entry != nullptr && entry->values.empty();
  const std::string absent = key + (empty_set ? " has no values" : " is absent");
  const char* negated = c.op.negated ? "negated operator: " : "";
  std::string out;
  switch (o.rule) {
    case Rule::absent_positive: out = absent + ": a positive operator is false (docs/semantics.md#absent-keys)"; break;
    case Rule::absent_negated: out = absent + ": a negated operator is true (docs/semantics.md#absent-keys)"; break;
    case Rule::absent_if_exists: out = absent + ": an IfExists operator is true (docs/semantics.md#absent-keys)"; break;
    case Rule::absent_for_all: out = absent + ": ForAllValues is true (docs/semantics.md#set-qualifiers)"; break;
    case Rule::absent_for_any: out = absent + ": ForAnyValue is false (docs/semantics.md#set-qualifiers)"; break;
    case Rule::absent_for_any_if_exists:
      out = absent + ": ForAnyValue with IfExists is read as true (docs/semantics.md#set-qualifiers, unverified)";
      break;
    case Rule::null_if_exists_absent:
      out = absent + ": NullIfExists is read as IfExists reads every operator, true (docs/semantics.md#absent-keys, unverified)";
      break;
    case Rule::null_for_all: out = "ForAllValues:Null is always true (docs/semantics.md#set-qualifiers)"; break;
    case Rule::null_for_any: out = "ForAnyValue:Null is always false (docs/semantics.md#set-qualifiers)"; break;
    case Rule::null_presence: {
      const bool is_absent = entry == nullptr || entry->values.empty();
      out = is_absent ? absent : key + " is present (" + quoted_list(entry->values) + ")";
      out += ": Null ";
      if (o.value_index != kNoMatch) out += quote(c.values[o.value_index].text) + " holds (docs/semantics.md#absent-keys)";
      else if (c.values.empty()) out += "with no values is false (docs/semantics.md#set-qualifiers)";
      else out += std::string(is_absent ? "\"false\"" : "\"true\"") + " does not hold (docs/semantics.md#absent-keys)";
      break;
    }
    case Rule::multi_valued_plain:
      out = key + " is multi-valued (" + quoted_list(entry->values) +
            "): an operator without ForAnyValue/ForAllValues is false (docs/semantics.md#set-qualifiers, unverified)";
      break;
    case Rule::single: out = negated + match_phrase(c, entry->values.front(), o.value_index); break;
    case Rule::for_all:
      if (o.result) {
        out = std::string("ForAllValues: every request value (") + quoted_list(entry->values) + ") " +
              (c.op.negated ? "matched none of the policy values" : "matched a policy value");
      } else {
        out = std::string("ForAllValues: ") + negated + match_phrase(c, entry->values[o.request_index], o.value_index);
      }
      break;
    case Rule::for_any:
      if (o.result) {
        out = std::string("ForAnyValue: ") + negated + match_phrase(c, entry->values[o.request_index], o.value_index);
      } else {
        out = std::string("ForAnyValue: no request value (") + quoted_list(entry->values) + ") " +
              (c.op.negated ? "escaped every policy value" : "matched a policy value");
      }
      break;
  }
  if (ctx.unresolved > 0) {
    out += "; " + count_values(ctx.unresolved) + " with a policy variable that has no value matched nothing (docs/semantics.md#policy-variables" +
           (c.values.size() > 1 ? ", unverified)" : ")");
  }
  if (ctx.note != nullptr) out += std::string("; unverified: ") + ctx.note;
  if ((o.rule == Rule::for_all || o.rule == Rule::for_any) && !entry->multi_valued) {
    out += "; unverified: a qualifier on a single-valued key acts as the plain operator (docs/semantics.md#set-qualifiers)";
  }
  const bool evaluated = o.rule == Rule::single || o.rule == Rule::for_all || o.rule == Rule::for_any;
  if (c.op.negated && c.values.empty() && evaluated) {
    out += "; unverified: a negated operator with no values holds (docs/semantics.md#set-qualifiers)";
  }
  return out;
}

}  // namespace trustlint::internal
