// Fuzz target: read_hcl (our HCL native-syntax parser) and read_tf_json (Terraform's JSON syntax)
// on arbitrary bytes, then the Terraform source reader on the same text as main.tf and as
// main.tf.json (evaluation of variables, locals, templates, policy documents). Checks that nothing
// crashes, hangs or overflows, that a failure carries an error, that every diagnostic is located
// inside the input and every expression's bytes lie inside it.
// Seeds: fixtures/terraform/**/*.tf, fixtures/terraform-json/**/*.tf.json.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "iac/tf_json.h"
#include "source/hcl/hcl_syntax.h"
#include "trustlint/sources.h"

namespace {

using namespace trustlint;
using namespace trustlint::internal;

void check_expr(const HclExpr& e, std::size_t size) {
  fuzz::require(e.begin <= e.end && e.end <= size, "expression outside the input");
  for (const HclExprPtr& item : e.items) {
    if (item) check_expr(*item, size);  // depth is bounded by limits.max_depth
  }
}

void check_body(const HclBody& body, std::size_t size) {
  for (const HclAttribute& a : body.attributes) {
    fuzz::require(a.expr != nullptr, "attribute without an expression");
    check_expr(*a.expr, size);
  }
  for (const HclBlock& b : body.blocks) {
    fuzz::require(b.begin <= b.end && b.end <= size, "block outside the input");
    check_body(b.body, size);
  }
}

// One syntax: the parse, then the roles of the same text named `name`.
void run(const std::string& text, const std::string& name, const Result<HclBody>& r, const Limits& limits) {
  fuzz::check_result(r, name, text.size());
  if (!r.has_value()) return;
  check_body(r.value(), text.size());
  LoadOptions options;
  options.limits = limits;
  const Result<std::vector<PolicySource>> found = find_trust_policies_text(text, name, options);
  fuzz::require(found.has_value(), "a file the reader accepts must give its roles");
  for (const PolicySource& s : found.value()) {
    fuzz::require(s.policy.has_value() || has_errors(s.policy.diagnostics()), "a role without a policy and without an error");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Limits limits;
  limits.max_nodes = 100'000;  // keeps each run short; the limit path itself is what is fuzzed
  run(text, "fuzz.tf", read_hcl(SourceFile("fuzz.tf", text), limits), limits);
  TfJsonStrings strings;
  run(text, "fuzz.tf.json", read_tf_json(SourceFile("fuzz.tf.json", text), limits, false, strings), limits);
  return 0;
}
