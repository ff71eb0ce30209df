// The parts of a `terraform show -json` document the trust-policy reader needs, indexed by
// resource address: planned values (or a state's values), prior state, resource changes and the
// configuration (per module). Also the data.aws_iam_policy_document renderer, used when a role's
// assume_role_policy is known only after apply. Read-only views into one tree; not thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iac/iac_source.h"
#include "source/node.h"

namespace trustlint::internal {

class PlanIndex {
 public:
  explicit PlanIndex(const Node& root);

  // Resource objects ({address, mode, type, name, values}) of planned_values, or of the state's
  // values, in file order.
  const std::vector<const Node*>& planned() const { return planned_; }
  // The resource's values after the plan: planned values, else prior state; nullptr if neither.
  const Node* values(const std::string& address) const;
  // The resource_changes entry's change object ({actions, before, after, after_unknown}).
  const Node* change(const std::string& address) const;
  // The configuration block of a resource instance address (module calls followed, instance
  // keys dropped): {address, mode, type, name, expressions}.
  const Node* configuration(const std::string& address) const;

 private:
  void add_module(const Node& module, std::map<std::string, const Node*>& into, bool keep_order);
  std::vector<const Node*> planned_;
  std::map<std::string, const Node*> planned_by_address_;
  std::map<std::string, const Node*> prior_;
  std::map<std::string, const Node*> changes_;
  const Node* configuration_ = nullptr;  // configuration.root_module
};

// "module.a[0].module.b.aws_iam_role.x[\"k\"]" → "module.a[0].module.b."
std::string module_prefix(const std::string& address);

// Renders the statement blocks of data source `address` as a policy tree (Version, Id, Statement
// with Sid, Effect, Principal, Action, Resource, Condition), located at the plan's values. Values
// unknown until apply are taken from the configuration when constant, from an
// aws_iam_openid_connect_provider's url when they refer to its ARN, else a placeholder (TL080).
// nullopt when the plan has no values for the data source.
std::optional<Node> render_policy_document(const PlanIndex& plan, const std::string& address, const IacInput& in,
                                           Diagnostics& diagnostics, std::vector<std::string>& assumptions);

}  // namespace trustlint::internal
