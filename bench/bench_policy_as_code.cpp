// Policy as code: `diff` of two typical policies (Vercel's documented production-only and
// preview-and-production policies; a generated policy and a one-statement change of it), and
// `test` of a spec with 20 expectations (fixtures/specs/bench/twenty.trustspec.yaml), each
// timed from compiled policies (diff: both allowed sets and their differences; test: the allowed
// set and every expectation).
#include <benchmark/benchmark.h>

#include "bench_policies.h"
#include "trustlint/engine.h"
#include "trustlint/policy_diff.h"
#include "trustlint/spec.h"

namespace {

using namespace trustlint;

const std::string kRoot = TRUSTLINT_SOURCE_DIR;

CompiledPolicy compiled_file(const std::string& path) { return compile(load_policy_file(path).value()).value(); }

void bm_diff_docs(benchmark::State& state) {
  const auto a = compiled_file(kRoot + "/fixtures/good/vercel-docs-production.json");
  const auto b = compiled_file(kRoot + "/fixtures/good/vercel-docs-preview-production.json");
  for (auto _ : state) {
    auto d = diff_policies(a, b, vercel_profile());
    benchmark::DoNotOptimize(d);
  }
}

void bm_diff_generated(benchmark::State& state) {
  const std::string text = bench::generated_policy(static_cast<int>(state.range(0)));
  std::string changed = text;
  const auto at = changed.find("production");
  if (at != std::string::npos) changed.replace(at, 10, "preview");
  const auto a = compile(load_policy_text(text, "old.json").value()).value();
  const auto b = compile(load_policy_text(changed, "new.json").value()).value();
  for (auto _ : state) {
    auto d = diff_policies(a, b, vercel_profile());
    benchmark::DoNotOptimize(d);
  }
}

void bm_test_twenty(benchmark::State& state) {
  const auto spec = load_spec(kRoot + "/fixtures/specs/bench/twenty.trustspec.yaml").value();
  const auto policy = compiled_file(spec.policy_path);
  std::size_t failed = 0;
  for (auto _ : state) {
    auto set = allowed_set(policy, vercel_profile());
    for (const auto& e : spec.expect) {
      auto o = check_expectation(policy, set.value(), e, spec.team, vercel_profile());
      failed += o->holds ? 0 : 1;
    }
  }
  if (failed != 0) state.SkipWithError("an expectation failed");
  state.counters["expectations"] = static_cast<double>(spec.expect.size());
}

}  // namespace

BENCHMARK(bm_diff_docs)->Name("diff/vercel-docs-production-vs-preview-production")->Unit(benchmark::kMicrosecond);
BENCHMARK(bm_diff_generated)->Name("diff/generated-one-change")->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond);
BENCHMARK(bm_test_twenty)->Name("test/twenty-expectations")->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
