// CloudFormation templates (JSON or YAML): every AWS::IAM::Role's AssumeRolePolicyDocument,
// with its intrinsic functions resolved by IntrinsicResolver. A document written as a JSON string
// (`AssumeRolePolicyDocument: !Sub | {...}`) is parsed and located inside that string.
#include "iac/cfn_intrinsics.h"
#include "iac/iac_forms.h"

namespace trustlint::internal {

namespace {

Result<Document> role_policy(const std::string& name, const Node& root, const Node& document, const IacInput& in,
                             std::vector<std::string>& assumptions) {
  IntrinsicResolver resolver(root, in);
  std::optional<Node> value = resolver.resolve(document);
  if (value && value->kind == NodeKind::string && value->text.rfind("UNRESOLVED-", 0) == 0) {
    assumptions = resolver.take_assumptions();
    Diagnostics diagnostics = resolver.take_diagnostics();
    diagnostics.push_back(make_error(
        "TL082", "the AssumeRolePolicyDocument of " + name + " is known only when the stack is deployed", document.span));
    return no_policy(std::move(diagnostics));
  }
  if (value && value->kind == NodeKind::string) {
    IntrinsicResolver again(root, in);  // resolve the string once more, keeping where each byte came from
    std::optional<MappedText> text = again.resolve_mapped(document);
    assumptions = again.take_assumptions();
    if (text) return policy_from_string(*text, in, again.take_diagnostics());
    return policy_from_tree(*value, in, again.take_diagnostics());
  }
  assumptions = resolver.take_assumptions();
  if (!value) {
    Diagnostics diagnostics = resolver.take_diagnostics();
    diagnostics.push_back(make_error("TL081", "AssumeRolePolicyDocument is !Ref AWS::NoValue: the role has no trust policy",
                                     document.span));
    return no_policy(std::move(diagnostics));
  }
  shape_federated_placeholders(*value, assumptions);
  return policy_from_tree(*value, in, resolver.take_diagnostics());
}

}  // namespace

std::vector<FoundPolicy> find_cloudformation_roles(const Node& root, const IacInput& in) {
  std::vector<FoundPolicy> found;
  const Node* resources = root.get("Resources");
  if (resources == nullptr || resources->kind != NodeKind::object) return found;
  for (const Member& m : resources->members) {
    const Node& definition = m.value;
    if (scalar_text(definition.get("Type")).value_or("") != "AWS::IAM::Role") continue;
    std::vector<std::string> assumptions;
    const Node* properties = definition.get("Properties");
    const Node* document = properties != nullptr ? properties->get("AssumeRolePolicyDocument") : nullptr;
    Result<Document> policy = Result<Document>::failure(Diagnostics{});
    if (document == nullptr) {
      Diagnostic d = make_error("TL081", "AWS::IAM::Role " + m.key + " has no AssumeRolePolicyDocument", m.key_span);
      d.notes.push_back("CloudFormation requires Properties.AssumeRolePolicyDocument on every AWS::IAM::Role");
      policy = no_policy({std::move(d)});
    } else {
      policy = role_policy(m.key, root, *document, in, assumptions);
    }
    if (const std::optional<std::string> condition = scalar_text(definition.get("Condition"))) {
      IntrinsicResolver resolver(root, in);
      const std::optional<bool> holds = resolver.condition(*condition);
      assumptions.push_back("the role exists only when condition " + *condition + " holds (" +
                            (!holds ? "decided at deployment" : *holds ? "true with the parameter Defaults"
                                                                       : "false with the parameter Defaults") +
                            ")");
    }
    std::string named = "resource " + m.key + " (AWS::IAM::Role)";
    name_resource(policy.diagnostics(), named);
    found.push_back(FoundPolicy{PolicySource{m.key, "cloudformation", std::move(policy), std::move(assumptions)},
                                m.key_span.offset, definition.span.end_offset, std::move(named)});
  }
  return found;
}

}  // namespace trustlint::internal
