// A generated data file's tree (data/generated_tables.h) as the Node that read_yaml makes of the
// file, locations aside: what the provider profiles and the condition-key catalogue read at
// start-up instead of parsing YAML. Built once per file; safe from any thread.
#pragma once

#include <string_view>

#include "source/node.h"

namespace trustlint::internal {

// nullptr when `path` ("rules/providers/vercel.yaml") was not generated.
const Node* generated_tree(std::string_view path);

}  // namespace trustlint::internal
