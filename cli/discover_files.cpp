// discover_files (discover_files.h): the recursive walk, the extension filter, the exclusions
// and the content sniff.
#include "cli/discover_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "trustlint/lint_config.h"
#include "trustlint/options.h"

namespace trustlint::cli {
namespace {

namespace fs = std::filesystem;

bool candidate_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return (ext == ".json" || ext == ".yaml" || ext == ".yml" || ext == ".template" || ext == ".tf") &&
         p.filename() != kLintConfigName;
}

// Reads at most the input limit (a larger file is checked anyway when it looks right, and then
// gets its TL002); an unreadable file is kept so that lint reports it (TL001).
bool looks_right(const fs::path& p) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(p, ec);
  std::ifstream in(p, std::ios::binary);
  if (ec || !in) return true;
  std::string text(static_cast<std::size_t>(std::min<std::uintmax_t>(size, Limits{}.max_bytes)), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  // A .tf file is read with the rest of its directory (one module): the files that declare a
  // role are linted; variables.tf, locals and policy documents are read through them.
  if (p.extension() == ".tf") return text.find("\"aws_iam_role\"") != std::string::npos;
  return looks_like_trust_policy_source(text);
}

void walk(const std::string& root, const ExcludePatterns& excludes, Discovered& out) {
  std::vector<std::string> found;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    const bool dir = it->is_directory(type_ec);
    const std::string rel = p.lexically_relative(root).generic_string();
    if (dir && (p.filename() == ".git" || excludes.excluded(rel, true))) {
      it.disable_recursion_pending();
      continue;
    }
    if (dir || !it->is_regular_file(type_ec) || !candidate_name(p)) continue;
    if (excludes.excluded(rel, false) || !looks_right(p)) continue;
    found.push_back(p.string());
  }
  if (ec) out.errors.push_back(root + ": error: cannot read directory: " + ec.message() + " [TL001]");
  std::sort(found.begin(), found.end());
  out.files.insert(out.files.end(), found.begin(), found.end());
}

}  // namespace

bool looks_like_trust_policy_source(std::string_view text) {
  for (std::string_view marker : {"AWS::IAM::Role", "aws_iam_role", "aws_iam_policy_document", "RoleDetailList"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  // A plain policy: a trust policy names a Principal; an identity policy (no Principal) is not
  // one and would only collect "missing Principal" errors.
  return text.find("Statement") != std::string_view::npos && text.find("Principal") != std::string_view::npos;
}

Discovered discover_files(const std::vector<std::string>& paths, const ExcludePatterns& excludes, bool filter_named) {
  Discovered out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) walk(p, excludes, out);
    else if (!filter_named || p == "-" || !fs::is_regular_file(p, ec) || (candidate_name(p) && looks_right(p))) out.files.push_back(p);
  }
  return out;
}

}  // namespace trustlint::cli
