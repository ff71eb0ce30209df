// PreReads: the YAML files a lint run's directory walk read and parsed to judge them (file_kind.h),
// kept until lint_paths() lints them, so that each is read and parsed once. A bounded store: over
// its budget of text a file is not kept (it is read and parsed again, as any file). Internal to
// engine/query; keep() and take() are safe from several threads.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "source/node.h"
#include "trustlint/discover.h"
#include "trustlint/result.h"

namespace trustlint::internal {

// A file's text (a byte-order mark removed) and its tree, read_tree(SourceFile(path, text),
// InputFormat::auto_detect, Limits{}).
struct PreRead {
  std::shared_ptr<const std::string> text;
  Result<Node> tree;
};

class PreReads {
 public:
  // Text bytes kept at most (the trees take several times as much).
  static constexpr std::size_t kBudget = 1u << 20;

  // Keeps `read` for `path` unless that passes the budget.
  void keep(const std::string& path, PreRead read);
  // What was kept for `path`, once; nullopt when nothing was.
  std::optional<PreRead> take(const std::string& path);

 private:
  std::mutex mutex_;
  std::size_t bytes_ = 0;  // text kept so far (taken or not: the budget is for the whole run)
  std::map<std::string, PreRead> kept_;
};

// discover_files() that keeps, in `keep`, what it read and parsed of each file it found to be
// read (`keep` may be null: then it is discover_files()).
Discovered discover_files_keeping(const std::vector<std::string>& paths, const DiscoverOptions& options, PreReads* keep);

}  // namespace trustlint::internal
