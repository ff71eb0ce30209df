// Helpers for the query suites: a scratch directory under the system's temporary directory,
// removed with its contents when the helper goes, and the source tree's root. Test-only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace trustlint::testing {

inline const std::string kSourceRoot = TRUSTLINT_SOURCE_DIR;

struct ScratchDir {
  std::filesystem::path root;
  // `tag` names the suite's use, so that two directories of one run never meet.
  explicit ScratchDir(const std::string& tag) {
    root = std::filesystem::temp_directory_path() /
           ("trustlint-" + tag + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
  }
  ~ScratchDir() { std::filesystem::remove_all(root); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `text` (bytes as given) to root/rel, making its directories; returns the path.
  std::string write(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
    return (root / rel).string();
  }
  // Copies a file of the source tree (a path relative to it) to root/`as`; returns the path.
  std::string copy(const std::string& source_rel, const std::string& as) const {
    std::ifstream in(kSourceRoot + "/" + source_rel, std::ios::binary);
    return write(as, std::string(std::istreambuf_iterator<char>(in), {}));
  }
};

}  // namespace trustlint::testing
