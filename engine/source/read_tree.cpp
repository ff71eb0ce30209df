// read_tree: UTF-8 check, then JSON or YAML by the format asked for, the file's extension or
// the first non-blank character.
#include "source/read_tree.h"

#include <string_view>

#include "source/utf8.h"

namespace trustlint::internal {

bool name_ends_with(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  name = name.substr(name.size() - suffix.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool terraform_source_name(std::string_view name) { return name_ends_with(name, ".tf") || name_ends_with(name, ".tf.json"); }

InputFormat detect_format(const SourceFile& file) {
  const std::string& name = file.name();
  if (name_ends_with(name, ".json")) return InputFormat::json;
  if (name_ends_with(name, ".yaml") || name_ends_with(name, ".yml")) return InputFormat::yaml;
  for (char c : file.text()) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[' ? InputFormat::json : InputFormat::yaml;
  }
  return InputFormat::yaml;
}

Result<Node> read_tree(const SourceFile& file, InputFormat format, const Limits& limits) {
  Diagnostics bad_utf8 = check_utf8(file);
  if (!bad_utf8.empty()) return Result<Node>::failure(std::move(bad_utf8));
  if (format == InputFormat::auto_detect) format = detect_format(file);
  return format == InputFormat::json ? read_json(file, limits) : read_yaml(file, limits);
}

}  // namespace trustlint::internal
