// Writes bench_policies.cpp's generated policy to stdout, for timing whole `trustlint` processes
// on the same policies the benchmarks use:  gen_policy STATEMENTS [VALUES] > policy.json
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_policies.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: gen_policy STATEMENTS [VALUES]\n");
    return 2;
  }
  const int statements = std::atoi(argv[1]);
  const int values = argc == 3 ? std::atoi(argv[2]) : 3;
  if (statements < 1 || values < 1) {
    std::fprintf(stderr, "gen_policy: STATEMENTS and VALUES must be positive\n");
    return 2;
  }
  const std::string text = trustlint::bench::generated_policy(statements, values);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
