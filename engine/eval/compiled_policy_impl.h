// The inside of CompiledPolicy: the document plus each statement's compiled conditions.
// Statements point into `document`, which the Impl owns and never changes after compile().
#pragma once

#include <vector>

#include "condition/compiled_condition.h"
#include "eval/principal_match.h"
#include "trustlint/engine.h"

namespace trustlint::internal {

struct CompiledStatement {
  const Statement* statement = nullptr;
  PrincipalMatcher principal;
  ActionMatcher action;
  std::vector<CompiledCondition> conditions;

  explicit CompiledStatement(const Statement& st) : statement(&st), principal(st.principal), action(st.action) {}
};

}  // namespace trustlint::internal

namespace trustlint {

struct CompiledPolicy::Impl {
  Document document;
  std::vector<internal::CompiledStatement> statements;
};

}  // namespace trustlint

namespace trustlint {

// Read access to a CompiledPolicy's compiled statements for the prover (engine-internal).
struct CompiledPolicyAccess {
  static const std::vector<internal::CompiledStatement>& statements(const CompiledPolicy& p) {
    return p.impl_->statements;
  }
};

}  // namespace trustlint
