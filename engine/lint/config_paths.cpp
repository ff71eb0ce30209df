// Where a configuration applies: finding .trustlint.yaml by walking up from a policy file,
// matching path globs relative to the configuration's directory, and turning the configuration
// into the LintOptions of one file.
#include <filesystem>

#include "trustlint/lint_config.h"

namespace trustlint {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

// '*' any run, '?' one character, within one segment.
bool segment_match(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++pi;
      ++si;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

bool match_from(const std::vector<std::string_view>& p, std::size_t i, const std::vector<std::string_view>& s,
                std::size_t j) {
  if (i == p.size()) return j == s.size();
  if (p[i] == "**") {
    for (std::size_t k = j; k <= s.size(); ++k) {
      if (match_from(p, i + 1, s, k)) return true;
    }
    return false;
  }
  return j < s.size() && segment_match(p[i], s[j]) && match_from(p, i + 1, s, j + 1);
}

std::string relative_to(const std::string& base_dir, const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  return abs.lexically_relative(fs::path(base_dir)).generic_string();
}

void merge(std::map<std::string, RuleSetting>& into, const std::map<std::string, RuleSetting>& from) {
  for (const auto& [id, s] : from) into[id] = s;
}

}  // namespace

bool path_glob_match(std::string_view pattern, std::string_view path) {
  return match_from(segments(pattern), 0, segments(path), 0);
}

std::optional<std::string> find_lint_config(const std::string& policy_path) {
  std::error_code ec;
  fs::path dir = policy_path == "-" ? fs::current_path(ec) : fs::absolute(policy_path, ec).lexically_normal().parent_path();
  if (ec) return std::nullopt;
  while (true) {
    const fs::path candidate = dir / kLintConfigName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

LintOptions lint_options_for(const LintConfig& config, const std::string& policy_path, LintOptions base) {
  const std::string rel = policy_path == "-" ? std::string("-") : relative_to(config.base_dir, policy_path);
  if (base.teams.empty() && config.teams) base.teams = *config.teams;
  if (base.environments.empty() && config.environments) base.environments = *config.environments;
  if (base.projects.empty() && config.projects) base.projects = *config.projects;
  std::map<std::string, RuleSetting> rules = config.rules;
  for (const auto& o : config.overrides) {
    for (const auto& glob : o.paths) {
      if (path_glob_match(glob, rel)) {
        merge(rules, o.rules);
        base.expectations.insert(base.expectations.end(), o.expect.begin(), o.expect.end());
        break;
      }
    }
  }
  merge(rules, base.rules);  // the caller's settings (command-line flags) win
  base.rules = std::move(rules);
  for (const auto& e : config.ignore) {
    if (e.path.empty() || path_glob_match(e.path, rel)) base.suppressions.push_back({e.rule, e.pointer, e.reason});
  }
  return base;
}

}  // namespace trustlint
