// find_trust_policies (sources.h): read the file once, detect its form from the tree
// (detect_input_form, input_form.cpp), hand it to that form's reader, and give each reader
// diagnostic (a duplicate key, say) to the role whose definition it falls in.
#include "policy/build_model.h"
#include "source/diagnostic_sink.h"
#include "iac/iac_forms.h"
#include "source/read_tree.h"
#include "trustlint/sources.h"

namespace trustlint {

namespace {

using internal::FoundPolicy;
using internal::IacInput;
using internal::Node;
using internal::NodeKind;
using internal::SourceFile;

// The reader read_tree() chose (read_tree.h): JSON decodes string literals exactly.
bool read_as_json(const SourceFile& file, InputFormat format) {
  return (format == InputFormat::auto_detect ? internal::detect_format(file) : format) == InputFormat::json;
}

Result<std::vector<PolicySource>> plain_policy(const Node& root, Diagnostics tree_diagnostics, const SourceFile& file,
                                               const LoadOptions& options) {
  internal::DiagnosticSink sink(options.limits.max_errors);
  sink.add_all(std::move(tree_diagnostics));
  Result<Document> model = internal::build_model(root, file, options);
  sink.add_all(model.take_diagnostics());
  Diagnostics diagnostics = std::move(sink).finish(file.name());
  Result<Document> policy = model.has_value() ? Result<Document>(std::move(model).value(), std::move(diagnostics))
                                              : Result<Document>::failure(std::move(diagnostics));
  std::vector<PolicySource> sources;
  sources.push_back(PolicySource{"", "policy", std::move(policy), {}, {}});
  return sources;
}

Result<std::vector<PolicySource>> from_tree(const SourceFile& file, Result<Node> tree, const LoadOptions& options);

// `on_disk`: the file was read from a path, so a .tf (or .tf.json) file's directory is its module.
Result<std::vector<PolicySource>> find_in(const SourceFile& file, const LoadOptions& options, bool on_disk) {
  if (options.format == InputFormat::auto_detect && internal::terraform_source_name(file.name())) {
    return internal::find_terraform_source_roles(file, options, on_disk);
  }
  return from_tree(file, internal::read_tree(file, options.format, options.limits), options);
}

// The roles of `file` read into `tree` (read_tree with `options`).
Result<std::vector<PolicySource>> from_tree(const SourceFile& file, Result<Node> tree, const LoadOptions& options) {
  if (!tree.has_value()) return Result<std::vector<PolicySource>>::failure(tree.take_diagnostics());
  Diagnostics tree_diagnostics = tree.take_diagnostics();
  const Node& root = tree.value();
  const IacInput in{file, options, read_as_json(file, options.format)};
  std::vector<FoundPolicy> found;
  switch (internal::detect_input_form(root)) {
    case internal::InputForm::policy:
    case internal::InputForm::none: return plain_policy(root, std::move(tree_diagnostics), file, options);
    case internal::InputForm::cloudformation: found = internal::find_cloudformation_roles(root, in); break;
    case internal::InputForm::terraform_plan: found = internal::find_terraform_roles(root, in); break;
    case internal::InputForm::account_details: found = internal::find_account_roles(root, in); break;
  }
  Diagnostics outside;
  for (Diagnostic& d : tree_diagnostics) {
    FoundPolicy* owner = nullptr;
    for (FoundPolicy& f : found) {
      if (d.span.known() && d.span.offset >= f.begin && d.span.offset < f.end) owner = &f;
    }
    if (owner == nullptr) {
      outside.push_back(std::move(d));
      continue;
    }
    Diagnostics one{std::move(d)};
    internal::name_resource(one, owner->named);
    owner->source.policy.diagnostics().push_back(std::move(one.front()));
  }
  std::vector<PolicySource> sources;
  sources.reserve(found.size());
  for (FoundPolicy& f : found) sources.push_back(std::move(f.source));
  return Result<std::vector<PolicySource>>(std::move(sources), std::move(outside));
}

}  // namespace

namespace internal {

Result<std::vector<PolicySource>> find_trust_policies_in_tree(const SourceFile& file, Result<Node> tree,
                                                              const LoadOptions& options) {
  return from_tree(file, std::move(tree), options);
}

}  // namespace internal

Result<std::vector<PolicySource>> find_trust_policies(const std::string& path, const LoadOptions& options) {
  Result<SourceFile> source = internal::read_source_file(path, options.limits);
  if (!source.has_value()) return Result<std::vector<PolicySource>>::failure(source.take_diagnostics());
  return find_in(source.value(), options, path != "-");
}

Result<std::vector<PolicySource>> find_trust_policies_text(std::string_view text, const std::string& name,
                                                           const LoadOptions& options, bool name_is_path) {
  if (text.size() > options.limits.max_bytes) {
    Span where;
    where.file = name;
    return Result<std::vector<PolicySource>>::failure(make_error(
        "TL002", "input is larger than the limit of " + internal::group_thousands(options.limits.max_bytes) + " bytes",
        where));
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return find_in(SourceFile(name, std::string(text)), options, name_is_path);
}

}  // namespace trustlint
