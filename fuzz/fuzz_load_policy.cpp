// Fuzz target: load_policy_text end to end — UTF-8 check, JSON or YAML (the first byte picks the
// file name, so both readers and content detection are reached), the model and its grammar
// diagnostics, then compile() and evaluate() on a fixed Vercel request and the text renderer.
// Checks that every diagnostic is located inside the input and nothing crashes.
// Seeds: every fixture.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace trustlint;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string name = fuzz::input_name(text);
  LoadOptions options;
  options.limits.max_nodes = 100'000;
  const Result<Document> doc = load_policy_text(text, name, options);
  fuzz::check_result(doc, name, fuzz::located_size(text));
  (void)render_diagnostics_text(doc.diagnostics());
  if (!doc.has_value()) return 0;
  Result<CompiledPolicy> compiled = compile(doc.value());
  fuzz::check_diagnostics(compiled.diagnostics(), name, fuzz::located_size(text));
  if (!compiled.ok()) return 0;
  static const Request request = [] {
    DeploymentFacts facts{"acme", "web", "preview", IssuerMode::team, std::nullopt, {{"amr", "pwd"}}};
    return make_request(vercel_profile(), facts).value();
  }();
  const Decision d = evaluate(compiled.value(), request);
  fuzz::require(d.statements.size() == doc->statements.size(), "trace does not cover every statement");
  fuzz::require(d.deciding_statement.has_value() == (d.outcome != Outcome::implicit_deny),
                "deciding statement does not fit the outcome");
  return 0;
}
