// Tables generated at build time from the data files (tools/gen_tables/gen_tables.cpp): the rule
// catalogue's entries as raw fields, and the other YAML files (provider profiles, condition keys)
// as the trees the engine's YAML reader makes of them (without locations; source/generated_tree.h
// rebuilds them), read at start-up instead of parsing YAML. The YAML is the source of truth; a test checks they agree.
// Read-only; safe from any thread.
#pragma once

#include <span>

namespace trustlint::internal {

// One entry of rules/catalogue.yaml, each field the scalar as written ("" when absent).
struct GeneratedRule {
  bool is_rule;  // under `rules:` (id, name), not `diagnostics:` (code)
  const char* id;
  const char* name;
  const char* severity;
  const char* title;
  const char* explanation;
  const char* bad;
  const char* good;
  const char* fix;
};

std::span<const GeneratedRule> generated_rules();

// One node of a file's tree in preorder: its depth (the root is 0), kind (source/node.h NodeKind), member key
// (under an object), scalar text and tag.
struct GeneratedNode {
  int depth;
  int kind;
  const char* key;
  const char* text;
  const char* tag;
};

struct GeneratedTree {
  const char* path;  // "rules/providers/vercel.yaml"
  std::span<const GeneratedNode> nodes;
};

std::span<const GeneratedTree> generated_trees();


}  // namespace trustlint::internal
