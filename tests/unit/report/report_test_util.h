// Helpers for the renderer suites: every fixture linted as the CLI does it, and the snapshot of
// their text. Test-only; stateless.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "trustlint/report.h"

namespace trustlint::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every *.json, *.yaml, *.yml below fixtures/, sorted, as paths relative to the source root.
inline std::vector<std::string> all_fixtures() {
  namespace fs = std::filesystem;
  const fs::path root = TRUSTLINT_SOURCE_DIR;
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root / "fixtures")) {
    const auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".json" || ext == ".yaml" || ext == ".yml")) {
      out.push_back(fs::relative(e.path(), root).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Lints `relative` from the source root; spans then carry the relative path, like the CLI's.
inline LintReport lint_relative(const std::string& relative) {
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(TRUSTLINT_SOURCE_DIR);
  LintReport r = lint_file(relative, {});
  std::filesystem::current_path(cwd);
  return r;
}

inline SourceSnapshot snapshot_of(const std::vector<std::string>& relatives) {
  SourceSnapshot s;
  for (const auto& f : relatives) s.files[f] = read_text(std::string(TRUSTLINT_SOURCE_DIR) + "/" + f);
  return s;
}

}  // namespace trustlint::testing
