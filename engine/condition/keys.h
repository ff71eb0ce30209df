// The set logic shared by every operator family (docs/semantics.md#combining-conditions, docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers): how an absent
// key, IfExists, ForAnyValue/ForAllValues, a multi-valued key and a negated operator (NOR)
// turn "which policy value does this request value match" into the condition's truth value.
// Header-only so that the fast path inlines; no allocation. Pure; safe from several threads.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "condition/value_matcher.h"
#include "trustlint/policy.h"
#include "trustlint/request.h"

namespace trustlint::internal {

// Which row of the tables decided the outcome; the trace text is built from it.
enum class Rule {
  absent_positive,           // docs/semantics.md#absent-keys: false
  absent_negated,            // docs/semantics.md#absent-keys: true
  absent_if_exists,          // docs/semantics.md#absent-keys: true
  absent_for_all,            // docs/semantics.md#set-qualifiers: true (absent or empty set)
  absent_for_any,            // docs/semantics.md#set-qualifiers: false
  absent_for_any_if_exists,  // docs/semantics.md#set-qualifiers: true (u)
  null_for_all,              // docs/semantics.md#set-qualifiers: always true
  null_for_any,              // docs/semantics.md#set-qualifiers: always false
  null_presence,             // docs/semantics.md#absent-keys: Null "true"/"false" against presence
  null_if_exists_absent,     // docs/semantics.md#absent-keys: NullIfExists (IAM refuses it, docs/semantics.md#condition-block) on an absent key: true (u)
  multi_valued_plain,        // docs/semantics.md#set-qualifiers: unqualified operator on a multi-valued key: false (u)
  single,                    // the base operator on the one request value
  for_all,                   // ForAllValues over the request values
  for_any,                   // ForAnyValue over the request values
};

struct Outcome {
  bool result = false;
  Rule rule = Rule::absent_positive;
  // single: the request value (0). for_all: the first request value that failed.
  // for_any: the first request value that satisfied it. kNoMatch otherwise.
  std::size_t request_index = kNoMatch;
  std::size_t value_index = kNoMatch;  // the policy value request_index's value matched
  bool unverified = false;
};

// An absent key, or a set that resolved to nothing (docs/semantics.md#set-qualifiers).
inline bool key_absent(const ContextEntry* entry) { return entry == nullptr || entry->values.empty(); }

// Null (docs/semantics.md#absent-keys, docs/semantics.md#set-qualifiers). wants_absent: one entry per policy value ("true" → true).
inline Outcome decide_null(const OperatorSpec& op, const ContextEntry* entry, const std::vector<bool>& wants_absent) {
  Outcome o;
  // NullIfExists: IfExists makes any operator true on an absent key (docs/semantics.md#absent-keys); for Null that is an
  // unverified reading of an operator IAM does not store (docs/semantics.md#condition-block). ForAllValues is true anyway;
  // ForAnyValue...IfExists on an absent key is read as true like every other operator (docs/semantics.md#set-qualifiers, u).
  if (op.if_exists && key_absent(entry)) {
    o.rule = Rule::null_if_exists_absent;
    o.result = true;
    o.unverified = true;
    return o;
  }
  if (op.qualifier == Qualifier::for_all_values) {
    o.rule = Rule::null_for_all;
    o.result = true;
    return o;
  }
  if (op.qualifier == Qualifier::for_any_value) {
    o.rule = Rule::null_for_any;
    return o;
  }
  o.rule = Rule::null_presence;
  const bool absent = key_absent(entry);
  if (entry != nullptr && absent) o.unverified = true;  // a present key with no value: null? (u)
  for (std::size_t i = 0; i < wants_absent.size(); ++i) {
    if (wants_absent[i] == absent) {
      o.result = true;
      o.value_index = i;
      break;
    }
  }
  return o;
}

// Every other operator. find(value) → index of the policy value it matches, or kNoMatch.
template <typename Find>
Outcome decide(const OperatorSpec& op, const ContextEntry* entry, std::size_t value_count, Find&& find) {
  Outcome o;
  // A negated base holds for one request value when it matches none of the policy values
  // (NOR, docs/semantics.md#combining-conditions); a positive base when it matches some (OR).
  auto holds = [&](std::size_t index) { return op.negated ? index == kNoMatch : index != kNoMatch; };
  if (op.negated && value_count == 0) o.unverified = true;  // NOR of nothing (docs/semantics.md#set-qualifiers, u)

  if (op.qualifier == Qualifier::none) {
    if (entry == nullptr || (!entry->multi_valued && entry->values.empty())) {
      o.rule = op.if_exists ? Rule::absent_if_exists : op.negated ? Rule::absent_negated : Rule::absent_positive;
      o.result = op.if_exists || op.negated;
      o.unverified = false;
      return o;
    }
    if (entry->multi_valued || entry->values.size() != 1) {
      o.rule = Rule::multi_valued_plain;
      o.unverified = true;
      return o;
    }
    o.rule = Rule::single;
    o.request_index = 0;
    o.value_index = find(std::string_view(entry->values.front()));
    o.result = holds(o.value_index);
    return o;
  }

  const bool all = op.qualifier == Qualifier::for_all_values;
  if (key_absent(entry)) {
    o.unverified = false;
    if (all) {
      o.rule = Rule::absent_for_all;
      o.result = true;
    } else if (op.if_exists) {
      o.rule = Rule::absent_for_any_if_exists;
      o.result = true;
      o.unverified = true;
    } else {
      o.rule = Rule::absent_for_any;
    }
    return o;
  }
  // A qualifier on a single-valued key acts as the base operator on {v} (docs/semantics.md#set-qualifiers, u).
  if (!entry->multi_valued) o.unverified = true;
  o.rule = all ? Rule::for_all : Rule::for_any;
  o.result = all;
  for (std::size_t i = 0; i < entry->values.size(); ++i) {
    const std::size_t index = find(std::string_view(entry->values[i]));
    if (holds(index) != all) {
      o.result = !all;
      o.request_index = i;
      o.value_index = index;
      break;
    }
  }
  return o;
}

}  // namespace trustlint::internal
