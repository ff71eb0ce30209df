// Node: the located tree that the JSON and YAML readers produce and every later stage reads.
// It keeps what IAM's grammar cares about (scalar kinds, text as written, key order, duplicate
// keys) and where each piece came from. Plain value type.
#pragma once

#include <string>
#include <vector>

#include "trustlint/diagnostic.h"

namespace trustlint::internal {

enum class NodeKind { null, boolean, number, string, array, object };

const char* node_kind_name(NodeKind k);  // "null", "boolean", "number", "string", "array", "object"

struct Member;

struct Node {
  NodeKind kind = NodeKind::null;
  // Scalars: the value's text. Strings are unescaped (JSON) or the scalar's value (YAML);
  // numbers keep their spelling ("1.50"); booleans are "true"/"false"; null is "".
  std::string text;
  Span span;  // the whole value, quotes included
  // YAML only: the node's tag when it has a non-standard one ("!Sub", "!Ref", ...), else empty.
  std::string tag;
  std::vector<Node> items;       // arrays
  std::vector<Member> members;   // objects, in source order; duplicates are kept (and reported)

  bool is_scalar() const { return kind != NodeKind::array && kind != NodeKind::object; }
  // First member with exactly this key, or nullptr.
  const Node* get(const std::string& key) const;
  const Member* member(const std::string& key) const;
};

struct Member {
  std::string key;
  Span key_span;
  Node value;
};

}  // namespace trustlint::internal
