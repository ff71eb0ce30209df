// TfEvaluator::policy_document (tf_module.h): a data "aws_iam_policy_document" block rendered as
// the policy the AWS provider produces: Version (2012-10-17 by default), Id, statement blocks
// (sid, effect Allow by default, actions, resources, principals and conditions merged by type and
// test, type "*" with identifiers ["*"] as Principal "*"), then source_policy_documents beneath
// and override_policy_documents above, statements with the same sid replaced as the provider
// documents. Every value is located where the .tf file writes it.
#include <algorithm>

#include "source/diagnostic_sink.h"
#include "iac/iac_source.h"
#include "iac/tf_module.h"

namespace trustlint::internal {

namespace {

Node& member_of(Node& object, const std::string& key, const Span& key_span, NodeKind kind, const Span& span) {
  for (Member& m : object.members) {
    if (m.key == key) return m.value;
  }
  Node n;
  n.kind = kind;
  n.span = span;
  object.members.push_back(Member{key, key_span, std::move(n)});
  return object.members.back().value;
}

Node as_list(Node v) {
  if (v.kind == NodeKind::array) return v;
  Node list;
  list.kind = NodeKind::array;
  list.span = v.span;
  list.items.push_back(std::move(v));
  return list;
}

std::string sid_of(const Node& statement) {
  const Node* sid = statement.get("Sid");
  return sid != nullptr && sid->kind == NodeKind::string ? sid->text : std::string();
}

// Adds `statement`, replacing one with the same non-empty Sid.
void put(std::vector<Node>& statements, Node statement) {
  const std::string sid = sid_of(statement);
  for (Node& s : statements) {
    if (!sid.empty() && sid_of(s) == sid) {
      s = std::move(statement);
      return;
    }
  }
  statements.push_back(std::move(statement));
}

}  // namespace

std::optional<Node> TfEvaluator::policy_document(const std::string& name, const TfFile& from, std::size_t begin, std::size_t end) {
  const auto found = module_.policy_documents.find(name);
  if (found == module_.policy_documents.end()) return std::nullopt;
  const std::string address = "data.aws_iam_policy_document." + name;
  if (!evaluating_.insert(address).second) return unknown(address, address + " includes itself", from, begin, end);
  const HclBlock& block = *found->second.first;
  const TfFile& f = *found->second.second;
  const Span at = f.file.span(block.begin, block.type_end);
  auto attribute = [&](const HclBody& body, const char* key) -> std::optional<Node> {
    const HclAttribute* a = body.attribute(key);
    if (a == nullptr) return std::nullopt;
    return eval(*a->expr, f).node;
  };
  auto key_span = [&](const HclBody& body, const char* key) {
    const HclAttribute* a = body.attribute(key);
    return a != nullptr ? f.file.span(a->name_begin, a->name_end) : at;
  };
  Node policy;
  policy.kind = NodeKind::object;
  policy.span = f.file.span(block.begin, block.end);
  std::optional<Node> version = attribute(block.body, "version");
  policy.members.push_back(Member{"Version", key_span(block.body, "version"), version ? *version : tf_string("2012-10-17", at)});
  if (std::optional<Node> id = attribute(block.body, "policy_id")) policy.members.push_back(Member{"Id", key_span(block.body, "policy_id"), *id});
  std::vector<Node> statements;
  auto merge_documents = [&](const char* key) {
    std::optional<Node> list = attribute(block.body, key);
    if (!list) return;
    for (const Node& doc : as_list(*list).items) {
      const Node* tree = doc.tag == kEncodedTag && !doc.items.empty() ? &doc.items[0] : nullptr;
      const Node* st = tree != nullptr ? tree->get("Statement") : nullptr;
      if (st == nullptr) {
        unknown(address + "." + key, std::string(key) + " of " + address + " holds a document that is not read (only jsonencode() and "
                                         "aws_iam_policy_document values are): its statements are not checked",
                f, doc.span.offset, doc.span.end_offset);
        continue;
      }
      for (const Node& s : as_list(*st).items) put(statements, s);
    }
  };
  merge_documents("source_policy_documents");
  std::size_t index = 0;
  for (const HclBlock& sb : block.body.blocks) {
    if (sb.type == "dynamic") {
      unknown(address + ".dynamic", "a dynamic block of " + address + " is not evaluated: its statements are not checked", f, sb.begin, sb.type_end);
      continue;
    }
    if (sb.type != "statement") continue;
    ++index;
    Node st;
    st.kind = NodeKind::object;
    st.span = f.file.span(sb.begin, sb.end);
    const Span sat = f.file.span(sb.begin, sb.type_end);
    if (std::optional<Node> sid = attribute(sb.body, "sid"); sid && !sid->text.empty()) st.members.push_back(Member{"Sid", key_span(sb.body, "sid"), *sid});
    std::optional<Node> effect = attribute(sb.body, "effect");
    st.members.push_back(Member{"Effect", key_span(sb.body, "effect"), effect ? *effect : tf_string("Allow", sat)});
    for (const auto& [kind, element] : {std::pair<const char*, const char*>{"principals", "Principal"}, {"not_principals", "NotPrincipal"}}) {
      Node principal;
      principal.kind = NodeKind::object;
      bool any = false, everyone = false;
      Span first_key;
      for (const HclBlock& pb : sb.body.blocks) {
        if (pb.type != kind) continue;
        if (!any) {
          first_key = f.file.span(pb.begin, pb.type_end);
          principal.span = f.file.span(pb.begin, pb.end);
        }
        any = true;
        std::optional<Node> type = attribute(pb.body, "type");
        std::optional<Node> ids = attribute(pb.body, "identifiers");
        Node t = type ? *type : unknown(address + ".type", "a principals block without type", f, pb.begin, pb.type_end);
        Node list = as_list(ids ? *ids : unknown(address + ".identifiers", "a principals block without identifiers", f, pb.begin, pb.type_end));
        if (t.text == "*" && std::all_of(list.items.begin(), list.items.end(), [](const Node& i) { return i.text == "*"; })) {
          everyone = true;
          principal = tf_string("*", list.span);
          continue;
        }
        if (everyone) continue;
        Node& merged = member_of(principal, t.text, t.span, NodeKind::array, list.span);
        for (Node& i : list.items) merged.items.push_back(std::move(i));
      }
      if (any) st.members.push_back(Member{element, first_key, std::move(principal)});
    }
    for (const auto& [key, element] : {std::pair<const char*, const char*>{"actions", "Action"}, {"not_actions", "NotAction"},
                                       {"resources", "Resource"}, {"not_resources", "NotResource"}}) {
      std::optional<Node> list = attribute(sb.body, key);
      if (list && !(list->kind == NodeKind::array && list->items.empty())) st.members.push_back(Member{element, key_span(sb.body, key), as_list(*list)});
    }
    Node condition;
    condition.kind = NodeKind::object;
    Span condition_key;
    for (const HclBlock& cb : sb.body.blocks) {
      if (cb.type != "condition") continue;
      if (condition.members.empty()) {
        condition_key = f.file.span(cb.begin, cb.type_end);
        condition.span = f.file.span(cb.begin, cb.end);
      }
      std::optional<Node> test = attribute(cb.body, "test");
      std::optional<Node> variable = attribute(cb.body, "variable");
      std::optional<Node> values = attribute(cb.body, "values");
      const Span cat = f.file.span(cb.begin, cb.type_end);
      Node t = test ? *test : unknown(address + ".test", "a condition block without test", f, cb.begin, cb.type_end);
      Node v = variable ? *variable : unknown(address + ".variable", "a condition block without variable", f, cb.begin, cb.type_end);
      Node list = as_list(values ? *values : unknown(address + ".values", "a condition block without values", f, cb.begin, cb.type_end));
      Node& by_test = member_of(condition, t.text, t.span, NodeKind::object, cat);
      Node& merged = member_of(by_test, v.text, v.span, NodeKind::array, list.span);
      for (Node& i : list.items) merged.items.push_back(std::move(i));
    }
    if (!condition.members.empty()) st.members.push_back(Member{"Condition", condition_key, std::move(condition)});
    put(statements, std::move(st));
  }
  merge_documents("override_policy_documents");
  Node list;
  list.kind = NodeKind::array;
  list.span = policy.span;
  list.items = std::move(statements);
  policy.members.push_back(Member{"Statement", at, std::move(list)});
  evaluating_.erase(address);
  return policy;
}

}  // namespace trustlint::internal
