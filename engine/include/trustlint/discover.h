// Input discovery: which files `lint` reads (the CLI, and a binding that lints a directory).
// Files named: read when a reader takes their form (or when they are broken in a way the reader
// reports), an error when no reader does (TL085: the content sniff of engine/query/file_kind.h,
// which is the engine's form detection); a named .tf or .tf.json file stands for its module: the
// .tf and .tf.json files of its directory that declare an "aws_iam_role" are read instead, once
// each (a staged variables.tf lints the roles it feeds). Below each directory named,
// recursively and in sorted order: *.json, *.yaml, *.yml and *.template files that a reader
// takes and that mention a trust policy or an IAM role, and *.tf and *.tf.json files that
// declare an "aws_iam_role" (the other .tf and .tf.json files of their directory are read with
// them, as one module); a file with IAM-policy shape that no reader takes is a note (TL086);
// package.json, docker-compose.yml and the like are counted as skipped. Directories skip what
// .gitignore files (at and below the walked directory) ignore, .git, node_modules, .terraform
// and cdk.out/asset.* (unless `default_excludes` is off), and always .trustlint.yaml files and
// whatever `excludes` (CLI --exclude; exclude_patterns.h) names.
//
// Example:
//   trustlint::DiscoverOptions options{trustlint::ExcludePatterns({"legacy/"})};
//   trustlint::Discovered found = trustlint::discover_files({"infra/"}, options);
//   for (const auto& f : found.files) if (!f.unread) lint(f.path);  // else report f.unread->code
//
// Ownership: Unread, DiscoveredFile, Discovered and DiscoverOptions are plain values that own
// their strings; discover_files keeps nothing after it returns.
// Thread safety: discover_files reads the file system and has no shared state: calls on
// different threads are safe (each sees the tree as it is when it walks it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/exclude_patterns.h"

namespace trustlint {

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
  Diagnostics errors;                 // TL001 "cannot read directory: WHY" at each directory walked that cannot be read
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

}  // namespace trustlint
