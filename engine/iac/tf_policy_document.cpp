// render_policy_document: the statement blocks of a data.aws_iam_policy_document, rendered as the
// policy the AWS provider would produce (Principal "*" for type "*", principals and conditions
// of one type or test merged, Version 2012-10-17 by default), with every value located where the
// plan writes it. What the plan does not know yet comes from the configuration or a placeholder.
#include <algorithm>

#include "source/diagnostic_sink.h"
#include "iac/terraform_plan.h"

namespace trustlint::internal {

namespace {

constexpr std::string_view kOidcProvider = "aws_iam_openid_connect_provider.";

bool is_true(const Node* n) { return n != nullptr && n->kind == NodeKind::boolean && n->text == "true"; }

const Node* at(const Node* list, std::size_t i) {
  return list != nullptr && list->kind == NodeKind::array && i < list->items.size() ? &list->items[i] : nullptr;
}

Node scalar(std::string text, const Span& span) {
  Node n;
  n.kind = NodeKind::string;
  n.text = std::move(text);
  n.span = span;
  return n;
}

Node collection(NodeKind kind, const Span& span) {
  Node n;
  n.kind = kind;
  n.span = span;
  return n;
}

// The member `key` of object `object`, added (empty, of `kind`) when missing.
Node& member(Node& object, const std::string& key, const Span& key_span, NodeKind kind, const Span& span) {
  for (Member& m : object.members) {
    if (m.key == key) return m.value;
  }
  object.members.push_back(Member{key, key_span, collection(kind, span)});
  return object.members.back().value;
}

Node as_list(Node value) {
  if (value.kind == NodeKind::array) return value;
  Node list = collection(NodeKind::array, value.span);
  list.items.push_back(std::move(value));
  return list;
}

class DocumentRenderer {
 public:
  DocumentRenderer(const PlanIndex& plan, std::string address, const IacInput& in, Diagnostics& diagnostics,
                   std::vector<std::string>& assumptions)
      : plan_(plan), address_(std::move(address)), in_(in), diagnostics_(diagnostics), assumptions_(assumptions) {}

  std::optional<Node> render();

 private:
  // One block of a list attribute: its planned values, what after_unknown says of it, and its
  // configuration expressions (any may be missing).
  struct Block {
    const Node* values;
    const Node* unknown;
    const Node* config;
    Span span;
  };
  Block child(const Block& parent, const std::string& name, std::size_t i) const;
  std::size_t count(const Block& parent, const std::string& name) const;
  Span key_span(const Block& block, const std::string& name) const;
  // An attribute of a block: planned value, else constant in the configuration, else the ARN of
  // the OIDC provider it refers to, else a placeholder. nullopt when the attribute is not set.
  std::optional<Node> attribute(const Block& block, const std::string& name, const std::string& what, bool required);
  std::optional<Node> provider_arn(const Node& reference);
  Node statement(const Block& block, std::size_t index);
  void principals(Node& statement, const Block& block, const std::string& name, const std::string& element,
                  const std::string& what);
  void conditions(Node& statement, const Block& block, const std::string& what);

  const PlanIndex& plan_;
  std::string address_;
  const IacInput& in_;
  Diagnostics& diagnostics_;
  std::vector<std::string>& assumptions_;
};

std::optional<Node> DocumentRenderer::render() {
  const Node* change = plan_.change(address_);
  const Node* after = change != nullptr ? change->get("after") : nullptr;
  const Node* values = after != nullptr && after->kind == NodeKind::object ? after : plan_.values(address_);
  if (values == nullptr) return std::nullopt;
  const Node* configuration = plan_.configuration(address_);
  const Block document{values, change != nullptr ? change->get("after_unknown") : nullptr,
                       configuration != nullptr ? configuration->get("expressions") : nullptr, values->span};
  Node policy = collection(NodeKind::object, values->span);
  const Span start = in_.file.point(values->span.offset);
  std::optional<Node> version = attribute(document, "version", address_ + ".version", false);
  policy.members.push_back(Member{"Version", key_span(document, "version"),
                                  version ? std::move(*version) : scalar("2012-10-17", start)});
  if (std::optional<Node> id = attribute(document, "policy_id", address_ + ".policy_id", false)) {
    policy.members.push_back(Member{"Id", key_span(document, "policy_id"), std::move(*id)});
  }
  for (const char* merged : {"source_policy_documents", "override_policy_documents"}) {
    const Node* list = values->get(merged);
    if (list == nullptr || list->items.empty()) continue;
    diagnostics_.push_back(make_warning("TL080", std::string(merged) + " of " + address_ +
                                                     " are not merged in: only its statement blocks are read",
                                        list->span));
    assumptions_.push_back(address_ + ": " + merged + " ignored");
  }
  const Node* statements_value = values->get("statement");
  Node& statements = member(policy, "Statement", key_span(document, "statement"), NodeKind::array,
                            statements_value != nullptr ? statements_value->span : start);
  const std::size_t n = count(document, "statement");
  for (std::size_t i = 0; i < n; ++i) statements.items.push_back(statement(child(document, "statement", i), i));
  shape_federated_placeholders(policy, assumptions_);
  return policy;
}

DocumentRenderer::Block DocumentRenderer::child(const Block& parent, const std::string& name, std::size_t i) const {
  const Node* values = at(parent.values != nullptr ? parent.values->get(name) : nullptr, i);
  const Node* unknown = nullptr;
  if (is_true(parent.unknown)) {
    unknown = parent.unknown;
  } else if (parent.unknown != nullptr && parent.unknown->kind == NodeKind::object) {
    const Node* list = parent.unknown->get(name);
    unknown = is_true(list) ? list : at(list, i);
  }
  const Node* config = at(parent.config != nullptr ? parent.config->get(name) : nullptr, i);
  return Block{values, unknown, config, values != nullptr ? values->span : parent.span};
}

std::size_t DocumentRenderer::count(const Block& parent, const std::string& name) const {
  std::size_t n = 0;
  for (const Node* holder : {parent.values, parent.config}) {
    const Node* list = holder != nullptr ? holder->get(name) : nullptr;
    if (list != nullptr && list->kind == NodeKind::array) n = std::max(n, list->items.size());
  }
  return n;
}

Span DocumentRenderer::key_span(const Block& block, const std::string& name) const {
  const Member* m = block.values != nullptr ? block.values->member(name) : nullptr;
  return m != nullptr ? m->key_span : in_.file.point(block.span.offset);
}

std::optional<Node> DocumentRenderer::attribute(const Block& block, const std::string& name, const std::string& what,
                                                bool required) {
  const Node* value = block.values != nullptr ? block.values->get(name) : nullptr;
  const bool unknown = is_true(block.unknown) ||
                       (block.unknown != nullptr && block.unknown->kind == NodeKind::object && is_true(block.unknown->get(name)));
  if (value != nullptr && value->kind != NodeKind::null && !unknown) return *value;
  const Node* expression = block.config != nullptr ? block.config->get(name) : nullptr;
  if (expression != nullptr && expression->get("constant_value") != nullptr) {
    assumptions_.push_back(what + " is known only after apply: taken from its constant in the configuration");
    return *expression->get("constant_value");
  }
  const Node* references = expression != nullptr ? expression->get("references") : nullptr;
  if (references != nullptr) {
    for (const Node& reference : references->items) {
      if (std::optional<Node> arn = provider_arn(reference)) return arn;
    }
  }
  if (!unknown && !required && references == nullptr) return std::nullopt;
  const Span where = references != nullptr && !references->items.empty() ? references->items[0].span
                     : value != nullptr                                    ? value->span
                                                                           : in_.file.point(block.span.offset);
  Node placeholder = scalar(placeholder_text(what), where);
  std::string why = what + " is known only after apply";
  if (references != nullptr && !references->items.empty()) why += " (it refers to " + references->items[0].text + ")";
  Diagnostic d = make_warning("TL080", why + "; read as the placeholder " + quote(placeholder.text, 100), where);
  d.notes.push_back("a placeholder equals no real value: a condition on it never holds, a negated one always does");
  diagnostics_.push_back(std::move(d));
  assumptions_.push_back(quote(placeholder.text, 100) + " stands for " + why);
  return placeholder;
}

std::optional<Node> DocumentRenderer::provider_arn(const Node& reference) {
  if (reference.kind != NodeKind::string || reference.text.rfind(kOidcProvider, 0) != 0) return std::nullopt;
  std::string name = reference.text.substr(kOidcProvider.size());
  name = name.substr(0, name.find('.'));
  const std::string provider = module_prefix(address_) + std::string(kOidcProvider) + name;
  const Node* values = plan_.values(provider);
  if (values == nullptr) return std::nullopt;
  if (const Node* arn = values->get("arn"); arn != nullptr && arn->kind == NodeKind::string) return scalar(arn->text, reference.span);
  const Node* url = values->get("url");
  if (url == nullptr || url->kind != NodeKind::string) return std::nullopt;
  std::string host = url->text;
  if (host.rfind("https://", 0) == 0) host.erase(0, 8);
  while (!host.empty() && host.back() == '/') host.pop_back();
  const std::string arn = "arn:aws:iam::000000000000:oidc-provider/" + host;
  assumptions_.push_back("the ARN of " + provider + " is known only after apply: read as " + arn +
                         " (its url; 000000000000 stands for the account, aws for the partition)");
  return scalar(arn, reference.span);
}

Node DocumentRenderer::statement(const Block& block, std::size_t index) {
  const std::string what = address_ + ".statement[" + std::to_string(index) + "]";
  Node st = collection(NodeKind::object, block.span);
  if (std::optional<Node> sid = attribute(block, "sid", what + ".sid", false); sid && !sid->text.empty()) {
    st.members.push_back(Member{"Sid", key_span(block, "sid"), std::move(*sid)});
  }
  std::optional<Node> effect = attribute(block, "effect", what + ".effect", false);
  st.members.push_back(Member{"Effect", key_span(block, "effect"),
                              effect ? std::move(*effect) : scalar("Allow", in_.file.point(block.span.offset))});
  principals(st, block, "principals", "Principal", what);
  principals(st, block, "not_principals", "NotPrincipal", what);
  for (const auto& [name, element] : {std::pair<const char*, const char*>{"actions", "Action"},
                                      {"not_actions", "NotAction"},
                                      {"resources", "Resource"},
                                      {"not_resources", "NotResource"}}) {
    std::optional<Node> list = attribute(block, name, what + "." + name, false);
    if (list && !(list->kind == NodeKind::array && list->items.empty())) {
      st.members.push_back(Member{element, key_span(block, name), as_list(std::move(*list))});
    }
  }
  conditions(st, block, what);
  return st;
}

void DocumentRenderer::principals(Node& st, const Block& block, const std::string& name, const std::string& element,
                                  const std::string& what) {
  const std::size_t n = count(block, name);
  if (n == 0) return;
  const Node* list = block.values != nullptr ? block.values->get(name) : nullptr;
  Node principal = collection(NodeKind::object, list != nullptr ? list->span : block.span);
  bool everyone = false;
  for (std::size_t j = 0; j < n; ++j) {
    const Block b = child(block, name, j);
    const std::string here = what + "." + name + "[" + std::to_string(j) + "]";
    std::optional<Node> type = attribute(b, "type", here + ".type", true);
    std::optional<Node> identifiers = attribute(b, "identifiers", here + ".identifiers", true);
    Node ids = as_list(std::move(*identifiers));
    if (type->text == "*" && std::all_of(ids.items.begin(), ids.items.end(), [](const Node& i) { return i.text == "*"; })) {
      everyone = true;  // the provider writes "Principal": "*"
      principal = scalar("*", ids.span);
      continue;
    }
    if (everyone) continue;
    Node& merged = member(principal, type->text, type->span, NodeKind::array, ids.span);
    for (Node& id : ids.items) merged.items.push_back(std::move(id));
  }
  st.members.push_back(Member{element, key_span(block, name), std::move(principal)});
}

void DocumentRenderer::conditions(Node& st, const Block& block, const std::string& what) {
  const std::size_t n = count(block, "condition");
  if (n == 0) return;
  const Node* list = block.values != nullptr ? block.values->get("condition") : nullptr;
  Node condition = collection(NodeKind::object, list != nullptr ? list->span : block.span);
  for (std::size_t j = 0; j < n; ++j) {
    const Block b = child(block, "condition", j);
    const std::string here = what + ".condition[" + std::to_string(j) + "]";
    std::optional<Node> test = attribute(b, "test", here + ".test", true);
    std::optional<Node> variable = attribute(b, "variable", here + ".variable", true);
    std::optional<Node> values = attribute(b, "values", here + ".values", true);
    Node& by_test = member(condition, test->text, test->span, NodeKind::object, b.span);
    Node list_of_values = as_list(std::move(*values));
    Node& merged = member(by_test, variable->text, variable->span, NodeKind::array, list_of_values.span);
    for (Node& v : list_of_values.items) merged.items.push_back(std::move(v));
  }
  st.members.push_back(Member{"Condition", key_span(block, "condition"), std::move(condition)});
}

}  // namespace

std::optional<Node> render_policy_document(const PlanIndex& plan, const std::string& address, const IacInput& in,
                                           Diagnostics& diagnostics, std::vector<std::string>& assumptions) {
  DocumentRenderer renderer(plan, address, in, diagnostics, assumptions);
  return renderer.render();
}

}  // namespace trustlint::internal
