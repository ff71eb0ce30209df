// `who` per policy: the exact allowed set of each fixture and of generated policies of 1/10/30/100
// statements and of 10 statements × 10/50/200 values.
#include <benchmark/benchmark.h>

#include "bench_policies.h"
#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"

namespace {

using namespace trustlint;

void run_who(benchmark::State& state, const Document& doc) {
  auto compiled = compile(doc);
  if (!compiled.ok()) {
    state.SkipWithError("policy does not compile");
    return;
  }
  for (auto _ : state) {
    auto set = allowed_set(compiled.value(), vercel_profile());
    benchmark::DoNotOptimize(set);
  }
  state.counters["policies/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// range(0) statements of range(1) values each.
void bm_generated(benchmark::State& state) {
  auto doc = load_policy_text(
      bench::generated_policy(static_cast<int>(state.range(0)), static_cast<int>(state.range(1))), "generated.json");
  if (!doc.has_value()) {
    state.SkipWithError("generated policy does not load");
    return;
  }
  run_who(state, doc.value());
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& [name, path] : bench::fixture_policies()) {
    auto doc = load_policy_file(path);
    if (!doc.ok()) continue;
    benchmark::RegisterBenchmark(("who/" + name).c_str(), [d = doc.value()](benchmark::State& s) { run_who(s, d); });
  }
  // Growth with the number of statements S (3 values each) and of values V (10 statements).
  benchmark::RegisterBenchmark("who/generated", bm_generated)
      ->Args({1, 3})->Args({10, 3})->Args({30, 3})->Args({100, 3})
      ->Args({10, 10})->Args({10, 50})->Args({10, 200})
      ->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
