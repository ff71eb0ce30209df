// discover_files (discover.h): the recursive walk with its exclusions (.gitignore files,
// the built-in list, --exclude), the extension filter and the file-kind sniff (file_kind.h).
#include "trustlint/discover.h"
#include "query/file_kind.h"
#include "query/parallel_for.h"
#include "query/pre_read.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "trustlint/lint_config.h"
#include "trustlint/options.h"
#include "trustlint/sources.h"

namespace trustlint {
using internal::FileKind;
using internal::FileSniff;
using internal::Node;
using internal::PreRead;
using internal::PreReads;
using internal::sniff_file;
namespace {

namespace fs = std::filesystem;

bool candidate_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return (ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".template" || ext == ".tf") &&
         p.filename() != kLintConfigName;
}

// The file's first bytes, at most the input limit (a larger file is read anyway when it looks
// right, and then gets its TL002); nullopt when it cannot be read (kept, so lint reports TL001).
std::optional<std::string> head(const fs::path& p) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(p, ec);
  std::ifstream in(p, std::ios::binary);
  if (ec || !in) return std::nullopt;
  std::string text(static_cast<std::size_t>(std::min<std::uintmax_t>(size, Limits{}.max_bytes)), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}


// Whether a file is read, by its sniff: a file found in a walk (or filtered by it) when a reader
// takes it and it mentions a role; a file named when any reader takes it.
bool is_read(const FileSniff& sniff, bool named) {
  return named ? sniff.kind != FileKind::unrecognized : sniff.kind == FileKind::input && sniff.mentions_role;
}

// The kind of a file; nullopt when it cannot be read (then it is read anyway: lint says TL001).
// With `keep`, a YAML file that will be read (`named`: see is_read) is kept there with its tree.
std::optional<FileSniff> sniffed(const std::string& path, PreReads* keep = nullptr, bool named = false) {
  auto text = head(path);
  if (!text) return std::nullopt;
  if (keep == nullptr || text->size() >= Limits{}.max_bytes) return sniff_file(path, *text);  // maybe not all of it
  std::optional<Result<Node>> tree;
  FileSniff sniff = sniff_file(path, *text, &tree);
  if (tree && is_read(sniff, named)) {
    if (text->starts_with("\xEF\xBB\xBF")) text->erase(0, 3);
    keep->keep(path, PreRead{std::make_shared<const std::string>(std::move(*text)), std::move(*tree)});
  }
  return sniff;
}

// The sniffs of `paths`, in their order, on every core (a thread per 32 files, at most): a walk's
// files are independent, and a YAML file's sniff reads it whole, so a walk of many files would
// otherwise be one thread's work before lint's thread pool starts.
std::vector<std::optional<FileSniff>> sniff_all(const std::vector<std::string>& paths, PreReads* keep) {
  std::vector<std::optional<FileSniff>> sniffs(paths.size());
  internal::for_each_index(paths.size(), internal::query_threads(0, paths.size() / 32 + 1),
                 [&](std::size_t i) { sniffs[i] = sniffed(paths[i], keep); });
  return sniffs;
}

// A file met in a walk (or named, with filter_named): read, reported or skipped, by its sniff.
void sift(const std::string& path, const std::optional<FileSniff>& found, Discovered& out) {
  if (!found) return out.files.push_back({path, std::nullopt});
  const FileSniff& sniff = *found;
  switch (sniff.kind) {
    case FileKind::input:
      if (is_read(sniff, false)) out.files.push_back({path, std::nullopt});
      else ++out.skipped;
      return;
    case FileKind::policy_shaped:
      out.files.push_back({path, Unread{path, "TL086", false, "not read: " + sniff.looks_like}});
      return;
    case FileKind::unrecognized:
      if (sniff.mentions_role) out.files.push_back({path, Unread{path, "TL086", false, "not read, though it mentions an IAM role: " + sniff.looks_like}});
      else ++out.skipped;
      return;
  }
}

// A file named on the command line: read unless no reader takes it.
void named(const std::string& path, Discovered& out, PreReads* keep) {
  const auto found = sniffed(path, keep, true);
  if (!found) return out.files.push_back({path, std::nullopt});
  const FileSniff& sniff = *found;
  if (sniff.kind == FileKind::unrecognized) {
    out.files.push_back({path, Unread{path, "TL085", true, "not read: this looks like " + sniff.looks_like}});
  } else {
    out.files.push_back({path, std::nullopt});  // a policy with typos gets its grammar errors
  }
}

// Terraform source: HCL (.tf) or Terraform's JSON syntax (.tf.json).
bool terraform_name(const fs::path& p) {
  const std::string name = p.filename().string();
  return p.extension() == ".tf" || (name.size() > 8 && name.ends_with(".tf.json"));
}

// A .tf (or .tf.json) file named on the command line stands for its module (one directory):
// pre-commit passes only the staged files, and a staged variables.tf changes the roles of main.tf.
// The module's .tf and .tf.json files that declare an aws_iam_role are read in its place, each
// once; false when there are none (the file is then taken as any named file).
bool named_module(const std::string& path, Discovered& out) {
  const fs::path named_path(path);
  if (!terraform_name(named_path)) return false;
  const fs::path dir = named_path.parent_path();
  std::vector<std::string> roles;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (!terraform_name(it->path()) || !it->is_regular_file(type_ec)) continue;
    const std::string sibling = (dir / it->path().filename()).string();
    const auto sniff = sniffed(sibling);
    if (!sniff || sniff->mentions_role) roles.push_back(sibling);  // unreadable: read anyway (TL001)
  }
  if (roles.empty()) return false;
  std::sort(roles.begin(), roles.end());
  const auto same = [](const std::string& a, const std::string& b) { return file_identity(a) == file_identity(b); };
  for (const std::string& role_file : roles) {
    const bool listed = std::any_of(out.files.begin(), out.files.end(), [&](const DiscoveredFile& f) { return same(f.path, role_file); });
    if (!listed) out.files.push_back({role_file, std::nullopt});
  }
  return true;
}

// The .gitignore of `dir` (lines: no comments, no blank lines, trailing blanks trimmed).
std::optional<ExcludePatterns> gitignore(const fs::path& dir) {
  std::ifstream in(dir / ".gitignore");
  if (!in) return std::nullopt;
  std::vector<std::string> patterns;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    patterns.push_back(line);
  }
  return ExcludePatterns(patterns);
}

struct Ignores {
  const DiscoverOptions& options;
  ExcludePatterns defaults;
  fs::path root;
  // .gitignore files from the walked directory down to the current one, each with its directory
  // relative to root ("" for root).
  std::vector<std::pair<std::string, ExcludePatterns>> stack;

  bool ignored(const std::string& rel, bool dir) const {
    if (options.excludes.excluded(rel, dir)) return true;
    if (!options.default_excludes) return false;
    if (defaults.excluded(rel, dir)) return true;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {  // the deepest .gitignore decides
      const std::string below = it->first.empty() ? rel : rel.substr(it->first.size() + 1);
      if (auto v = it->second.verdict(below, dir)) return *v;
    }
    return false;
  }
};

// A directory that cannot be read (permissions, removed meanwhile) is a TL001 error at it, never
// skipped in silence: its files would be a silent pass.
void walk_dir(const fs::path& dir, const std::string& rel_dir, Ignores& ignores, std::vector<std::string>& found,
              Discovered& out) {
  bool pushed = false;
  if (ignores.options.default_excludes) {
    if (auto g = gitignore(dir)) {
      ignores.stack.emplace_back(rel_dir, std::move(*g));
      pushed = true;
    }
  }
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    Span at;
    at.file = dir.string();
    out.errors.push_back(make_error("TL001", "cannot read directory: " + ec.message(), at));
  }
  for (const auto& e : entries) {
    const fs::path& p = e.path();
    const std::string rel = (rel_dir.empty() ? "" : rel_dir + "/") + p.filename().string();
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      if (e.is_symlink(type_ec)) continue;  // as recursive_directory_iterator: links not followed
      if (!ignores.ignored(rel, true)) walk_dir(p, rel, ignores, found, out);
      continue;
    }
    if (!e.is_regular_file(type_ec) || !candidate_name(p) || ignores.ignored(rel, false)) continue;
    found.push_back(p.string());
  }
  if (pushed) ignores.stack.pop_back();
}

void walk(const std::string& root, const DiscoverOptions& options, Discovered& out, PreReads* keep) {
  Ignores ignores{options, ExcludePatterns(default_exclude_patterns()), root, {}};
  std::vector<std::string> found;
  walk_dir(root, "", ignores, found, out);
  std::sort(found.begin(), found.end());
  const auto sniffs = sniff_all(found, keep);
  for (std::size_t i = 0; i < found.size(); ++i) sift(found[i], sniffs[i], out);
}

}  // namespace

const std::vector<std::string>& default_exclude_patterns() {
  static const std::vector<std::string> patterns = {".git/", "node_modules/", ".terraform/", "**/cdk.out/asset.*/"};
  return patterns;
}

std::vector<std::string> Discovered::read() const {
  std::vector<std::string> out;
  for (const auto& f : files) {
    if (!f.unread) out.push_back(f.path);
  }
  return out;
}

Discovered discover_files(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  return internal::discover_files_keeping(paths, options, nullptr);
}

Discovered internal::discover_files_keeping(const std::vector<std::string>& paths, const DiscoverOptions& options,
                                            PreReads* keep) {
  Discovered out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) walk(p, options, out, keep);
    else if (p == "-" || !fs::is_regular_file(p, ec)) out.files.push_back({p, std::nullopt});
    else if (named_module(p, out)) continue;
    else if (options.filter_named) {
      if (candidate_name(p)) sift(p, sniffed(p, keep), out);
      else ++out.skipped;
    } else named(p, out, keep);
  }
  return out;
}

}  // namespace trustlint
