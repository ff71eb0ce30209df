// generated_tree(): a data file's Node tree rebuilt from its generated preorder table, once.
#include <map>
#include <mutex>
#include <string>

#include "source/generated_tree.h"

#include "data/generated_tables.h"

namespace trustlint::internal {
namespace {

// Builds the node at nodes[i] and its subtree; i ends past the subtree.
Node build(std::span<const GeneratedNode> nodes, std::size_t& i, const std::string& file) {
  const GeneratedNode& g = nodes[i++];
  Node n;
  n.kind = static_cast<NodeKind>(g.kind);
  n.text = g.text;
  n.tag = g.tag;
  n.span = Span{file};
  while (i < nodes.size() && nodes[i].depth == g.depth + 1) {
    const char* key = nodes[i].key;
    Node child = build(nodes, i, file);
    if (n.kind == NodeKind::object) n.members.push_back(Member{key, Span{file}, std::move(child)});
    else n.items.push_back(std::move(child));
  }
  return n;
}

}  // namespace

const Node* generated_tree(std::string_view path) {
  static std::mutex mutex;
  static std::map<std::string, Node, std::less<>> built;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = built.find(path); it != built.end()) return &it->second;
  for (const auto& t : generated_trees()) {
    if (path != t.path || t.nodes.empty()) continue;
    std::size_t i = 0;
    return &built.emplace(std::string(path), build(t.nodes, i, t.path)).first->second;
  }
  return nullptr;
}

}  // namespace trustlint::internal
