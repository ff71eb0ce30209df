// The syntax tree of HCL native syntax (Terraform's .tf and .tfvars files), as HashiCorp's
// published specification defines it: a body of attributes and blocks, and expressions (literals,
// templates and heredocs, tuples, objects, references, calls, operators, conditionals, `for`).
// Every piece keeps its byte range in the file, so values read from it are located exactly.
// read_hcl() parses one file; plain value types, safe to share between threads once built.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/result.h"

namespace trustlint::internal {

struct HclExpr;
using HclExprPtr = std::unique_ptr<HclExpr>;

// A run of literal template text: `text` is decoded (escapes, `$${`, a heredoc's stripped
// indentation); byte text[i] came from file offset origin_of(i).
struct HclLiteral {
  std::string text;
  // (index in text, file offset) where the byte-for-byte correspondence restarts.
  std::vector<std::pair<std::size_t, std::size_t>> breaks;
  std::size_t origin_of(std::size_t i) const;
};

struct HclTemplatePart {
  enum class Kind { literal, interpolation, if_directive, for_directive };
  Kind kind = Kind::literal;
  std::size_t begin = 0, end = 0;
  HclLiteral literal;                        // literal
  HclExprPtr expr;                           // interpolation; the condition or the collection of a directive
  std::vector<HclTemplatePart> body;         // if: then-branch; for: the repeated part
  std::vector<HclTemplatePart> else_body;    // if: else-branch
  std::string key_var, value_var;            // for: `for k, v in` (key_var empty for `for v in`)
};

enum class HclExprKind {
  literal,      // null, true, false, a number: `value`
  template_,    // a quoted string or a heredoc: `parts`
  tuple,        // [a, b]: `items`
  object,       // {k = v}: `items` holds key, value, key, value, ...
  variable,     // a root name: `name`
  get_attr,     // items[0].name
  index,        // items[0][items[1]]
  splat,        // items[0][*] or items[0].* (read as unknown)
  call,         // name(items...); `expand` for a final `...`
  conditional,  // items[0] ? items[1] : items[2]
  unary,        // `name` is "-" or "!": items[0]
  binary,       // items[0] `name` items[1]
  for_tuple,    // [for key_var, value_var in items[0] : items[1] if items[2]]
  for_object,   // {for ... : items[1] => items[2] if items[3]}; `expand` for `...`
  parens,       // (items[0])
};

struct HclExpr {
  HclExprKind kind = HclExprKind::literal;
  std::size_t begin = 0, end = 0;  // bytes of the file
  Node value;                      // literal
  std::string name;
  std::vector<HclExprPtr> items;   // null entries for absent optional parts (`if` of a for)
  std::vector<HclTemplatePart> parts;
  std::string key_var, value_var;
  bool expand = false;
  bool heredoc = false;
};

struct HclBlock;

struct HclAttribute {
  std::string name;
  std::size_t name_begin = 0, name_end = 0;
  HclExprPtr expr;
};

struct HclBody {
  std::vector<HclAttribute> attributes;  // in source order
  std::vector<HclBlock> blocks;          // in source order
  const HclAttribute* attribute(const std::string& name) const;
};

struct HclBlock {
  std::string type;
  std::vector<std::string> labels;
  std::size_t begin = 0, end = 0;          // the type name to the closing brace
  std::size_t type_end = 0;
  HclBody body;
};

// Parses `file` as HCL native syntax. Errors: TL078 (syntax; the first one stops the parse),
// TL007 (nesting deeper than limits.max_depth), TL008 (more than limits.max_nodes expressions).
// Checks UTF-8 first (TL003). Never recurses deeper than limits.max_depth.
Result<HclBody> read_hcl(const SourceFile& file, const Limits& limits);

// Parses `file` as a bare template (templatefile()): the whole text is the template.
Result<std::vector<HclTemplatePart>> read_hcl_template(const SourceFile& file, const Limits& limits);

}  // namespace trustlint::internal
