// lint_paths()'s work on the files found (lint_paths_impl.h): the thread pool that hands reports
// over in order as they are ready, the files read through a Terraform role, the reports of files
// not read.
#include "lint/lint_loaded.h"
#include "query/lint_paths_impl.h"
#include "query/parallel_for.h"
#include "source/read_tree.h"
#include "trustlint/git_input.h"
#include "trustlint/query.h"
#include "trustlint/sources.h"

namespace trustlint::internal {
namespace {

std::vector<LintReport> lint_one(const std::string& file, const LintOptions& options, const LoadOptions& load,
                                 PreReads* pre_reads) {
  if (pre_reads != nullptr) {
    if (std::optional<PreRead> read = pre_reads->take(file)) {
      return lint_parsed(std::move(read->text), file, std::move(read->tree), options, load);
    }
  }
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

FileLinter::FileLinter(const std::vector<std::string>& files, const std::vector<std::optional<LintOptions>>& options,
                       const LoadOptions& load, std::size_t threads, const std::vector<std::size_t>& first,
                       PreReads* pre_reads)
    : files_(files), options_(options), load_(load), pre_reads_(pre_reads), reports_(files.size()), done_(files.size(), 0) {
  std::vector<char> early(files.size(), 0);
  for (std::size_t i : first) {
    if (i < files.size() && !early[i]) {
      early[i] = 1;
      order_.push_back(i);
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!early[i]) order_.push_back(i);
  }
  // The caller's thread is one of the pool: it lints while it waits for a report.
  pool_ = start_threads(query_threads(threads, files.size()) - 1, [this] {
    while (lint_next()) {
    }
  });
}

FileLinter::~FileLinter() {
  next_ = order_.size();  // nothing more is taken (when the caller stopped early)
  for (auto& t : pool_) t.join();
}

bool FileLinter::lint_next() {
  const std::size_t at = next_++;
  if (at >= order_.size()) return false;
  const std::size_t i = order_[at];
  std::optional<std::vector<LintReport>> linted;
  if (options_[i]) linted = lint_one(files_[i], *options_[i], load_, pre_reads_);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    reports_[i] = std::move(linted);
    done_[i] = 1;
  }
  ready_.notify_all();
  return true;
}

std::optional<std::vector<LintReport>> FileLinter::take(std::size_t i) {
  while (true) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (done_[i]) return std::move(reports_[i]);
    }
    if (lint_next()) continue;  // not ready: lint the next file nobody has taken instead of waiting idle
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return done_[i] != 0; });
    return std::move(reports_[i]);
  }
}

bool may_read_others(const std::string& file) { return file == "-" || terraform_source_name(file); }

void add_files_read_through(const std::string& file, const std::vector<LintReport>& reports, std::set<std::string>& out) {
  std::optional<std::string> own;  // the file's identity, found when first needed (a readlink per path part)
  for (const LintReport& r : reports) {
    for (const std::string& f : r.read_files) {
      if (f == file) continue;
      if (!own) own = file_identity(file);
      if (std::string key = file_identity(f); key != *own) out.insert(std::move(key));
    }
  }
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
