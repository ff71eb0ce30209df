// Terraform's JSON configuration syntax (*.tf.json, *.tfvars.json) read into the HCL syntax tree
// (hcl_syntax.h) the .tf reader makes, after HashiCorp's "JSON Configuration Syntax": blocks are
// properties named by their type with labels as nested keys, a body is an object (or an array
// of objects), every string is an HCL template parsed with the native template parser, and every
// offset is mapped back through the JSON escapes to the .tf.json file itself.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "iac/mapped_text.h"
#include "source/hcl/hcl_syntax.h"

namespace trustlint::internal {

// Each JSON string literal of the file, decoded, with the offset of its opening quote.
using TfJsonStrings = std::vector<std::pair<std::size_t, MappedText>>;

// Parses `file` (JSON) as a Terraform configuration body. `attributes_only`: a .tfvars.json
// (every property is a variable's value). Errors: those of the JSON reader (TL003–TL010), TL078
// for a template that is not HCL, TL066 for JSON whose shape is no Terraform block (a resource
// that is not an object of labels). `strings` receives every string literal read.
Result<HclBody> read_tf_json(const SourceFile& file, const Limits& limits, bool attributes_only, TfJsonStrings& strings);

// True for names the JSON syntax is read for: *.tf.json, *.tfvars.json.
bool is_tf_json_name(const std::string& name);

// The text of file bytes [begin, end) as HCL reads it: inside a JSON string, its escapes decoded.
std::string tf_json_text(const SourceFile& file, const TfJsonStrings& strings, std::size_t begin, std::size_t end);

}  // namespace trustlint::internal
