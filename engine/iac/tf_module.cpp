// load_tf_module (tf_module.h): the linted .tf file, the other .tf and .tf.json files of its
// directory (one directory is one module: variables, locals and data sources are shared),
// terraform.tfvars(.json) and *.auto.tfvars(.json) as Terraform loads them, then --tf-var-file files and --tf-var values, later
// ones winning as on Terraform's command line.
#include <algorithm>
#include <filesystem>

#include "source/diagnostic_sink.h"
#include "iac/tf_module.h"
#include "trustlint/sources.h"

namespace trustlint::internal {

namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The literal values of a .tfvars file (HCL attributes; references are not allowed there).
void read_tfvars(TfModule& m, const std::string& path, const std::string& origin, const LoadOptions& options, bool required) {
  Result<SourceFile> source = read_source_file(path, options.limits);
  if (!source.has_value()) {
    if (!required) return;
    for (Diagnostic& d : source.take_diagnostics()) m.problems.push_back(std::move(d));
    return;
  }
  auto file = std::make_unique<TfFile>(TfFile{std::move(source).value(), HclBody{}, {}});
  Result<HclBody> body = read_tf_body(file->file, options.limits, true, file->json_strings);
  if (!body.has_value()) {
    for (Diagnostic& d : body.take_diagnostics()) m.problems.push_back(std::move(d));
    return;
  }
  file->body = std::move(body).value();
  Diagnostics ignored;
  std::vector<std::string> none;
  TfEvaluator literal(m, options, ignored, none);
  for (const HclAttribute& a : file->body.attributes) {
    m.given[a.name] = TfModule::Given{literal.eval(*a.expr, *file).node, "from " + origin};
  }
  m.files.push_back(std::move(file));  // keeps the values' file alive
}

}  // namespace

void TfModule::index(const TfFile& f) {
  for (const HclBlock& b : f.body.blocks) {
    const std::string first = b.labels.empty() ? std::string() : b.labels[0];
    if (b.type == "variable" && b.labels.size() == 1) variables.emplace(first, std::pair{&b, &f});
    if (b.type == "locals") {
      for (const HclAttribute& a : b.body.attributes) locals.emplace(a.name, std::pair{&a, &f});
    }
    if (b.type == "data" && b.labels.size() == 2 && first == "aws_iam_policy_document") policy_documents.emplace(b.labels[1], std::pair{&b, &f});
    if (b.type == "resource" && b.labels.size() == 2 && first == "aws_iam_openid_connect_provider") oidc_providers.emplace(b.labels[1], std::pair{&b, &f});
  }
}

Result<HclBody> read_tf_body(const SourceFile& file, const Limits& limits, bool tfvars, TfJsonStrings& strings) {
  if (is_tf_json_name(file.name())) return read_tf_json(file, limits, tfvars, strings);
  return read_hcl(file, limits);
}

std::unique_ptr<TfModule> load_tf_module(const SourceFile& first, HclBody body, TfJsonStrings strings, const LoadOptions& options,
                                         bool read_directory) {
  auto m = std::make_unique<TfModule>();
  const fs::path dir = fs::path(first.name()).parent_path();
  m->directory = dir.generic_string();
  m->files.push_back(std::make_unique<TfFile>(TfFile{first, std::move(body), std::move(strings)}));
  std::vector<std::string> siblings, auto_vars;
  std::error_code ec;
  if (read_directory) {
    const std::string first_identity = file_identity(first.name());
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      std::error_code type_ec;
      if (!it->is_regular_file(type_ec)) continue;
      const std::string path = (dir / name).generic_string();
      if ((ends_with(name, ".tf") || ends_with(name, ".tf.json")) && file_identity(path) != first_identity) siblings.push_back(path);
      if (name == "terraform.tfvars" || name == "terraform.tfvars.json" || ends_with(name, ".auto.tfvars") || ends_with(name, ".auto.tfvars.json")) auto_vars.push_back(path);
    }
  }
  std::sort(siblings.begin(), siblings.end());
  std::sort(auto_vars.begin(), auto_vars.end());
  for (const std::string& path : siblings) {
    Result<SourceFile> source = read_source_file(path, options.limits);
    if (!source.has_value()) continue;  // reported when that file is linted itself
    auto file = std::make_unique<TfFile>(TfFile{std::move(source).value(), HclBody{}, {}});
    Result<HclBody> parsed = read_tf_body(file->file, options.limits, false, file->json_strings);
    if (!parsed.has_value()) {
      // A file that declares a role reports its own errors when it is linted; any other
      // (variables.tf, locals.tf) is never linted alone: its errors are the module's.
      if (file->file.text().find("\"aws_iam_role\"") == std::string_view::npos) {
        for (Diagnostic& d : parsed.take_diagnostics()) m->problems.push_back(std::move(d));
      }
      continue;
    }
    file->body = std::move(parsed).value();
    m->files.push_back(std::move(file));
  }
  for (const auto& f : m->files) m->index(*f);
  // Terraform's order: terraform.tfvars, *.auto.tfvars (by name), then the command line.
  std::stable_sort(auto_vars.begin(), auto_vars.end(), [](const std::string& a, const std::string& b) {
    const auto first = [](const std::string& p) { return fs::path(p).filename().string().starts_with("terraform.tfvars"); };
    return first(a) > first(b);
  });
  for (const std::string& path : auto_vars) read_tfvars(*m, path, fs::path(path).filename().string(), options, false);
  for (const std::string& path : options.tf_var_files) read_tfvars(*m, path, "--tf-var-file " + path, options, true);
  for (const std::string& assignment : options.tf_vars) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) {
      Span where;
      where.file = first.name();
      m->problems.push_back(make_error("TL088", "--tf-var " + quote(assignment) + " is not NAME=VALUE", where));
      continue;
    }
    Node value;
    value.kind = NodeKind::string;
    value.text = assignment.substr(eq + 1);
    m->given[assignment.substr(0, eq)] = TfModule::Given{std::move(value), "from --tf-var"};
  }
  return m;
}

}  // namespace trustlint::internal
