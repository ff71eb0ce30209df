// `lint` of an account export (get-account-authorization-details), MB/s: the export streamed
// role by role from its file (lint_sources, what `trustlint lint EXPORT` does) against the same
// text linted whole from memory (lint_input from text: a tree of the whole file). The export is
// generated here like bench/account_details.py's: one role in ten a Vercel OIDC role with a
// URL-encoded trust policy, the rest service roles, pretty-printed, about 1.5 KB per role.
// Also the streaming lint writers (trustlint/lint_writer.h) on the 5,000 roles' reports: output
// MB/s and reports/s of each format, written to a stream that counts and drops the bytes.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <streambuf>

#include "trustlint/lint.h"
#include "trustlint/lint_writer.h"
#include "trustlint/query.h"

namespace {

using namespace trustlint;

std::string encoded_vercel(int i) {
  const char* env[] = {"production", "preview", "development"};
  return "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A"
         "%7B%22Federated%22%3A%22arn%3Aaws%3Aiam%3A%3A123456789012%3Aoidc-provider%2Foidc.vercel.com%2Facme%22%7D%2C"
         "%22Action%22%3A%22sts%3AAssumeRoleWithWebIdentity%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B"
         "%22oidc.vercel.com%2Facme%3Aaud%22%3A%22https%3A%2F%2Fvercel.com%2Facme%22%7D%2C%22StringLike%22%3A%7B"
         "%22oidc.vercel.com%2Facme%3Asub%22%3A%22owner%3Aacme%3Aproject%3Aapp-" +
         std::to_string(i) + "%3Aenvironment%3A" + env[i % 3] + "%22%7D%7D%7D%5D%7D";
}

std::string encoded_service(int i) {
  const char* service[] = {"lambda", "ecs-tasks", "ec2"};
  return std::string("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C") +
         "%22Principal%22%3A%7B%22Service%22%3A%22" + service[i % 3] +
         ".amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";
}

std::string export_text(int roles) {
  std::string out = "{\n    \"UserDetailList\": [],\n    \"GroupDetailList\": [],\n    \"RoleDetailList\": [\n";
  for (int i = 0; i < roles; ++i) {
    const bool vercel = i % 10 == 0;
    const std::string name = (vercel ? "vercel-app-" : "service-role-") + std::to_string(i);
    out += std::string(i ? ",\n" : "") + "        {\n            \"Path\": \"/\",\n            \"RoleName\": \"" + name +
           "\",\n            \"Arn\": \"arn:aws:iam::123456789012:role/" + name +
           "\",\n            \"AssumeRolePolicyDocument\": \"" + (vercel ? encoded_vercel(i) : encoded_service(i)) +
           "\",\n            \"RolePolicyList\": [\n                {\n                    \"PolicyName\": \"inline-" +
           std::to_string(i) + "\",\n                    \"PolicyDocument\": \"" + encoded_service(i + 1) +
           "\"\n                }\n            ],\n            \"Tags\": [\n                {\n                    \"Key\": "
           "\"team\",\n                    \"Value\": \"platform\"\n                }\n            ]\n        }";
  }
  return out + "\n    ],\n    \"Policies\": []\n}\n";
}

void lint_streamed(benchmark::State& state, const std::string& path, std::size_t bytes) {
  LoadOptions load;
  load.limits.max_bytes = std::size_t{1} << 30;
  for (auto _ : state) benchmark::DoNotOptimize(lint_sources(path, LintOptions{}, load));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void lint_whole(benchmark::State& state, const std::string& text) {
  LoadOptions load;
  load.limits.max_bytes = std::size_t{1} << 30;
  for (auto _ : state) benchmark::DoNotOptimize(lint_input(Input::from_text(text, "export.json"), LintOptions{}, load));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

// Counts the bytes written and keeps none: the writers' own cost, without a file's.
class CountingBuffer : public std::streambuf {
 public:
  std::size_t count = 0;

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<std::size_t>(n);
    return n;
  }
};

void write_reports(benchmark::State& state, const std::vector<LintReport>& reports, const std::string& format) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    CountingBuffer buffer;
    std::ostream out(&buffer);
    const auto writer = make_lint_writer(format, out);
    for (const auto& r : reports) writer->add(r, writer->quotes_sources() ? SourceSnapshot::of(r) : SourceSnapshot{});
    writer->end(0, 0);
    bytes = buffer.count;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["reports/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * reports.size()), benchmark::Counter::kIsRate);
  state.counters["output_MB"] = static_cast<double>(bytes) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> written;
  for (int roles : {1250, 5000}) {
    const std::string text = export_text(roles);
    const auto path = std::filesystem::temp_directory_path() / ("trustlint-bench-export-" + std::to_string(roles) + ".json");
    std::ofstream(path, std::ios::binary) << text;
    written.push_back(path);
    benchmark::RegisterBenchmark(("export/streamed/" + std::to_string(roles)).c_str(),
                                 [p = path.string(), n = text.size()](benchmark::State& s) { lint_streamed(s, p, n); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("export/whole/" + std::to_string(roles)).c_str(),
                                 [text](benchmark::State& s) { lint_whole(s, text); })
        ->Unit(benchmark::kMillisecond);
  }
  // The writers on the 5,000 roles' reports (linted once, here).
  LoadOptions load;
  load.limits.max_bytes = std::size_t{1} << 30;
  const auto reports = std::make_shared<const std::vector<LintReport>>(lint_sources(written.back().string(), LintOptions{}, load));
  for (const char* format : {"text", "json", "sarif", "github", "markdown"}) {
    benchmark::RegisterBenchmark(("export/write/" + std::string(format) + "/5000").c_str(),
                                 [reports, f = std::string(format)](benchmark::State& s) { write_reports(s, *reports, f); })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (const auto& p : written) std::filesystem::remove(p);
  return 0;
}
