// Action / NotAction (docs/semantics.md#action): a string or an array of strings, each "*" or
// "service:name" (wildcards allowed in the name).
#include "policy/model_parts.h"

namespace trustlint::internal {

namespace {

bool is_service_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }
bool is_name_char(char c) { return is_service_char(c) || c == '*' || c == '?'; }

// Empty when well-formed, else what is wrong.
std::string action_problem(std::string_view a) {
  if (a == "*") return {};
  const std::size_t colon = a.find(':');
  if (colon == std::string_view::npos) return "an action is \"*\" or service:name, e.g. sts:AssumeRoleWithWebIdentity";
  const std::string_view service = a.substr(0, colon);
  const std::string_view name = a.substr(colon + 1);
  if (service.empty()) return "the service prefix is empty";
  if (service.find_first_of("*?") != std::string_view::npos) {
    return "the service prefix must not contain wildcards (IAM refuses the document: \"Action vendors must not "
           "contain wildcards\")";
  }
  for (char c : service) {
    if (!is_service_char(c)) return "the service prefix may contain only letters, digits and '-'";
  }
  if (name.empty()) return "the action name is empty";
  for (char c : name) {
    if (!is_name_char(c)) return "the action name may contain only letters, digits, '*' and '?'";
  }
  return {};
}

}  // namespace

ActionBlock read_action(const Member& member, bool negated, ModelContext& ctx) {
  ActionBlock block;
  block.present = true;
  block.negated = negated;
  block.span = member.value.span;
  for (const Node* value : string_list(member.value, member.key, "TL047", ctx)) {
    const std::string problem = action_problem(value->text);
    if (!problem.empty()) {
      ctx.report(Severity::error, "TL047", "malformed action " + quote(value->text) + ": " + problem, value->span);
    }
    block.actions.push_back(Located{value->text, value->span});
  }
  return block;
}

}  // namespace trustlint::internal
