// Fuzz target: read_yaml (the pre-scan, yaml-cpp and the tree builder) on arbitrary bytes.
// Checks that no yaml-cpp exception escapes, that nothing crashes or hangs (alias bombs stop at
// max_nodes), that a failure carries an error, and that every diagnostic and node is located
// inside the input. Seeds: fixtures/**/*.{yaml,json} (JSON is YAML too).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "source/read_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trustlint;
  const internal::SourceFile file("fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size));
  Limits limits;
  limits.max_nodes = 100'000;
  const Result<internal::Node> r = internal::read_yaml(file, limits);
  fuzz::check_result(r, "fuzz.yaml", size);
  if (r.has_value()) fuzz::check_tree(r.value(), size);
  return 0;
}
