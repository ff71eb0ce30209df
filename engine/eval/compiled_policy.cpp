// compile(): a Document prepared for evaluation (conditions compiled once).
#include <utility>

#include "eval/compiled_policy_impl.h"

namespace trustlint {

CompiledPolicy::CompiledPolicy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledPolicy::CompiledPolicy(CompiledPolicy&&) noexcept = default;
CompiledPolicy& CompiledPolicy::operator=(CompiledPolicy&&) noexcept = default;
CompiledPolicy::~CompiledPolicy() = default;

const Document& CompiledPolicy::document() const { return impl_->document; }

Result<CompiledPolicy> compile(const Document& document) {
  auto impl = std::make_unique<CompiledPolicy::Impl>();
  impl->document = document;
  Diagnostics diagnostics;
  const bool variables = document.variables_enabled();
  for (const auto& st : impl->document.statements) {
    internal::CompiledStatement cs(st);
    for (const auto& c : st.conditions) {
      auto compiled = internal::CompiledCondition::compile(c, variables);
      for (auto& d : compiled.diagnostics()) diagnostics.push_back(std::move(d));
      if (compiled.has_value()) cs.conditions.push_back(std::move(compiled).value());
    }
    impl->statements.push_back(std::move(cs));
  }
  if (has_errors(diagnostics)) return Result<CompiledPolicy>::failure(std::move(diagnostics));
  return Result<CompiledPolicy>(CompiledPolicy(std::move(impl)), std::move(diagnostics));
}

}  // namespace trustlint
