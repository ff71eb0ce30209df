// file_identity() (sources.h): the one test of whether two paths name the same file.
#include <filesystem>

#include "trustlint/sources.h"

namespace trustlint {

std::string file_identity(const std::string& path) {
  if (path == "-") return path;
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::path(path).lexically_normal().generic_string() : canonical.generic_string();
}

}  // namespace trustlint
