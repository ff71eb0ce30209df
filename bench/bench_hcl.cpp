// Reading Terraform source against reading JSON, on equivalent content: a trust policy of N
// statements written once as JSON and once as an HCL object literal (jsonencode({...}) in an
// aws_iam_role, the way .tf files write it); bytes/s of the HCL reader (read_hcl) and of the
// JSON reader (read_tree), and of the whole .tf path (find_trust_policies_text: parse + evaluate).
#include <benchmark/benchmark.h>

#include <string>

#include "source/hcl/hcl_syntax.h"
#include "source/read_tree.h"
#include "trustlint/sources.h"

namespace {

using namespace trustlint;

std::string statement_values(int i) {
  return "owner:acme:project:web-" + std::to_string(i) + ":environment:production";
}

std::string json_policy(int n) {
  std::string out = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n";
  for (int i = 0; i < n; ++i) {
    out += std::string(i ? ",\n" : "") + "    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n" +
           "      \"Principal\": {\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"},\n" +
           "      \"Condition\": {\n        \"StringEquals\": {\n          \"oidc.vercel.com/acme:aud\": \"https://vercel.com/acme\",\n" +
           "          \"oidc.vercel.com/acme:sub\": \"" + statement_values(i) + "\"\n        }\n      }\n    }";
  }
  return out + "\n  ]\n}\n";
}

std::string hcl_role(int n) {
  std::string out = "resource \"aws_iam_role\" \"deploy\" {\n  assume_role_policy = jsonencode({\n    Version = \"2012-10-17\"\n    Statement = [\n";
  for (int i = 0; i < n; ++i) {
    out += std::string(i ? ",\n" : "") + "      {\n        Effect    = \"Allow\"\n        Action    = \"sts:AssumeRoleWithWebIdentity\"\n" +
           "        Principal = { Federated = \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\" }\n" +
           "        Condition = {\n          StringEquals = {\n            \"oidc.vercel.com/acme:aud\" = \"https://vercel.com/acme\"\n" +
           "            \"oidc.vercel.com/acme:sub\" = \"" + statement_values(i) + "\"\n          }\n        }\n      }";
  }
  return out + "\n    ]\n  })\n}\n";
}

void done(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_read_json(benchmark::State& state) {
  const internal::SourceFile file("policy.json", json_policy(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    Result<internal::Node> tree = internal::read_tree(file, InputFormat::json, Limits{});
    if (!tree.has_value()) return state.SkipWithError("JSON does not parse");
    benchmark::DoNotOptimize(tree);
  }
  done(state, file.text().size());
}

void BM_read_hcl(benchmark::State& state) {
  const internal::SourceFile file("main.tf", hcl_role(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    Result<internal::HclBody> body = internal::read_hcl(file, Limits{});
    if (!body.has_value()) return state.SkipWithError("HCL does not parse");
    benchmark::DoNotOptimize(body);
  }
  done(state, file.text().size());
}

// The whole Terraform path of `lint`: parse, evaluate jsonencode(), build the policy.
void BM_tf_policies(benchmark::State& state) {
  const std::string text = hcl_role(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto found = find_trust_policies_text(text, "main.tf");
    if (!found.has_value() || found.value().size() != 1 || !found.value()[0].policy.has_value()) {
      return state.SkipWithError("the role is not found");
    }
    benchmark::DoNotOptimize(found);
  }
  done(state, text.size());
}

}  // namespace

BENCHMARK(BM_read_json)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_read_hcl)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK(BM_tf_policies)->Arg(10)->Arg(100)->Arg(1000);
BENCHMARK_MAIN();
