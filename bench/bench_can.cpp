// `can`: one decision on an already-compiled policy, with its trace (`can`) and without it
// (`can --requests`), in decisions/s; and parsing (text → policy model, bytes/s). On the fixtures
// and on large generated policies.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "bench_policies.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

void bm_decide(benchmark::State& state, const std::string& text, const std::string& name, bool trace) {
  auto doc = load_policy_text(text, name);
  auto compiled = compile(doc.value());
  DeploymentFacts facts{"acme", "web", "preview", IssuerMode::team, std::nullopt, {}};
  auto request = make_request(vercel_profile(), facts);
  for (auto _ : state) {
    Decision d = evaluate(compiled.value(), request.value(), EvaluateOptions{.trace = trace});
    benchmark::DoNotOptimize(d);
  }
  state.counters["decisions/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void bm_parse(benchmark::State& state, const std::string& text, const std::string& name) {
  for (auto _ : state) {
    auto doc = load_policy_text(text, name);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void register_policy(const std::string& label, const std::string& text, const std::string& name) {
  auto doc = load_policy_text(text, name);
  if (!doc.has_value() || !compile(doc.value()).has_value()) return;
  benchmark::RegisterBenchmark(("can/" + label).c_str(),
                               [=](benchmark::State& s) { bm_decide(s, text, name, true); });
  benchmark::RegisterBenchmark(("can-no-trace/" + label).c_str(),
                               [=](benchmark::State& s) { bm_decide(s, text, name, false); });
  benchmark::RegisterBenchmark(("parse/" + label).c_str(), [=](benchmark::State& s) { bm_parse(s, text, name); });
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& [label, path] : bench::fixture_policies()) register_policy(label, read_all(path), path);
  for (int statements : {10, 100, 1000}) {
    register_policy("generated/" + std::to_string(statements), bench::generated_policy(statements), "generated.json");
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
