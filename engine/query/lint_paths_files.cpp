// lint_paths()'s work on the files found (lint_paths_impl.h): the thread pool, the files read
// through a Terraform role, the reports of files not read.
#include "lint/lint_loaded.h"
#include "query/lint_paths_impl.h"
#include "query/parallel_for.h"
#include "trustlint/git_input.h"
#include "trustlint/query.h"
#include "trustlint/sources.h"

namespace trustlint::internal {
namespace {

std::vector<LintReport> lint_one(const std::string& file, const LintOptions& options, const LoadOptions& load) {
  if (!is_git_input(file)) return lint_input(Input::file(file), options, load);
  auto text = read_git_input(file);
  if (!text.ok()) {
    std::vector<LintReport> reports;
    reports.push_back(lint_loaded(Result<Document>::failure(text.take_diagnostics()), file, options, {}));
    return reports;
  }
  return lint_input(Input::from_text(std::move(text).value(), file), options, load);
}

}  // namespace

// Files are independent and lint_input is safe from several threads, so each thread takes the
// next file not taken; each report lands in its file's slot, which keeps the order.
std::vector<std::optional<std::vector<LintReport>>> lint_files(const std::vector<std::string>& files,
                                                               const std::vector<std::optional<LintOptions>>& options,
                                                               const LoadOptions& load, std::size_t threads) {
  std::vector<std::optional<std::vector<LintReport>>> reports(files.size());
  for_each_index(files.size(), query_threads(threads, files.size()), [&](std::size_t i) {
    if (options[i]) reports[i] = lint_one(files[i], *options[i], load);
  });
  return reports;
}

std::set<std::string> files_read_through(const std::vector<std::string>& files,
                                         const std::vector<std::optional<std::vector<LintReport>>>& linted) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < linted.size(); ++i) {
    if (!linted[i]) continue;
    std::optional<std::string> own;  // files[i]'s identity, found when first needed (it costs a readlink per part)
    for (const LintReport& r : *linted[i]) {
      for (const std::string& f : r.read_files) {
        if (f == files[i]) continue;
        if (!own) own = file_identity(files[i]);
        if (std::string key = file_identity(f); key != *own) out.insert(std::move(key));
      }
    }
  }
  return out;
}

LintReport unread_report(const Unread& u) {
  LintReport r;
  r.file = u.path;
  r.form = "";
  r.role = false;
  r.read = false;
  r.input_failed = u.error;
  Span at;
  at.file = u.path;
  at.line = at.col = at.end_line = 1;
  at.end_col = 1;
  r.findings.push_back(finding_from_diagnostic(u.error ? make_error(u.code, u.message, at) : make_note(u.code, u.message, at)));
  return r;
}

void name_stdin(LintReport& report, const std::string& name) {
  if (report.file == "<stdin>" || report.file == "-") report.file = name;
  for (Finding& f : report.findings) {
    if (f.span.file == "<stdin>") f.span.file = name;
  }
}

}  // namespace trustlint::internal
