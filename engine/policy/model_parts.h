// The parts build_model is made of, one file per concern: statement blocks (principal_block,
// action_block, condition_block) and whole-document checks (character_set, policy_size).
// They all report through one ModelContext. Internal to engine/policy; stateless apart from
// the context passed in, so safe to call from several threads on different inputs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "source/diagnostic_sink.h"
#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/policy.h"

namespace trustlint::internal {

struct ModelContext {
  const SourceFile& file;
  const LoadOptions& options;
  DiagnosticSink& sink;

  void report(Severity severity, const char* code, std::string message, const Span& span,
              std::vector<std::string> notes = {});
};

// "a string", "an array", ... for messages.
std::string a_node_kind(const Node& node);

// A string or an array of strings (Principal values, Action). Other shapes are reported under
// `code` as "<what> must be ..."; returns the string nodes found.
std::vector<const Node*> string_list(const Node& value, const std::string& what, const char* code, ModelContext& ctx);

// Principal / NotPrincipal (docs/semantics.md#principal). `member` is the element's key and value;
// `in_deny` when the statement's Effect is "Deny" (a wildcard there restricts, it does not trust).
PrincipalBlock read_principal(const Member& member, bool negated, bool in_deny, ModelContext& ctx);
// SAML principal with sts:AssumeRoleWithWebIdentity, or web identity with AssumeRoleWithSAML (docs/semantics.md#access-analyzer-checks).
void check_action_fits_principal(const Statement& statement, ModelContext& ctx);

// Action / NotAction (docs/semantics.md#action).
ActionBlock read_action(const Member& member, bool negated, ModelContext& ctx);

// Condition (docs/semantics.md#condition-block): fills statement.conditions and statement.condition_span.
void read_condition(const Node& value, Statement& statement, ModelContext& ctx);

// Characters IAM accepts in a policy document: TAB, LF, CR, U+0020–U+00FF (docs/semantics.md#document).
bool iam_accepts_character(char32_t code_point);
void check_character_set(const Node& root, ModelContext& ctx);

// Characters of the document minified, white space not counted (docs/semantics.md#size).
std::size_t policy_size(const Node& root);
void check_policy_size(const Node& root, ModelContext& ctx);

}  // namespace trustlint::internal
