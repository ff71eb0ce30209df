// Node: kind names and member lookup.
#include "source/node.h"

namespace trustlint::internal {

const char* node_kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::null: return "null";
    case NodeKind::boolean: return "boolean";
    case NodeKind::number: return "number";
    case NodeKind::string: return "string";
    case NodeKind::array: return "array";
    case NodeKind::object: return "object";
  }
  return "null";
}

const Member* Node::member(const std::string& key) const {
  for (const auto& m : members) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

const Node* Node::get(const std::string& key) const {
  const Member* m = member(key);
  return m == nullptr ? nullptr : &m->value;
}

}  // namespace trustlint::internal
