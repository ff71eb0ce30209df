// Did-you-mean for names the user misspelled (keys, Effect values, principal types,
// operators), after ninja's SpellcheckStringV: a case-insensitive exact match first (IAM names
// are case-sensitive, so wrong case is the commonest mistake), then the closest name by edit
// distance. Pure functions; safe to call from several threads.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace trustlint::internal {

struct Suggestion {
  std::string name;
  bool case_only = false;  // `word` differs from `name` only in letter case
};

// Levenshtein distance over ASCII-lowercased text; stops counting past `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap);

// The name `word` most likely meant: a case-insensitive match, else the first name at the
// smallest edit distance not above max_distance. nullopt when nothing is close or `word` is
// itself in `names`.
std::optional<Suggestion> suggest_name(std::string_view word, std::span<const std::string_view> names,
                                       std::size_t max_distance);

// A distance that keeps suggestions plausible for short words: 1 up to 5 characters, then
// a third of the length, at most 3.
std::size_t default_max_distance(std::string_view word);

}  // namespace trustlint::internal
