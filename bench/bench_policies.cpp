// Benchmark inputs: fixtures from the source tree and a generated large policy.
#include "bench_policies.h"

#include <algorithm>
#include <filesystem>

namespace trustlint::bench {

std::vector<std::pair<std::string, std::string>> fixture_policies() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* dir : {"good", "risky"}) {
    const std::filesystem::path root = std::filesystem::path(TRUSTLINT_SOURCE_DIR) / "fixtures" / dir;
    for (const auto& e : std::filesystem::directory_iterator(root)) {
      out.emplace_back(std::string(dir) + "/" + e.path().filename().string(), e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string generated_policy(int statements) { return generated_policy(statements, 3); }

std::string generated_policy(int statements, int values) {
  static const char* const teams[] = {"acme", "acme-*", "glob?x", "*corp", "a*b"};
  static const char* const projects[] = {"web-*", "*-api", "api", "*", "svc-?" "?-*", "web"};
  static const char* const envs[] = {"production", "preview", "prod*", "*", "development"};
  std::string out = R"({"Version":"2012-10-17","Statement":[)";
  for (int i = 0; i < statements; ++i) {
    const bool deny = i % 4 == 3;
    out += i ? "," : "";
    out += R"({"Effect":")" + std::string(deny ? "Deny" : "Allow") +
           R"(","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},)"
           R"("Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"oidc.vercel.com:sub":[)";
    for (int v = 0; v < values; ++v) {
      out += v ? "," : "";
      // The first three values of every statement are the same for any `values`; later ones name
      // numbered projects (a prefix glob or a literal, in turn) of the statement's team.
      const std::string project = v < 3 ? std::string(projects[(i * 3 + v) % 6])
                                         : "p" + std::to_string(v) + (v % 2 ? "-*" : "-svc");
      const char* team = v < 3 ? teams[(i + v) % 5] : teams[i % 5];
      out += std::string("\"owner:") + team + ":project:" + project + ":environment:" + envs[(i + 2 * v) % 5] + "\"";
    }
    out += R"(],"oidc.vercel.com:aud":"https://vercel.com/*"}}})";
  }
  return out + "]}";
}

}  // namespace trustlint::bench
