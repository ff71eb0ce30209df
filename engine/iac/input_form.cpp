// detect_input_form (iac_forms.h): the top-level keys that decide which reader takes a tree.
#include "iac/iac_forms.h"

namespace trustlint::internal {

InputForm detect_input_form(const Node& root) {
  if (root.kind != NodeKind::object || root.get("Statement") != nullptr) return InputForm::policy;
  if (root.get("RoleDetailList") != nullptr) return InputForm::account_details;
  if (root.get("format_version") != nullptr) {
    for (const char* key : {"planned_values", "resource_changes", "prior_state", "configuration", "values"}) {
      if (root.get(key) != nullptr) return InputForm::terraform_plan;
    }
  }
  const Node* resources = root.get("Resources");
  if (root.get("AWSTemplateFormatVersion") != nullptr || (resources != nullptr && resources->kind == NodeKind::object)) {
    return InputForm::cloudformation;
  }
  // A form's key with the wrong shape (a format_version alone, a Resources list): read as a
  // policy, whose reader reports what is wrong.
  if (root.get("format_version") != nullptr || resources != nullptr) return InputForm::policy;
  return InputForm::none;
}

}  // namespace trustlint::internal
