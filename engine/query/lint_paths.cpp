// lint_paths() (trustlint/lint_paths.h): a whole lint run. The inputs are found, each file gets
// its options (the flags, then its configuration, loaded once per configuration), the files are
// linted (lint_paths_files.cpp), and the reports are gathered in command-line order with the
// baseline applied; what could not be used is a diagnostic, never a silent pass.
#include "trustlint/lint_paths.h"

#include <filesystem>
#include <map>
#include <optional>

#include "query/lint_paths_impl.h"
#include "trustlint/baseline.h"
#include "trustlint/discover.h"
#include "trustlint/git_input.h"
#include "trustlint/lint_config.h"
#include "trustlint/lint_writer.h"
#include "trustlint/sources.h"

namespace trustlint {
namespace {

Diagnostic unlocated(const char* code, std::string message) { return make_error(code, std::move(message), Span{}); }

// Configurations by path, loaded once each; nullptr after an error (in `diagnostics`, once).
class ConfigCache {
 public:
  const LintConfig* get(const std::string& path, Diagnostics& diagnostics) {
    auto it = cache_.find(path);
    if (it == cache_.end()) {
      auto loaded = load_lint_config(path);
      if (!loaded.ok()) {
        const Diagnostics& said = loaded.diagnostics();
        diagnostics.insert(diagnostics.end(), said.begin(), said.end());
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

// The options every file starts from: expected teams, limits, the rule flags. nullopt after a
// TL090 or TL067 error.
std::optional<LintOptions> base_options(const LintPathsOptions& o, Diagnostics& diagnostics) {
  // A team Vercel never issues ('' or 'acmé') would make every team of the policy "another
  // team": refused as the configuration's `teams` are.
  if (auto bad = check_expected_teams(o.teams)) {
    diagnostics.push_back(std::move(*bad));
    return std::nullopt;
  }
  LintOptions base;
  base.teams = o.teams;
  base.limits = o.load.limits;
  base.prove_every_role = o.prove_every_role;
  for (const auto& [ids, off] : {std::pair{&o.disable, true}, std::pair{&o.enable, false}}) {
    for (const auto& id : *ids) {
      const RuleInfo* info = find_rule(id);
      if (info == nullptr) {
        diagnostics.push_back(unlocated(kLintOptionCode, "unknown rule \"" + visible_text(id) + "\" (trustlint rules lists them)"));
        return std::nullopt;
      }
      base.rules[info->id].off = off;
    }
  }
  return base;
}

// The file a configuration is looked up for and path globs match: "-" under --stdin-filename,
// git:REV:PATH as PATH in the working tree.
std::string configured_as(const std::string& listed, const LintPathsOptions& o) {
  if (listed == "-" && !o.stdin_filename.empty()) return o.stdin_filename;
  if (is_git_input(listed)) {
    const auto colon = listed.find(':', 4);
    if (colon != std::string::npos) return listed.substr(colon + 1);
  }
  return listed;
}

// find_lint_config() looked up once per directory: a walk's files share a few directories, and
// each lookup stats every parent (a thousand files in one directory were six thousand stats).
class ConfigLookup {
 public:
  std::optional<std::string> nearest(const std::string& file) {
    if (file == "-") return find_lint_config(file);
    std::error_code ec;
    std::string dir = std::filesystem::absolute(file, ec).lexically_normal().parent_path().string();
    if (ec) return find_lint_config(file);
    auto it = by_dir_.find(dir);
    if (it == by_dir_.end()) it = by_dir_.emplace(std::move(dir), find_lint_config(file)).first;
    return it->second;
  }

 private:
  std::map<std::string, std::optional<std::string>> by_dir_;
};

// Options per file, in order (configurations load once each, their errors in order); none =
// skipped, its configuration is unusable.
std::vector<std::optional<LintOptions>> options_per_file(const std::vector<std::string>& files, const LintOptions& base,
                                                         const LintPathsOptions& o, LintRun& run) {
  ConfigCache configs;
  ConfigLookup lookup;
  std::vector<std::optional<LintOptions>> per_file;
  per_file.reserve(files.size());
  for (const auto& listed : files) {
    const std::string file = configured_as(listed, o);
    const std::optional<std::string> config_path = !o.config.empty() ? std::optional(o.config) : lookup.nearest(file);
    if (!config_path) {
      per_file.emplace_back(base);
      continue;
    }
    const std::size_t before = run.diagnostics.size();
    const LintConfig* config = configs.get(*config_path, run.diagnostics);
    if (run.diagnostics.size() != before) run.bad_input = true;
    per_file.push_back(config == nullptr ? std::nullopt : std::optional(lint_options_for(*config, file, base)));
  }
  return per_file;
}

}  // namespace

LintRun lint_paths(const LintPathsOptions& o) {
  LintRun run;
  const auto refuse = [&run] {
    run.refused = true;
    return std::move(run);
  };
  const std::optional<LintOptions> base = base_options(o, run.diagnostics);
  if (!base) return refuse();
  // The walk reads each file to judge it: what it parsed of the files to be read is kept for them
  // when lint would read them the same way (the walk judges with the default reader and limits).
  internal::PreReads pre_reads;
  const bool same_reading = o.load.format == InputFormat::auto_detect && o.load.limits == Limits{};
  internal::PreReads* const keep = same_reading ? &pre_reads : nullptr;
  const Discovered discovered = internal::discover_files_keeping(
      o.paths, DiscoverOptions{ExcludePatterns(o.excludes), o.skip_unrecognized, o.default_excludes}, keep);
  run.diagnostics.insert(run.diagnostics.end(), discovered.errors.begin(), discovered.errors.end());
  run.bad_input = !discovered.errors.empty();
  const std::vector<std::string> files = discovered.read();
  const auto per_file = options_per_file(files, *base, o, run);
  Baseline baseline;
  if (!o.baseline.empty()) {
    if (const std::string error = load_baseline(o.baseline, baseline); !error.empty()) {
      run.diagnostics.push_back(unlocated(kBaselineCode, error));
      return refuse();
    }
  }
  const std::size_t max_bytes = o.load.limits.max_bytes;
  LintTally tally;
  std::vector<LintReport> for_baseline;  // handed on, and kept only for --write-baseline
  const auto take = [&](LintReport report) {
    if (!o.stdin_filename.empty()) internal::name_stdin(report, o.stdin_filename);
    if (!o.baseline.empty()) apply_baseline(report, baseline, max_bytes);
    run.bad_input = run.bad_input || report.input_failed;
    run.failed = run.failed || fails(report, o.fail_on);
    tally.add(report);
    if (!o.on_report) {
      run.reports.push_back(std::move(report));
      return;
    }
    o.on_report(report);
    if (!o.write_baseline.empty()) for_baseline.push_back(std::move(report));
  };
  // In command-line order: the files read (their reports) and the files reported unread, each as
  // soon as it is linted. A file that a Terraform role read (file(), templatefile()) is reported
  // through that role only, so the files that can read others are linted first and read through.
  std::vector<std::size_t> readers;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (internal::may_read_others(files[i])) readers.push_back(i);
  }
  internal::FileLinter linter(files, per_file, o.load, o.threads, readers, keep);
  std::vector<std::optional<std::vector<LintReport>>> early(files.size());
  std::set<std::string> read_through;
  for (std::size_t i : readers) {
    early[i] = linter.take(i);
    if (early[i]) internal::add_files_read_through(files[i], *early[i], read_through);
  }
  std::size_t next_read = 0;
  for (const auto& file : discovered.files) {
    if (file.unread) {
      take(internal::unread_report(*file.unread));
      continue;
    }
    const std::size_t i = next_read++;
    auto file_reports = internal::may_read_others(files[i]) ? std::move(early[i]) : linter.take(i);
    if (!file_reports || (!read_through.empty() && read_through.count(file_identity(file.path)) != 0)) continue;
    for (LintReport& report : *file_reports) take(std::move(report));
  }
  run.summary = tally.summary(discovered.skipped);
  if (!o.write_baseline.empty()) {
    const std::vector<LintReport>& all = o.on_report ? for_baseline : run.reports;
    if (const std::string error = write_baseline(o.write_baseline, all, max_bytes); !error.empty()) {
      run.diagnostics.push_back(unlocated(kBaselineCode, error));
      return refuse();
    }
    run.failed = false;  // recorded: the findings are accepted as they are
  }
  // Nothing checked is not a pass (unless asked for): no role in any of the paths given.
  if (run.summary.roles == 0 && !o.allow_empty) {
    run.nothing_checked = true;
    if (!run.bad_input) {
      const std::size_t skipped = run.summary.skipped;
      run.diagnostics.push_back(unlocated(
          "TL087", "nothing checked: no trust policy or IAM role in the paths given" +
                       (skipped ? " (" + std::to_string(skipped) + " skipped: no trust policy)" : std::string())));
    }
  }
  return run;
}

}  // namespace trustlint
