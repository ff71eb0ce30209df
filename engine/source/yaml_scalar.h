// The YAML 1.2 core schema (YAML 1.2.2 §10.3.2): which plain-scalar spellings are null, booleans
// and numbers. Quoted and block scalars are always strings; the YAML reader decides which rule
// applies. Pure functions; safe to call from several threads.
#pragma once

#include <string_view>

#include "source/node.h"

namespace trustlint::internal {

bool is_yaml_null(std::string_view text);     // "", "~", "null", "Null", "NULL"
bool is_yaml_bool(std::string_view text);     // true/True/TRUE/false/False/FALSE
bool is_yaml_int(std::string_view text);      // 12, -3, +7, 0o17, 0x1F
bool is_yaml_float(std::string_view text);    // 1.5, -.5, 1e3, 2.E-4, .inf, -.Inf, .nan

// Kind of an untagged plain scalar: null, boolean, number or string.
NodeKind resolve_plain_scalar(std::string_view text);

}  // namespace trustlint::internal
