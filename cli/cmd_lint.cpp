// `trustlint lint`: grammar diagnostics and security findings for every policy file given
// (files or directories), configured by .trustlint.yaml files and flags.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/policy_input.h"
#include "trustlint/lint_config.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

namespace fs = std::filesystem;

struct LintCli {
  std::vector<std::string> paths;
  std::vector<std::string> teams;
  std::vector<std::string> disable, enable;
  std::string config;
  std::string fail_on = "error";
  std::string format = "text";
  std::size_t quota = 0;
};

bool policy_file(const fs::path& p) {
  const auto ext = p.extension().string();
  return (ext == ".json" || ext == ".yaml" || ext == ".yml") && p.filename() != kLintConfigName;
}

// Expands directories (recursively, sorted) and keeps files as given.
std::vector<std::string> expand(const std::vector<std::string>& paths, bool& unreadable) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && policy_file(it->path())) found.push_back(it->path().string());
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

// Configurations by path, loaded once each; nullptr after an error (already printed).
class ConfigCache {
 public:
  const LintConfig* get(const std::string& path, bool& bad) {
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      auto loaded = load_lint_config(path);
      if (!loaded.ok()) {
        print_diagnostics(loaded.diagnostics());
        bad = true;
        it = cache_.emplace(path, std::nullopt).first;
      } else {
        it = cache_.emplace(path, std::move(loaded).value()).first;
      }
    }
    return it->second ? &*it->second : nullptr;
  }

 private:
  std::map<std::string, std::optional<LintConfig>> cache_;
};

bool fails(const LintReport& r, const std::string& fail_on) {
  if (fail_on == "never") return false;
  const int threshold = fail_on == "error" ? 0 : fail_on == "warning" ? 1 : 2;
  return std::any_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
    return !f.suppressed && static_cast<int>(f.severity) <= threshold;
  });
}

bool rule_flags(const LintCli& o, LintOptions& base) {
  for (const auto& [ids, off] : {std::pair{&o.disable, true}, std::pair{&o.enable, false}}) {
    for (const auto& id : *ids) {
      const RuleInfo* info = find_rule(id);
      if (info == nullptr) {
        std::cerr << "trustlint: unknown rule \"" << id << "\" (trustlint rules lists them)\n";
        return false;
      }
      base.rules[info->id].off = off;
    }
  }
  return true;
}

// Lints every file that has options, on as many threads as there are cores (at most 8; files
// are independent and lint_file is safe from several threads). Reports come back in file order.
std::vector<std::optional<LintReport>> lint_files(const std::vector<std::string>& files,
                                                  const std::vector<std::optional<LintOptions>>& options,
                                                  const LoadOptions& load) {
  std::vector<std::optional<LintReport>> reports(files.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (options[i]) reports[i] = lint_file(files[i], *options[i], load);
    }
  };
  const std::size_t threads = std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, files.size()});
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return reports;
}

int lint_all(const LintCli& o) {
  LintOptions base;
  base.teams = o.teams;
  if (!rule_flags(o, base)) return kExitBadInput;
  LoadOptions load;
  if (o.quota) load.quota = {o.quota, true};
  bool bad_input = false;
  ConfigCache configs;
  std::optional<std::string> fixed_config;
  if (!o.config.empty()) fixed_config = o.config;
  const auto files = expand(o.paths, bad_input);
  // Options per file, in order (configurations load once each, their errors print in order);
  // no options = skipped, its configuration is invalid.
  std::vector<std::optional<LintOptions>> per_file;
  per_file.reserve(files.size());
  for (const auto& file : files) {
    const std::optional<std::string> config_path = fixed_config ? fixed_config : find_lint_config(file);
    if (!config_path) {
      per_file.emplace_back(base);
      continue;
    }
    const LintConfig* config = configs.get(*config_path, bad_input);
    per_file.push_back(config == nullptr ? std::nullopt : std::optional(lint_options_for(*config, file, base)));
  }
  std::vector<std::optional<LintReport>> linted = lint_files(files, per_file, load);
  std::vector<LintReport> reports;
  bool failed = false;
  for (auto& report : linted) {
    if (!report) continue;
    bad_input = bad_input || report->input_failed;
    failed = failed || fails(*report, o.fail_on);
    if (o.format == "text") std::cout << render_lint_text(*report);
    reports.push_back(std::move(*report));
  }
  const int code = bad_input ? kExitBadInput : failed ? kExitFindings : kExitOk;
  if (o.format == "json") std::cout << render_lint_json(reports, o.fail_on, code);
  return code;
}

}  // namespace

void register_lint(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<LintCli>();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Is the policy valid and safe? Grammar diagnostics and security findings (exit 0 clean, 1 findings at or above --fail-on, 2 bad input)");
  cmd->footer(
      "Examples:\n"
      "  trustlint lint trust-policy.json\n"
      "  trustlint lint infra/policies/ --team acme          # every *.json, *.yaml, *.yml below\n"
      "  trustlint lint policy.json --format json --fail-on warning\n"
      "Configuration: the nearest .trustlint.yaml above each file (README \"Configuration\").");
  cmd->add_option("paths", o->paths, "Policy files or directories (- for stdin)")->required();
  cmd->add_option("--team", o->teams, "A team the role is meant for (repeatable; default: the teams the policy names)");
  cmd->add_option("--config", o->config, "Use this configuration file instead of the nearest .trustlint.yaml");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 on findings at or above: error, warning, note or never (default error)")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  cmd->add_option("--disable", o->disable, "Turn a rule off (id or name; repeatable)");
  cmd->add_option("--enable", o->enable, "Turn a rule on that the configuration turned off (repeatable)");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  cmd->callback([o, &exit_code] { exit_code = lint_all(*o); });
}

}  // namespace trustlint::cli
