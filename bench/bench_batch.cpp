// `can --requests` phase by phase, on bench/compare.sh's work (one policy: the global issuer, an aud
// pin, two StringLike subs; 20,000 request lines): read (parse_request_line), build the request
// (make_request, the general path's builder), decide (evaluate without a trace), write
// (render_can_json, the general path's writer), then a whole line through RequestBatch::decide_line
// (the fast path: its own reader, builder and writer; full and compact answers), the fast path's
// own reader and decider, the kernel's part of writing the answers to a file, and the whole
// stream through decide_stream.
// Every figure is per request line.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <streambuf>

#include <algorithm>
#include <cstdio>

#include "batch/request_line_scan.h"
#include "eval/decide_untraced.h"
#include "trustlint/batch.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"

namespace {

using namespace trustlint;

const char* kPolicy = TRUSTLINT_SOURCE_DIR "/bench/compare/policy-global-aud-two-subs.json";
constexpr std::size_t kLines = 20000;

// The request lines of bench/compare.sh: teams × projects × environments, issuer global.
std::vector<std::string> request_lines() {
  const char* teams[] = {"acme", "acme-evil", "globex", "other-team"};
  const char* projects[] = {"web", "api", "docs", "shop", "web-2"};
  const char* environments[] = {"production", "preview", "development", "staging"};
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < kLines; ++i) {
    lines.push_back(std::string(R"({"team":")") + teams[i % 4] + R"(","project":")" + projects[(i / 4) % 5] +
                    R"(","environment":")" + environments[(i / 20) % 4] + R"(","issuer":"global"})");
  }
  return lines;
}

CompiledPolicy compiled_policy() { return compile(load_policy_file(kPolicy).value()).value(); }

void per_line(benchmark::State& state, std::size_t lines_per_iteration) {
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(state.iterations() * lines_per_iteration),
                                                 benchmark::Counter::kIsRate);
  state.counters["ns/line"] = benchmark::Counter(static_cast<double>(state.iterations() * lines_per_iteration),
                                                 benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void bm_read(benchmark::State& state) {
  const auto lines = request_lines();
  std::size_t i = 0;
  for (auto _ : state) {
    RequestLine parsed;
    benchmark::DoNotOptimize(parse_request_line(lines[i++ % kLines], parsed));
    benchmark::DoNotOptimize(parsed);
  }
  per_line(state, 1);
}

std::vector<DeploymentFacts> facts_of(const std::vector<std::string>& lines) {
  std::vector<DeploymentFacts> out;
  for (const auto& line : lines) {
    RequestLine parsed;
    (void)parse_request_line(line, parsed);
    parsed.facts.issuer = IssuerMode::global;
    out.push_back(parsed.facts);
  }
  return out;
}

void bm_build_request(benchmark::State& state) {
  const auto facts = facts_of(request_lines());
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(make_request(vercel_profile(), facts[i++ % kLines]));
  per_line(state, 1);
}

void bm_decide(benchmark::State& state) {
  const auto policy = compiled_policy();
  std::vector<Request> requests;
  for (const auto& f : facts_of(request_lines())) requests.push_back(make_request(vercel_profile(), f).value());
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(evaluate(policy, requests[i++ % kLines], EvaluateOptions{.trace = false}));
  }
  per_line(state, 1);
}

void bm_write(benchmark::State& state) {
  const auto policy = compiled_policy();
  std::vector<CanQuery> queries;
  std::vector<Decision> decisions;
  for (const auto& f : facts_of(request_lines())) {
    CanQuery q;
    q.facts = f;
    q.request = make_request(vercel_profile(), f).value();
    decisions.push_back(evaluate(policy, q.request, EvaluateOptions{.trace = false}));
    queries.push_back(std::move(q));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % kLines;
    benchmark::DoNotOptimize(render_can_json(decisions[k], queries[k], true));
  }
  per_line(state, 1);
}

// The fast path's own phases (engine-internal): reading a line in place, and deciding into a
// reused Decision.
void bm_fast_read(benchmark::State& state) {
  const auto lines = request_lines();
  std::size_t i = 0;
  for (auto _ : state) {
    internal::PlainFields fields;
    benchmark::DoNotOptimize(internal::scan_plain_fields(lines[i++ % kLines], fields));
    benchmark::DoNotOptimize(fields);
  }
  per_line(state, 1);
}

void bm_fast_decide(benchmark::State& state) {
  const auto policy = compiled_policy();
  std::vector<Request> requests;
  for (const auto& f : facts_of(request_lines())) requests.push_back(make_request(vercel_profile(), f).value());
  Decision d;
  std::size_t i = 0;
  for (auto _ : state) {
    internal::decide_untraced(policy, requests[i++ % kLines], d);
    benchmark::DoNotOptimize(d);
  }
  per_line(state, 1);
}

void bm_decide_line(benchmark::State& state, bool compact) {
  const auto policy = compiled_policy();
  BatchOptions options;
  options.compact = compact;
  const RequestBatch batch(policy, options);
  const auto lines = request_lines();
  std::string out;
  out.reserve(1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    out.clear();
    benchmark::DoNotOptimize(batch.decide_line(lines[i % kLines], i + 1, out));
    ++i;
  }
  per_line(state, 1);
}

// The kernel's part of writing the answers: 20,000 full answers (8.9 MB) written to a new file in
// decide_stream's 128 KiB blocks, as `can --requests … > FILE` does (the page cache, no disk wait).
void bm_write_file(benchmark::State& state) {
  const auto policy = compiled_policy();
  const RequestBatch batch(policy);
  std::string answers;
  const auto lines = request_lines();
  for (std::size_t i = 0; i < kLines; ++i) (void)batch.decide_line(lines[i], i + 1, answers);
  const std::string path = std::string(TRUSTLINT_BINARY_DIR) + "/bench_batch_answers.jsonl";
  for (auto _ : state) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    for (std::size_t at = 0; at < answers.size(); at += 131072) {
      file.write(answers.data() + at, static_cast<std::streamsize>(std::min<std::size_t>(131072, answers.size() - at)));
    }
    file.close();
    state.PauseTiming();
    std::remove(path.c_str());  // a new file each time (truncating an old one costs more)
    state.ResumeTiming();
  }
  per_line(state, kLines);
}

// Discards what it is given (an ostream to nowhere that still copies through its buffer).
class NullBuffer : public std::streambuf {
 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  int overflow(int c) override { return c; }
};

void bm_decide_stream(benchmark::State& state) {
  const auto policy = compiled_policy();
  const RequestBatch batch(policy);
  std::string input;
  for (const auto& line : request_lines()) input += line + "\n";
  NullBuffer null;
  std::ostream out(&null), errors(&null);
  for (auto _ : state) {
    std::istringstream in(input);
    benchmark::DoNotOptimize(decide_stream(batch, in, out, errors));
  }
  per_line(state, kLines);
}

}  // namespace

BENCHMARK(bm_read)->Name("batch/read (parse_request_line)");
BENCHMARK(bm_build_request)->Name("batch/build request (make_request)");
BENCHMARK(bm_decide)->Name("batch/decide (evaluate, no trace)");
BENCHMARK(bm_write)->Name("batch/write (render_can_json, compact)");
BENCHMARK(bm_fast_read)->Name("batch/fast path read (scan_plain_fields)");
BENCHMARK(bm_fast_decide)->Name("batch/fast path decide (decide_untraced)");
BENCHMARK_CAPTURE(bm_decide_line, full, false)->Name("batch/decide_line (the fast path, whole line, full answer)");
BENCHMARK_CAPTURE(bm_decide_line, compact, true)->Name("batch/decide_line (the fast path, whole line, compact answer)");
BENCHMARK(bm_write_file)->Name("batch/write 20,000 full answers to a new file")->Unit(benchmark::kMillisecond);
BENCHMARK(bm_decide_stream)->Name("batch/decide_stream (20,000 lines)")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
