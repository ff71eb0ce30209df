// load_policy_file / load_policy_text (engine.h): read the source, read the tree, build the
// model; the diagnostics of every stage end up in one Result, capped at Limits::max_errors.
#include "policy/build_model.h"
#include "source/diagnostic_sink.h"
#include "source/read_tree.h"
#include "source/source_file.h"
#include "trustlint/engine.h"

namespace trustlint {

namespace {

Result<Document> load_source(const internal::SourceFile& file, const LoadOptions& options) {
  internal::DiagnosticSink sink(options.limits.max_errors);
  Result<internal::Node> tree = internal::read_tree(file, options.format, options.limits);
  sink.add_all(tree.take_diagnostics());
  if (!tree.has_value()) return Result<Document>::failure(std::move(sink).finish(file.name()));
  Result<Document> model = internal::build_model(tree.value(), file, options);
  sink.add_all(model.take_diagnostics());
  if (!model.has_value()) return Result<Document>::failure(std::move(sink).finish(file.name()));
  return Result<Document>(std::move(model).value(), std::move(sink).finish(file.name()));
}

}  // namespace

Result<Document> load_policy_file(const std::string& path, const LoadOptions& options) {
  Result<internal::SourceFile> source = internal::read_source_file(path, options.limits);
  if (!source.has_value()) return Result<Document>::failure(source.take_diagnostics());
  return load_source(source.value(), options);
}

Result<Document> load_policy_text(std::string_view text, const std::string& name, const LoadOptions& options) {
  if (text.size() > options.limits.max_bytes) {
    return Result<Document>::failure(internal::too_large_error(name, text, options.limits));
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return load_source(internal::SourceFile(name, std::string(text)), options);
}

}  // namespace trustlint
