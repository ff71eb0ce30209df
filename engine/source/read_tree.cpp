// read_tree: UTF-8 check, then JSON or YAML by the format asked for, the file's extension or
// the first non-blank character.
#include "source/read_tree.h"

#include <string_view>

#include "source/utf8.h"

namespace trustlint::internal {

namespace {

bool ends_with_ignore_case(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

}  // namespace

InputFormat detect_format(const SourceFile& file) {
  const std::string& name = file.name();
  if (ends_with_ignore_case(name, ".json")) return InputFormat::json;
  if (ends_with_ignore_case(name, ".yaml") || ends_with_ignore_case(name, ".yml")) return InputFormat::yaml;
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
