// Policy variables in condition values (docs/semantics.md#policy-variables): `${key}`, `${key, 'fallback'}` and
// the escapes `${*}` `${?}` `${$}`. A value is parsed once into a ValueTemplate at compile time
// and resolved against each request. Only under Version 2012-10-17 and only for String, Bool
// and Arn operators; elsewhere `${…}` is text (the caller decides, see CompiledCondition).
// Plain values and pure functions; safe to share between threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "condition/glob.h"
#include "trustlint/request.h"

namespace trustlint::internal {

struct TemplatePart {
  enum class Kind {
    text,      // policy text; in StringLike/ArnLike its `*` and `?` are wildcards
    escape,    // ${*} ${?} ${$}: one literal character
    variable,  // ${key} or ${key, 'fallback'}
  };
  Kind kind = Kind::text;
  std::string text;  // text: as written; escape: the character; variable: the key (trimmed)
  bool has_fallback = false;
  std::string fallback;
};

struct ValueTemplate {
  std::vector<TemplatePart> parts;

  bool has_variables() const;
  // A template of one text part: how a value reads when variables are off.
  static ValueTemplate plain(std::string_view text);
};

// Parses `text`. On a malformed variable (no closing brace, `${}`, unquoted or unterminated
// fallback) returns false and sets `error` to one sentence naming the problem.
bool parse_policy_variables(std::string_view text, ValueTemplate& out, std::string& error);

// Does the text contain something that reads as a policy variable?
inline bool contains_variable_syntax(std::string_view text) { return text.find("${") != std::string_view::npos; }

// A piece of a resolved value. Views point into the template or into the request.
struct ResolvedSegment {
  std::string_view text;
  bool policy_text = false;  // from a text part: wildcards stay wildcards
  bool substituted = false;  // a variable's value (or its fallback)
};

// Resolves every variable against the request: a key that is absent or multi-valued has no
// value (docs/semantics.md#policy-variables, only single-valued keys may be used) and takes its fallback if any.
// Returns false when some variable has no value and no fallback.
bool resolve_template(const ValueTemplate& value, const Request& request, std::vector<ResolvedSegment>& out);

// REQUIRES: !value.has_variables(). The value's text with escapes applied.
std::string static_text(const ValueTemplate& value);
// REQUIRES: !value.has_variables(). The value as a glob: wildcards in text parts only.
GlobPieces static_glob(const ValueTemplate& value);

std::string joined_text(const std::vector<ResolvedSegment>& segments);
// Wildcards in policy text only; substituted values are literal (docs/semantics.md#policy-variables, u). Sets
// `substituted_wildcard` when a substituted value contains `*` or `?` (the (u) point).
GlobPieces joined_glob(const std::vector<ResolvedSegment>& segments, bool& substituted_wildcard);

}  // namespace trustlint::internal
