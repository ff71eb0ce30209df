// QuotedLines (lint.h): the lines of a file that a report quotes, kept instead of the whole
// file when an account export is streamed role by role.
#include <algorithm>

#include "trustlint/lint.h"

namespace trustlint {

void QuotedLines::add(std::string_view text, std::uint64_t begin, std::uint64_t end) {
  begin = std::min<std::uint64_t>(begin, text.size());
  end = std::min<std::uint64_t>(std::max(begin, end), text.size());
  const std::size_t first = begin == 0 ? 0 : text.rfind('\n', begin - 1) + 1;  // npos + 1 == 0
  std::size_t last = text.find('\n', end);
  last = last == std::string_view::npos ? text.size() : last + 1;
  merge(first, std::string(text.substr(first, last - first)));
}

void QuotedLines::merge(std::uint64_t offset, std::string run) {
  // Runs are whole lines of one file: two that overlap or touch join into one.
  std::uint64_t end = offset + run.size();
  auto it = runs.upper_bound(offset);
  if (it != runs.begin() && std::prev(it)->first + std::prev(it)->second.size() >= offset) --it;
  while (it != runs.end() && it->first <= end) {
    const std::uint64_t a = it->first, b = a + it->second.size();
    std::string joined = a < offset ? it->second.substr(0, offset - a) + run : std::move(run);
    if (b > end) joined += it->second.substr(end - a);
    offset = std::min(offset, a);
    end = std::max(end, b);
    run = std::move(joined);
    it = runs.erase(it);
  }
  runs.emplace(offset, std::move(run));
}

const std::pair<const std::uint64_t, std::string>* QuotedLines::find(std::uint64_t begin, std::uint64_t end) const {
  auto it = runs.upper_bound(begin);
  if (it == runs.begin()) return nullptr;
  --it;
  return end <= it->first + it->second.size() ? &*it : nullptr;
}

}  // namespace trustlint
