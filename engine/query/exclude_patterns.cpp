// ExcludePatterns (exclude_patterns.h): gitignore patterns turned into path globs for
// path_glob_match() (lint_config.h), which already gives `*`, `?` and `**` their meaning.
#include "trustlint/exclude_patterns.h"

#include "trustlint/lint_config.h"

namespace trustlint {

ExcludePatterns::ExcludePatterns(const std::vector<std::string>& patterns) {
  for (std::string p : patterns) {
    Rule rule;
    if (!p.empty() && p[0] == '!') {
      rule.negated = true;
      p.erase(0, 1);
    } else if (p.size() >= 2 && p[0] == '\\' && (p[1] == '!' || p[1] == '#')) {
      p.erase(0, 1);  // "\!name": a literal '!'
    }
    while (p.size() > 1 && p.back() == '/') {
      rule.directories_only = true;
      p.pop_back();
    }
    while (p.starts_with("./")) p.erase(0, 2);
    if (p.empty() || p == "/") continue;
    const bool anchored = p.find('/') != std::string::npos;  // gitignore: a '/' not at the end anchors
    while (!p.empty() && p[0] == '/') p.erase(0, 1);
    rule.glob = anchored ? p : "**/" + p;
    rules_.push_back(std::move(rule));
  }
}

bool ExcludePatterns::excluded(std::string_view path, bool is_directory) const {
  bool out = false;
  for (const Rule& r : rules_) {
    if (r.directories_only && !is_directory) continue;
    if (r.negated != out) continue;  // only a pattern that would change the answer needs matching
    if (path_glob_match(r.glob, path)) out = !r.negated;
  }
  return out;
}

}  // namespace trustlint

namespace trustlint {

std::optional<bool> ExcludePatterns::verdict(std::string_view path, bool is_directory) const {
  for (auto r = rules_.rbegin(); r != rules_.rend(); ++r) {
    if (r->directories_only && !is_directory) continue;
    if (path_glob_match(r->glob, path)) return !r->negated;
  }
  return std::nullopt;
}

}  // namespace trustlint
