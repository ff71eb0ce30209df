// The normal form of an IAM glob (docs/semantics.md#string-operators) shared by the glob constructions: runs of
// '*' collapse to one, which changes neither the language nor the meaning of '?'.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace trustlint::internal {

inline std::string collapse_stars(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (char c : pattern) {
    if (c == '*' && !out.empty() && out.back() == '*') continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace trustlint::internal
