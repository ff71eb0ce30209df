// `can`: one decision on an already-compiled policy, with its trace (`can`) and without it
// (`can --requests`), in decisions/s; and parsing (bytes/s).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "bench_policies.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

void bm_decide(benchmark::State& state, const std::string& path, bool trace) {
  auto doc = load_policy_file(path);
  auto compiled = compile(doc.value());
  DeploymentFacts facts{"acme", "web", "preview", IssuerMode::team, std::nullopt, {}};
  auto request = make_request(vercel_profile(), facts);
  for (auto _ : state) {
    Decision d = evaluate(compiled.value(), request.value(), EvaluateOptions{.trace = trace});
    benchmark::DoNotOptimize(d);
  }
  state.counters["decisions/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void bm_parse(benchmark::State& state, const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  for (auto _ : state) {
    auto doc = load_policy_text(text, path);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& [name, path] : bench::fixture_policies()) {
    auto doc = load_policy_file(path);
    if (!doc.ok() || !compile(doc.value()).ok()) continue;
    benchmark::RegisterBenchmark(("can/" + name).c_str(), [p = path](benchmark::State& s) { bm_decide(s, p, true); });
    benchmark::RegisterBenchmark(("can-no-trace/" + name).c_str(), [p = path](benchmark::State& s) { bm_decide(s, p, false); });
    benchmark::RegisterBenchmark(("parse/" + name).c_str(), [p = path](benchmark::State& s) { bm_parse(s, p); });
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
