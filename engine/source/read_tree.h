// Reading a SourceFile into a located Node tree: JSON (our own located parser) or YAML
// (yaml-cpp behind one adapter), chosen by extension and falling back to content.
// Errors (TL003–TL010) are located diagnostics; no exception leaves these functions.
// Stateless; safe to call from several threads.
#pragma once

#include <string_view>

#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/result.h"

namespace trustlint::internal {

// JSON: RFC 8259 strictly (no comments, no trailing commas). Enforces limits.max_depth,
// reports duplicate keys (TL006, error) but keeps them in the tree.
Result<Node> read_json(const SourceFile& file, const Limits& limits);

// The same reading, diagnostics and result (ok or not) as read_json, but the tree keeps only
// values down to `depth` (the root is 0); values at `depth` have their kind and offsets only
// (Span::line 0, no text, no children). Of a mapped file, only the pages near the position
// read stay in memory. For a reader that walks a large file's top levels and reads each part
// again with read_json_range.
Result<Node> read_json_outline(const SourceFile& file, const Limits& limits, std::size_t depth);
// The JSON value at bytes [begin, end) of `file`, located in it. REQUIRES: read_json_outline
// accepted the file and a value spans [begin, end) (its diagnostics are the outline's; this
// reading's, counted from the value, are not the file's).
Result<Node> read_json_range(const SourceFile& file, std::size_t begin, std::size_t end, const Limits& limits);

// YAML 1.2 via yaml-cpp. Enforces limits.max_depth and limits.max_nodes (alias expansion
// counts every use), keeps custom tags (CloudFormation's !Sub, !Ref, ...), reports duplicate keys.
Result<Node> read_yaml(const SourceFile& file, const Limits& limits);

// Does the file name end with `suffix` (written in lower case), in any letter case? File kinds
// are told by their names this way (".JSON" is JSON).
bool name_ends_with(std::string_view name, std::string_view suffix);

// Terraform source by its name (.tf or .tf.json, any case): find_trust_policies reads it with
// the HCL or the JSON reader into one module with its directory, not as a tree of this file.
bool terraform_source_name(std::string_view name);

// The reader read_tree picks without a format given: by extension (.json → JSON; .yaml/.yml →
// YAML), else by content (first non-blank character '{' or '[' → JSON, otherwise YAML).
InputFormat detect_format(const SourceFile& file);

// Picks the reader: InputFormat given, else by extension (.json → JSON; .yaml/.yml → YAML),
// else by content (first non-blank character '{' or '[' → JSON, otherwise YAML).
// Checks UTF-8 first.
Result<Node> read_tree(const SourceFile& file, InputFormat format, const Limits& limits);

}  // namespace trustlint::internal
