// Bounded-work fuzz target: no policy may make the prover run unbounded. Input: lines
// "EFFECT CLAIM PATTERN" (EFFECT A or D, CLAIM s for sub or a for aud; other lines are skipped)
// become StringLike statements on the global issuer; the first byte's low bit asks for any
// audience. allowed_set() must answer or stop with TL095 located inside the policy, and the run
// is under libFuzzer's -timeout=2 (fuzz/CMakeLists.txt), so an input that takes longer fails.
// Seeds (make_corpus.cmake) are wildcard-heavy patterns such as "*" + 60 "?" + "*".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    }  // other bytes are dropped: the point is wildcard structure, not text encoding
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 4096) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool any_audience = (data[0] & 1) != 0;
  std::string statements;
  std::size_t count = 0;
  for (std::size_t pos = 1; pos < in.size() && count < 6;) {
    std::size_t end = in.find('\n', pos);
    if (end == std::string_view::npos) end = in.size();
    const std::string_view line = in.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() < 4 || (line[0] != 'A' && line[0] != 'D') || (line[2] != 's' && line[2] != 'a')) continue;
    statements += std::string(count++ ? "," : "") + R"({"Effect": ")" + (line[0] == 'A' ? "Allow" : "Deny") +
                  R"(", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},)" +
                  R"( "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringLike": {"oidc.vercel.com:)" +
                  (line[2] == 's' ? "sub" : "aud") + "\": " + json_string(line.substr(4)) + "}}}";
  }
  if (count == 0) return 0;
  const std::string text = R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}";
  LoadOptions load;
  load.quota = {std::size_t{1} << 30, true};
  const Result<Document> doc = load_policy_text(text, "fuzz.json", load);
  if (!doc.has_value()) return 0;
  const Result<CompiledPolicy> compiled = compile(doc.value());
  if (!compiled.ok()) return 0;
  WhoOptions options;
  options.any_audience = any_audience;
  // A fortieth of the default limit: the work allowed is proportional to the limit (every path
  // charges the budget in proportion to its steps), so the default is bounded the same way. At
  // this limit the slowest seed (issue 11's) takes about 0.2 s of CPU under the sanitizers,
  // well inside -timeout=2.
  options.limits.max_automaton_states = 5'000;
  const Result<AllowedSet> set = allowed_set(compiled.value(), vercel_profile(), options);
  if (!set.ok()) {
    bool located = false;
    for (const Diagnostic& d : set.diagnostics()) {
      if (d.code == "TL095") {
        located = d.span.line > 0;
        trustlint::fuzz::check_span(d.span, text.size());
      }
    }
    trustlint::fuzz::require(located, "allowed_set failed without a located TL095");
  }
  return 0;
}
