// `trustlint lint`: grammar diagnostics for every policy file given (files or directories).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/policy_input.h"
#include "trustlint/engine.h"

namespace trustlint::cli {
namespace {

namespace fs = std::filesystem;

struct LintOptions {
  std::vector<std::string> paths;
  std::size_t quota = 0;
};

bool policy_extension(const fs::path& p) {
  const auto ext = p.extension().string();
  return ext == ".json" || ext == ".yaml" || ext == ".yml";
}

// Input-level failures (unreadable, not JSON/YAML, too large, too deep): exit 2, not 1.
bool is_input_failure(const Diagnostic& d) {
  return d.severity == Severity::error && d.code.size() == 5 && d.code.compare(0, 4, "TL00") == 0;
}

// Expands directories (recursively, sorted, *.json/*.yaml/*.yml) and keeps files as given.
std::vector<std::string> expand(const std::vector<std::string>& paths, bool& unreadable) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && policy_extension(it->path())) found.push_back(it->path().string());
      }
      if (ec) {
        std::cerr << p << ": error: cannot read directory: " << ec.message() << " [TL001]\n";
        unreadable = true;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  return files;
}

int lint_all(const LintOptions& o) {
  bool unreadable = false, errors = false;
  LoadOptions options;
  if (o.quota) options.quota = {o.quota, true};
  for (const auto& file : expand(o.paths, unreadable)) {
    auto loaded = load_policy_file(file, options);
    Diagnostics all = loaded.diagnostics();
    if (loaded.has_value() && !has_errors(all)) {
      auto compiled = compile(loaded.value());
      all.insert(all.end(), compiled.diagnostics().begin(), compiled.diagnostics().end());
    }
    for (const auto& d : all) {
      if (is_input_failure(d)) unreadable = true;
      else if (d.severity == Severity::error) errors = true;
    }
    print_diagnostics(all);
  }
  return unreadable ? kExitBadInput : errors ? kExitFindings : kExitOk;
}

}  // namespace

void register_lint(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<LintOptions>();
  CLI::App* cmd = app.add_subcommand("lint", "Is the policy valid? Grammar diagnostics for each file (exit 0 clean, 1 errors, 2 unreadable input)");
  cmd->footer(
      "Examples:\n"
      "  trustlint lint trust-policy.json\n"
      "  trustlint lint infra/policies/          # every *.json, *.yaml, *.yml below");
  cmd->add_option("paths", o->paths, "Policy files or directories (- for stdin)")->required();
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  cmd->callback([o, &exit_code] { exit_code = lint_all(*o); });
}

}  // namespace trustlint::cli
