// Fuzz target: read_json (our located JSON parser) on arbitrary bytes. Checks that it never
// crashes, hangs or overflows, that a failure carries an error, and that every diagnostic and
// every node of the tree is located inside the input. Seeds: fixtures/**/*.json.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "source/read_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trustlint;
  const internal::SourceFile file("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  Limits limits;
  limits.max_nodes = 100'000;  // keeps each run short; the limit path itself is what is fuzzed
  const Result<internal::Node> r = internal::read_json(file, limits);
  fuzz::check_result(r, "fuzz.json", size);
  if (r.has_value()) fuzz::check_tree(r.value(), size);
  return 0;
}
