// Lookup over the generated table of embedded data files.
#include "data/embedded.h"

namespace trustlint::internal {

std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& [name, contents] : embedded_files()) {
    if (name == path) return contents;
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
