// `lint` per policy: text → parse → compile → every rule, as `trustlint lint` does for each file
// (without reading the file or printing), on the fixtures and on generated policies of 1/10/30/100
// statements and of 10 statements × 10/50/200 values; policies/s and bytes/s. lint/many_files:
// bench/lint_many.sh's 1,000 small files read from text one after another (files/s), on one
// and on two threads.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "bench_policies.h"
#include "trustlint/engine.h"
#include "trustlint/lint.h"
#include "trustlint/query.h"

namespace {

using namespace trustlint;

// max_states 0: the default limits (lint stops with TL095 when the policy needs more work).
void run_lint(benchmark::State& state, const std::string& text, const std::string& name, std::size_t max_states = 0) {
  LintOptions options;
  if (max_states != 0) options.limits.max_automaton_states = max_states;
  for (auto _ : state) {
    Result<Document> doc = load_policy_text(text, name);
    if (!doc.has_value()) {
      state.SkipWithError("policy does not load");
      return;
    }
    Result<CompiledPolicy> compiled = compile(doc.value());
    if (!compiled.has_value()) {
      state.SkipWithError("policy does not compile");
      return;
    }
    Result<LintReport> report = lint(doc.value(), compiled.value(), options);
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["policies/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Many small files, as bench/lint_many.sh makes them: every fixture under fixtures/good and
// fixtures/risky with its team renamed (acme → acmeN), N = 0 .. count-1.
std::vector<std::pair<std::string, std::string>> many_files(const std::vector<std::pair<std::string, std::string>>& fixtures,
                                                            std::size_t count);

// `lint` of one file after another, as each thread of `trustlint lint DIR` runs it (read from
// text: no file system), cycling through 1,000 variants: the glob automata and decompositions
// shared between files (prove/shared_automata.h) are what a run of many files gains.
void run_many(benchmark::State& state, const std::vector<std::pair<std::string, std::string>>& files) {
  const LintOptions options;
  std::size_t next = static_cast<std::size_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    const auto& [name, text] = files[next++ % files.size()];
    auto reports = lint_input(Input::from_text(text, name), options);
    benchmark::DoNotOptimize(reports);
  }
  state.counters["files/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::pair<std::string, std::string>> many_files(const std::vector<std::pair<std::string, std::string>>& fixtures,
                                                            std::size_t count) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> paths;
  for (const auto& f : fixtures) {
    if (f.second.ends_with(".json") || f.second.ends_with(".yaml")) paths.push_back(f.second);
  }
  for (std::size_t i = 0; i < count && !paths.empty(); ++i) {
    const std::string& path = paths[i % paths.size()];
    std::string text = read_all(path);
    const std::string team = "acme" + std::to_string(i);
    for (std::size_t at = text.find("acme"); at != std::string::npos; at = text.find("acme", at + team.size())) {
      text.replace(at, 4, team);
    }
    const std::string base = path.substr(path.find_last_of('/') + 1);
    out.emplace_back("repo" + std::to_string(i % 20) + "/roles/" + std::to_string(i) + "-" + base, std::move(text));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // bench/lint_many.sh's 1,000 files, one file an iteration, on one thread and on two.
  {
    const auto files = many_files(bench::fixture_policies(), 1000);
    benchmark::RegisterBenchmark("lint/many_files", [files](benchmark::State& s) { run_many(s, files); })
        ->Unit(benchmark::kMicrosecond)
        ->Threads(1)
        ->Threads(2)
        ->UseRealTime();
  }
  for (const auto& [name, path] : bench::fixture_policies()) {
    const std::string text = read_all(path);
    auto doc = load_policy_text(text, path);
    if (!doc.has_value() || !compile(doc.value()).has_value()) continue;
    benchmark::RegisterBenchmark(("lint/" + name).c_str(),
                                 [text, p = path](benchmark::State& s) { run_lint(s, text, p); });
  }
  // Growth with the number of statements S (3 values each) and of values V (10 statements).
  for (int statements : {1, 10, 30, 100}) {
    const std::string text = bench::generated_policy(statements);
    benchmark::RegisterBenchmark(("lint/generated/" + std::to_string(statements)).c_str(),
                                 [text](benchmark::State& s) { run_lint(s, text, "generated.json"); })
        ->Unit(benchmark::kMillisecond);
  }
  for (int values : {10, 50, 200}) {
    const std::string text = bench::generated_policy(10, values);
    benchmark::RegisterBenchmark(("lint/generated_values/10x" + std::to_string(values)).c_str(),
                                 [text](benchmark::State& s) { run_lint(s, text, "generated.json"); })
        ->Unit(benchmark::kMillisecond);
  }
  // 10 × 200 needs more work than the default limit allows (TL095): the same with the limit
  // raised tenfold, so that the figure is of a whole answer.
  {
    const std::string text = bench::generated_policy(10, 200);
    benchmark::RegisterBenchmark("lint/generated_values/10x200/max_states_2000000",
                                 [text](benchmark::State& s) { run_lint(s, text, "generated.json", 2'000'000); })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
