// The engine's entry points: load a policy (with its diagnostics), compile it once, then answer
// many requests. See trustlint.h for a tutorial.
//
// Example:
//   auto doc = trustlint::load_policy_text(text, "policy.json");
//   if (!doc.ok()) return;  // doc.diagnostics() says where and why
//   auto policy = trustlint::compile(doc.value());
//   trustlint::EvaluateOptions fast{.trace = false};
//   bool in = trustlint::evaluate(policy.value(), request, fast).allowed();
//
// Ownership: CompiledPolicy is move-only and owns a copy of the Document it was compiled from
// (document()), so the Result<Document> may be dropped after compile(); EvaluateOptions is a
// plain value.
// Thread safety: no global state. A CompiledPolicy is immutable after compile(): evaluate() may
// run on one policy from several threads at once. Loading and compiling are safe from several
// threads on different inputs.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "trustlint/decision.h"
#include "trustlint/options.h"
#include "trustlint/policy.h"
#include "trustlint/request.h"
#include "trustlint/result.h"

namespace trustlint {

// Reads and parses a policy file ("-" = stdin): JSON or YAML, grammar diagnostics included.
// The result has a value whenever the text parsed into a policy shape, even with grammar errors.
Result<Document> load_policy_file(const std::string& path, const LoadOptions& options = {});
// Same, from text in memory; `name` is used in spans (a path, or "<stdin>").
Result<Document> load_policy_text(std::string_view text, const std::string& name,
                                  const LoadOptions& options = {});

struct EvaluateOptions {
  // true: Decision::statements traces every statement and condition (what `can` prints).
  // false: Decision::statements holds only the deciding statement, without its conditions, and
  // conditions are explained only when a note needs it (what `can --requests` prints); the
  // outcome, deciding statement and notes are the same. Much faster.
  bool trace = true;
};

// A policy prepared for evaluation: patterns compiled, values parsed. Compile once, answer many.
class CompiledPolicy {
 public:
  CompiledPolicy(CompiledPolicy&&) noexcept;
  CompiledPolicy& operator=(CompiledPolicy&&) noexcept;
  ~CompiledPolicy();

  const Document& document() const;

 private:
  friend Result<CompiledPolicy> compile(const Document& document);
  friend Decision evaluate(const CompiledPolicy& policy, const Request& request, const EvaluateOptions& options);
  struct Impl;
  explicit CompiledPolicy(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  friend struct CompiledPolicyAccess;
};

// Fails (TL07x) when a condition value cannot be evaluated (a bad CIDR, number or date, ...).
Result<CompiledPolicy> compile(const Document& document);

// The IAM decision for one request (docs/semantics.md#decision-procedure), with its trace.
Decision evaluate(const CompiledPolicy& policy, const Request& request);
Decision evaluate(const CompiledPolicy& policy, const Request& request, const EvaluateOptions& options);

const char* version();

}  // namespace trustlint
