// Exclusions for a directory walk (discover.h; the CLI's `lint --exclude PATTERN`), with
// .gitignore's meaning: `*` and `?` within a path segment, `**` across segments, a trailing `/`
// for directories only, a leading or inner `/` anchors the pattern to the walked directory
// (otherwise it matches at any depth), and a leading `!` re-includes what an earlier pattern
// excluded (the last matching pattern wins).
//
// Example:
//   trustlint::ExcludePatterns ex({"build/", "*.generated.json", "!keep.generated.json"});
//   ex.excluded("a/build", /*is_directory=*/true);        // true
//   ex.excluded("keep.generated.json", false);            // false: re-included
//
// Ownership: ExcludePatterns is a value that owns its patterns.
// Thread safety: immutable after construction; safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint {

class ExcludePatterns {
 public:
  ExcludePatterns() = default;
  explicit ExcludePatterns(const std::vector<std::string>& patterns);

  // Is `path` (relative to the walked directory, '/'-separated, no leading "./") excluded?
  // `is_directory` says whether it names a directory (patterns ending in '/' match only those).
  bool excluded(std::string_view path, bool is_directory) const;
  // What the last pattern that matches says (true: excluded, false: re-included by `!`), or
  // nullopt when none matches: how a .gitignore deeper in the tree overrides one above it.
  std::optional<bool> verdict(std::string_view path, bool is_directory) const;
  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::string glob;   // for path_glob_match(): anchored, or prefixed with "**/"
    bool negated = false;
    bool directories_only = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace trustlint
