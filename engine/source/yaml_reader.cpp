// read_yaml: the adapter between yaml-cpp and the engine, and the one place where yaml-cpp's
// exceptions (and the builder's YamlStop) are caught and turned into located diagnostics.
// Order of work: a linear pre-scan for what yaml-cpp cannot bound in time (yaml_prescan.h), then
// yaml-cpp's event parser feeding YamlTreeBuilder, then the one-document checks.
#include <algorithm>
#include <istream>
#include <streambuf>
#include <string_view>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "source/read_tree.h"
#include "source/yaml_prescan.h"
#include "source/yaml_tree_builder.h"

namespace trustlint::internal {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// yaml-cpp 0.7.0 refuses to recurse past 500 nodes (DepthGuard<500> in HandleNode); we stop a
// little earlier, so that every over-deep input gets the same TL007 from the pre-scan or builder.
constexpr std::size_t kYamlParserDepthCeiling = 490;

// An input stream over the file's text, without a copy. Read-only: nothing writes to the get area.
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

Result<Node> read_yaml(const SourceFile& file, const Limits& given_limits) {
  Limits limits = given_limits;
  limits.max_depth = std::min(limits.max_depth, kYamlParserDepthCeiling);
  const std::string_view text = file.text();
  // yaml-cpp skips a byte-order mark without counting it in its marks; give it the text after one.
  const std::size_t base = text.substr(0, kByteOrderMark.size()) == kByteOrderMark ? kByteOrderMark.size() : 0;
  if (auto problem = prescan_yaml(text.substr(base), limits)) {
    return Result<Node>::failure(make_error(problem->code, problem->message, file.point(base + problem->offset)));
  }

  YamlTreeBuilder builder(file, base, limits);
  auto fail = [&builder](Diagnostic d) {
    Diagnostics diagnostics = std::move(builder.diagnostics());
    diagnostics.push_back(std::move(d));
    return Result<Node>::failure(std::move(diagnostics));
  };
  auto at = [&](const YAML::Mark& mark) { return file.point(builder.offset(mark)); };
  try {
    TextBuffer buffer(text.substr(base));
    std::istream in(&buffer);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const YamlStop& stop) {
    return fail(stop.diagnostic);
  } catch (const YAML::DeepRecursion& e) {
    return fail(make_error("TL007", "nesting deeper than " + std::to_string(limits.max_depth) +
                                        " levels (limit max_depth)", at(e.mark)));
  } catch (const YAML::Exception& e) {
    return fail(make_error("TL005", "malformed YAML: " + e.msg, at(e.mark)));
  } catch (const std::exception& e) {
    return fail(make_error("TL005", std::string("malformed YAML: ") + e.what(), file.point(base)));
  } catch (...) {
    return fail(make_error("TL005", "malformed YAML: unknown parser error", file.point(base)));
  }

  std::optional<Node>& root = builder.root();
  if (!root || (root->kind == NodeKind::null && root->span.offset == root->span.end_offset)) {
    return fail(make_error("TL005", "empty document", root ? root->span : file.point(base)));
  }
  return Result<Node>(std::move(*root), std::move(builder.diagnostics()));
}

}  // namespace trustlint::internal
