// The steps of lint_paths() (trustlint/lint_paths.h) that work on the files found: linting them
// on a pool of threads while the caller takes the reports in order, the files a Terraform role
// read through, and the report of a file not read. Internal to engine/query; the functions are
// safe from several threads, a FileLinter is used by one.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "query/pre_read.h"
#include "trustlint/discover.h"
#include "trustlint/lint.h"
#include "trustlint/options.h"

namespace trustlint::internal {

// Lints files[i] with options[i] (none: skipped, its configuration is unusable) on a pool of
// `threads` threads (0: one per core; never more than 8 nor than files), the caller's thread
// included: take(i) hands over files[i]'s reports (each file's roles in file order) as soon as
// they are ready, so the caller writes them while later files are linted, and while it waits it
// lints the next file nobody has taken. Files are taken in the order `first` (say, the files that
// can read others), then in file order. "-" is standard input; git:REV:PATH is read with git (a
// failure is that file's one input_failed report, TL001 at the input). Not itself shared between
// threads: one caller takes the reports.
class FileLinter {
 public:
  // `pre_reads`: files the walk read and parsed as lint reads them, with `load`'s reader and
  // limits (may be null), each linted from there.
  FileLinter(const std::vector<std::string>& files, const std::vector<std::optional<LintOptions>>& options,
             const LoadOptions& load, std::size_t threads, const std::vector<std::size_t>& first, PreReads* pre_reads);
  ~FileLinter();
  FileLinter(const FileLinter&) = delete;
  FileLinter& operator=(const FileLinter&) = delete;

  // files[i]'s reports (none when it was skipped); each index once.
  std::optional<std::vector<LintReport>> take(std::size_t i);

 private:
  bool lint_next();  // lints the next file not taken by any thread; false when none is left

  const std::vector<std::string>& files_;
  const std::vector<std::optional<LintOptions>>& options_;
  const LoadOptions& load_;
  PreReads* pre_reads_;
  std::vector<std::size_t> order_;  // the order files are taken in
  std::atomic<std::size_t> next_{0};
  std::vector<std::optional<std::vector<LintReport>>> reports_;
  std::vector<char> done_;  // guarded by mutex_
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::thread> pool_;
};

// True when linting `file` can read other files (a Terraform module's file() and templatefile()):
// those files' reports wait for its report (files_read_through).
bool may_read_others(const std::string& file);

// The files that the roles of `file`'s reports read besides `file` itself (LintReport::read_files),
// as file_identity() names them, added to `out`.
void add_files_read_through(const std::string& file, const std::vector<LintReport>& reports, std::set<std::string>& out);

// A file reported instead of read (discover.h): its one finding at 1:1.
LintReport unread_report(const Unread& unread);

// Input read from "-" takes the name --stdin-filename gives (messages, JSON, SARIF, baselines).
void name_stdin(LintReport& report, const std::string& name);

}  // namespace trustlint::internal
