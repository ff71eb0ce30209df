// Which files `lint` reads. Files named on the command line: read when a reader takes their form
// (or when they are broken in a way the reader reports), an error when no reader does (TL085:
// file_kind.h); a named .tf or .tf.json file stands for its module: the .tf and .tf.json files
// of its directory that declare an "aws_iam_role" are read instead, once
// each (a staged variables.tf lints the roles it feeds). Below each directory named there,
// recursively and in sorted order: *.json, *.yaml, *.yml and *.template files that a reader takes
// and that mention a trust policy or an IAM role, and *.tf and *.tf.json files that declare an
// "aws_iam_role" (the other .tf and .tf.json files of their directory are read with them, as one module); a file with IAM-policy shape that no reader
// takes is a note (TL086); package.json, docker-compose.yml and the like are counted as skipped.
// Directories skip what .gitignore files (at and below the walked directory) ignore, .git,
// node_modules, .terraform and cdk.out/asset.* (unless `default_excludes` is off), and always
// .trustlint.yaml files and whatever --exclude (exclude_patterns.h) names. Thread-compatible.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/exclude_patterns.h"
#include "cli/file_kind.h"

namespace trustlint::cli {

// A file that is not read but reported: TL085 (an error) or TL086 (a note).
struct Unread {
  std::string path;
  std::string code;
  bool error = false;
  std::string message;
};

struct DiscoveredFile {
  std::string path;
  std::optional<Unread> unread;  // set: report this instead of reading the file
};

struct Discovered {
  std::vector<DiscoveredFile> files;  // in command-line order; each directory's files sorted
  std::size_t skipped = 0;            // candidates without a trust policy (walks, filter_named)
  std::vector<std::string> errors;    // "DIR: error: cannot read directory: ... [TL001]" lines
  std::vector<std::string> read() const;  // the paths of files without `unread`
};

struct DiscoverOptions {
  ExcludePatterns excludes;
  // Also apply the walk's filters to files named on the command line (`lint
  // --skip-unrecognized`, for hooks that pass every JSON/YAML file); not the exclusions.
  bool filter_named = false;
  // .gitignore files and the built-in list (`--no-default-excludes` turns both off).
  bool default_excludes = true;
};

Discovered discover_files(const std::vector<std::string>& paths, const DiscoverOptions& options);

// The built-in exclusions of directory walks, as gitignore patterns.
const std::vector<std::string>& default_exclude_patterns();

}  // namespace trustlint::cli
