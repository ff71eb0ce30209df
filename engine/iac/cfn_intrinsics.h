// CloudFormation intrinsic functions inside a trust policy, in short form (!Sub, !Ref, !GetAtt,
// !Join, !If, ...: YAML tags kept by the reader) and long form ({"Fn::Sub": ...}, {"Ref": ...}).
// IntrinsicResolver replaces each by what the template determines: parameter Defaults, pseudo
// parameters (with placeholder values), the ARN of an AWS::IAM::OIDCProvider of the same
// template, Mappings, conditions decided by Defaults. Anything else becomes a located placeholder
// with a TL080 warning. Every value filled in is recorded as an assumption; nothing is dropped
// silently. One resolver per role; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "iac/iac_source.h"
#include "iac/mapped_text.h"
#include "source/node.h"

namespace trustlint::internal {

class IntrinsicResolver {
 public:
  // `root` is the template (its Parameters, Resources, Mappings and Conditions are consulted).
  IntrinsicResolver(const Node& root, const IacInput& in);

  // A copy of `node` with every intrinsic resolved. nullopt when the whole value is
  // !Ref AWS::NoValue (CloudFormation then drops the property); inner AWS::NoValue members and
  // items are removed.
  std::optional<Node> resolve(const Node& node);
  // The value of a string-valued node (a string, or an intrinsic that yields one) with the file
  // origin of each byte: for a policy written as a JSON string, e.g. `!Sub | {...}`.
  std::optional<MappedText> resolve_mapped(const Node& node);
  // What a resource-level Condition evaluates to with the parameter Defaults.
  // nullopt when it depends on something only the deployment decides.
  std::optional<bool> condition(const std::string& name);

  Diagnostics take_diagnostics() { return std::move(diagnostics_); }
  std::vector<std::string> take_assumptions() { return std::move(assumptions_); }

 private:
  struct Call {
    std::string function;  // long form: "Ref", "Fn::Sub", "Condition", ...
    const Node* argument;  // the argument; for a short form the tagged node itself
    bool short_form = false;
    const Node* whole;     // the call as written
  };
  struct Value {
    Node node;
    bool no_value = false;  // AWS::NoValue
    bool unknown = false;   // contains a placeholder
  };

  std::optional<Call> as_call(const Node& node) const;
  // `plain`: read a short form's node as its argument (ignore its tag).
  Value resolve_node(const Node& node, std::size_t depth, bool plain = false);
  Value argument(const Call& call, std::size_t depth);
  Value resolve_call(const Call& call, std::size_t depth);
  Value ref(const std::string& name, const Node& whole, std::size_t depth);
  Value get_att(const std::string& resource, const std::string& attribute, const Node& whole, std::size_t depth);
  Value sub(const Call& call, std::size_t depth);
  std::optional<MappedText> sub_mapped(const Node& format, const Node* variables, std::size_t depth, bool& unknown);
  Value join(const Call& call, std::size_t depth);
  Value select(const Call& call, std::size_t depth);
  Value split(const Call& call, std::size_t depth);
  Value find_in_map(const Call& call, std::size_t depth);
  Value choose(const Call& call, std::size_t depth);
  std::optional<bool> evaluate_condition(const Node& expression, std::size_t depth);
  std::optional<bool> named_condition(const std::string& name, std::size_t depth);
  Value oidc_provider_arn(const std::string& resource, const Node& definition, const Node& whole, std::size_t depth);
  std::optional<std::string> pseudo_parameter(const std::string& name);

  // Strings an intrinsic builds (Fn::Join, Fn::Sub) longer than this are placeholders.
  std::size_t max_built_string() const;
  // A located placeholder for what the template does not determine, with a TL080 warning.
  Value unknown(const Node& whole, const std::string& what, const std::string& why);
  // A string value located where `whole` is written (after its tag, for a short form).
  Node located_scalar(const Node& whole, std::string text) const;
  Span content_span(const Node& node) const;
  void assume(std::string assumption);

  const IacInput& in_;
  const Node* parameters_;
  const Node* resources_;
  const Node* mappings_;
  const Node* conditions_;
  // Work done (nodes resolved, references followed) against Limits::max_nodes: mappings and
  // conditions that refer to each other twice per level would otherwise cost 2^depth.
  std::size_t work_ = 0;
  bool exhausted_ = false;
  Diagnostics diagnostics_;
  std::vector<std::string> assumptions_;
  std::set<std::string> assumed_;
  std::set<std::pair<std::uint64_t, std::string>> reported_;  // (offset, message): each TL080 once
};

}  // namespace trustlint::internal
