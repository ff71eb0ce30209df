// Terraform (`terraform show -json` of a plan or a state): every managed aws_iam_role. Its
// assume_role_policy is a JSON string inside the JSON document; it is parsed and every span is
// located inside that string literal. When the plan does not know it yet (it comes from a
// data.aws_iam_policy_document that is read during apply), the data source's statement blocks
// are rendered instead (tf_policy_document.cpp).
#include "iac/terraform_plan.h"

#include "source/diagnostic_sink.h"
#include "iac/iac_forms.h"

namespace trustlint::internal {

namespace {

constexpr std::string_view kPolicyDocument = "data.aws_iam_policy_document.";

// End of the instance key "[...]" starting at address[pos] == '[' (quoted keys may hold ']').
std::size_t skip_key(const std::string& address, std::size_t pos) {
  bool quoted = false;
  for (++pos; pos < address.size(); ++pos) {
    const char c = address[pos];
    if (quoted && c == '\\') ++pos;
    else if (c == '"') quoted = !quoted;
    else if (c == ']' && !quoted) return pos + 1;
  }
  return address.size();
}

// Splits off the leading "module.NAME[key]." of `address` at `pos`; returns false when there is none.
bool next_module(const std::string& address, std::size_t& pos, std::string& name) {
  if (address.compare(pos, 7, "module.") != 0) return false;
  std::size_t p = pos + 7;
  const std::size_t begin = p;
  while (p < address.size() && address[p] != '.' && address[p] != '[') ++p;
  name = address.substr(begin, p - begin);
  if (p < address.size() && address[p] == '[') p = skip_key(address, p);
  if (p >= address.size() || address[p] != '.') return false;
  pos = p + 1;
  return true;
}

bool is_true(const Node* n) { return n != nullptr && n->kind == NodeKind::boolean && n->text == "true"; }

// "data.aws_iam_policy_document.trust[0].json" → "data.aws_iam_policy_document.trust[0]".
std::string policy_document_reference(const Node* expression) {
  const Node* references = expression != nullptr ? expression->get("references") : nullptr;
  if (references == nullptr) return {};
  for (const Node& r : references->items) {
    if (r.kind != NodeKind::string || r.text.rfind(kPolicyDocument, 0) != 0) continue;
    std::size_t p = kPolicyDocument.size();
    while (p < r.text.size() && r.text[p] != '.' && r.text[p] != '[') ++p;
    if (p < r.text.size() && r.text[p] == '[') p = skip_key(r.text, p);
    return r.text.substr(0, p);
  }
  return {};
}

Result<Document> unknown_policy(const PlanIndex& plan, const std::string& address, const Node& role, const IacInput& in,
                                std::vector<std::string>& assumptions) {
  const Node* change = plan.change(address);
  const Node* after_unknown = change != nullptr ? change->get("after_unknown") : nullptr;
  const bool unknown = after_unknown != nullptr && is_true(after_unknown->get("assume_role_policy"));
  const Node* configuration = plan.configuration(address);
  const Node* expressions = configuration != nullptr ? configuration->get("expressions") : nullptr;
  const Node* expression = expressions != nullptr ? expressions->get("assume_role_policy") : nullptr;
  const Member* values = role.member("values");
  const Span where = values != nullptr ? values->key_span : in.file.point(role.span.offset);
  if (!unknown && expression == nullptr) {
    return no_policy({make_error("TL081", "aws_iam_role " + address + " has no assume_role_policy", where)});
  }
  const std::string data = policy_document_reference(expression);
  if (!data.empty()) {
    const std::string data_address = module_prefix(address) + data;
    Diagnostics diagnostics;
    std::vector<std::string> rendered_assumptions{"assume_role_policy is known only after apply: read from the statement "
                                                  "blocks of " + data_address};
    if (std::optional<Node> tree = render_policy_document(plan, data_address, in, diagnostics, rendered_assumptions)) {
      assumptions = std::move(rendered_assumptions);
      return policy_from_tree(*tree, in, std::move(diagnostics));
    }
  }
  Diagnostic d = make_error("TL082", "the assume_role_policy of " + address + " is known only after apply", where);
  if (const Node* references = expression != nullptr ? expression->get("references") : nullptr) {
    std::string list;
    for (const Node& r : references->items) list += (list.empty() ? "" : ", ") + r.text;
    if (!list.empty()) d.notes.push_back("it refers to " + list);
  }
  d.notes.push_back("trustlint checks only what the plan shows: write it with a data \"aws_iam_policy_document\", or "
                    "plan again once the resources it refers to exist");
  return no_policy({std::move(d)});
}

}  // namespace

std::string module_prefix(const std::string& address) {
  std::size_t pos = 0;
  std::string name;
  while (next_module(address, pos, name)) {
  }
  return address.substr(0, pos);
}

PlanIndex::PlanIndex(const Node& root) {
  const Node* planned = root.get("planned_values");
  if (planned == nullptr) planned = root.get("values");  // `terraform show -json` of a state
  if (planned != nullptr && planned->get("root_module") != nullptr) {
    add_module(*planned->get("root_module"), planned_by_address_, true);
  }
  const Node* prior = root.get("prior_state");
  const Node* prior_values = prior != nullptr ? prior->get("values") : nullptr;
  if (prior_values != nullptr && prior_values->get("root_module") != nullptr) {
    add_module(*prior_values->get("root_module"), prior_, false);
  }
  if (const Node* changes = root.get("resource_changes")) {
    for (const Node& c : changes->items) {
      const std::optional<std::string> address = scalar_text(c.get("address"));
      if (address && c.get("change") != nullptr) changes_.emplace(*address, c.get("change"));
    }
  }
  const Node* configuration = root.get("configuration");
  configuration_ = configuration != nullptr ? configuration->get("root_module") : nullptr;
}

void PlanIndex::add_module(const Node& module, std::map<std::string, const Node*>& into, bool keep_order) {
  if (const Node* resources = module.get("resources")) {
    for (const Node& r : resources->items) {
      const std::optional<std::string> address = scalar_text(r.get("address"));
      if (!address || !into.emplace(*address, &r).second) continue;
      if (keep_order) planned_.push_back(&r);
    }
  }
  if (const Node* children = module.get("child_modules")) {
    for (const Node& child : children->items) add_module(child, into, keep_order);
  }
}

const Node* PlanIndex::values(const std::string& address) const {
  for (const auto* index : {&planned_by_address_, &prior_}) {
    const auto it = index->find(address);
    if (it != index->end() && it->second->get("values") != nullptr) return it->second->get("values");
  }
  return nullptr;
}

const Node* PlanIndex::change(const std::string& address) const {
  const auto it = changes_.find(address);
  return it == changes_.end() ? nullptr : it->second;
}

const Node* PlanIndex::configuration(const std::string& address) const {
  const Node* module = configuration_;
  std::size_t pos = 0;
  std::string name;
  while (module != nullptr && next_module(address, pos, name)) {
    const Node* calls = module->get("module_calls");
    const Node* call = calls != nullptr ? calls->get(name) : nullptr;
    module = call != nullptr ? call->get("module") : nullptr;
  }
  const Node* resources = module != nullptr ? module->get("resources") : nullptr;
  if (resources == nullptr) return nullptr;
  std::string local = address.substr(pos);
  if (!local.empty() && local.back() == ']') local.erase(local.rfind('['));
  for (const Node& r : resources->items) {
    if (scalar_text(r.get("address")).value_or("") == local) return &r;
  }
  return nullptr;
}

std::vector<FoundPolicy> find_terraform_roles(const Node& root, const IacInput& in) {
  std::vector<FoundPolicy> found;
  const PlanIndex plan(root);
  for (const Node* role : plan.planned()) {
    if (scalar_text(role->get("type")).value_or("") != "aws_iam_role") continue;
    if (scalar_text(role->get("mode")).value_or("managed") != "managed") continue;
    const std::string address = scalar_text(role->get("address")).value_or("");
    const Node* values = role->get("values");
    const Node* policy = values != nullptr ? values->get("assume_role_policy") : nullptr;
    std::vector<std::string> assumptions;
    Result<Document> document = policy != nullptr && policy->kind == NodeKind::string
                                    ? policy_from_string(mapped_string(*policy, in), in, {})
                                    : unknown_policy(plan, address, *role, in, assumptions);
    name_resource(document.diagnostics(), address);
    found.push_back(FoundPolicy{PolicySource{address, "terraform-plan", std::move(document), std::move(assumptions)},
                                role->span.offset, role->span.end_offset, address});
  }
  return found;
}

}  // namespace trustlint::internal
