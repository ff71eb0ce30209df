// Fuzz target: read_hcl (our HCL native-syntax parser) on arbitrary bytes, then the Terraform
// source reader on the same text (evaluation of variables, locals, templates, policy documents).
// Checks that neither crashes, hangs or overflows, that a failure carries an error, that every
// diagnostic is located inside the input and every expression's bytes lie inside it.
// Seeds: fixtures/terraform/**/*.tf.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const SourceFile file("fuzz.tf", text);
  Limits limits;
  limits.max_nodes = 100'000;  // keeps each run short; the limit path itself is what is fuzzed
  const Result<HclBody> r = read_hcl(file, limits);
  fuzz::check_result(r, "fuzz.tf", size);
  if (!r.has_value()) return 0;
  check_body(r.value(), size);
  LoadOptions options;
  options.limits = limits;
  const Result<std::vector<PolicySource>> found = find_trust_policies_text(text, "fuzz.tf", options);
  fuzz::require(found.has_value(), "a file read_hcl accepts must give its roles");
  for (const PolicySource& s : found.value()) {
    fuzz::require(s.policy.has_value() || has_errors(s.policy.diagnostics()), "a role without a policy and without an error");
  }
  return 0;
}
