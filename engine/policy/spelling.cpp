// Edit distance and did-you-mean.
#include "policy/spelling.h"

#include <algorithm>
#include <vector>

namespace trustlint::internal {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > cap) return cap + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > cap) return cap + 1;
  }
  return std::min(row[b.size()], cap + 1);
}

std::optional<Suggestion> suggest_name(std::string_view word, std::span<const std::string_view> names,
                                       std::size_t max_distance) {
  for (std::string_view name : names) {
    if (name == word) return std::nullopt;
  }
  for (std::string_view name : names) {
    if (equal_ignore_case(word, name)) return Suggestion{std::string(name), true};
  }
  if (word.size() > 200) return std::nullopt;  // hostile input: not worth the time
  std::optional<Suggestion> best;
  std::size_t best_distance = max_distance + 1;
  for (std::string_view name : names) {
    const std::size_t d = edit_distance(word, name, max_distance);
    if (d < best_distance) {
      best_distance = d;
      best = Suggestion{std::string(name), false};
    }
  }
  return best;
}

std::size_t default_max_distance(std::string_view word) {
  if (word.size() <= 5) return 1;
  return std::min<std::size_t>(3, word.size() / 3);
}

}  // namespace trustlint::internal
