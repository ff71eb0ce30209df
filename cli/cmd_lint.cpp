// `trustlint lint`: grammar diagnostics and security findings for every policy file given
// (files or directories), configured by .trustlint.yaml files and flags.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "trustlint/discover.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/lint_output.h"
#include "cli/policy_input.h"
#include "trustlint/baseline.h"
#include "trustlint/lint_config.h"
#include "trustlint/lint_writer.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"
#include "trustlint/sources.h"

namespace trustlint::cli {
namespace {

struct LintCli {
  std::vector<std::string> paths;
  std::vector<std::string> teams;
  std::vector<std::string> disable, enable;
  std::vector<std::string> excludes;
  bool skip_unrecognized = false;
  bool allow_empty = false;
  bool no_default_excludes = false;
  std::string config;
  std::string help_uri_base = TRUSTLINT_HELP_URI_BASE;
  std::string baseline, write_baseline;
  std::string stdin_filename;
  std::string fail_on = "error";
  std::string format = "text";
  std::string color = "auto";
  std::size_t quota = 0;
  Limits limits;
  TerraformVars tf;
};

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

bool rule_flags(const LintCli& o, LintOptions& base) {
  for (const auto& [ids, off] : {std::pair{&o.disable, true}, std::pair{&o.enable, false}}) {
    for (const auto& id : *ids) {
      const RuleInfo* info = find_rule(id);
      if (info == nullptr) {
        std::cerr << "trustlint: unknown rule \"" << visible_text(id) << "\" (trustlint rules lists them)\n";
        return false;
      }
      base.rules[info->id].off = off;
    }
  }
  return true;
}

// The writer of --format, to stdout: each report is written (or, for what a format puts after
// the counts, kept as text) as it is taken, and then dropped.
std::unique_ptr<LintWriter> stdout_writer(const LintCli& o) {
  LintWriterOptions options;
  options.fail_on = o.fail_on;
  options.sarif = SarifOptions{version(), TRUSTLINT_HOMEPAGE_URL, o.help_uri_base};
  options.text = LintTextOptions{stdout_color(o.color)};
  return make_lint_writer(o.format, std::cout, options);
}

// One report to the writer, with the texts it quotes when it quotes any.
void write(LintWriter& writer, const LintReport& report, const LoadOptions& load) {
  writer.add(report, writer.quotes_sources() ? quoted_sources(report, load.limits.max_bytes) : SourceSnapshot{});
}

// Lints every file that has options, on as many threads as there are cores (at most 8; files
// are independent and lint_sources is safe from several threads). Reports come back in file
// order, each file's roles in file order.
std::vector<std::optional<std::vector<LintReport>>> lint_files(const std::vector<std::string>& files,
                                                               const std::vector<std::optional<LintOptions>>& options,
                                                               const LoadOptions& load) {
  std::vector<std::optional<std::vector<LintReport>>> reports(files.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (options[i]) reports[i] = lint_input(Input::file(files[i]), *options[i], load);
    }
  };
  const std::size_t threads = std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, files.size()});
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return reports;
}

// One spelling per file (./a/b.json, a/b.json and /abs/a/b.json are one): the engine's.
std::string same_file_key(const std::string& path) { return file_identity(path); }

// The files that roles read besides their own (LintReport::read_files), as same_file_key gives them.
// (`files[i]` is the file linted[i] was read from; a role's report names the file its policy is in.)
std::set<std::string> files_read_through(const std::vector<std::string>& files,
                                         const std::vector<std::optional<std::vector<LintReport>>>& linted) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < linted.size(); ++i) {
    if (!linted[i]) continue;
    for (const LintReport& r : *linted[i]) {
      for (const std::string& f : r.read_files) {
        if (same_file_key(f) != same_file_key(files[i])) out.insert(same_file_key(f));
      }
    }
  }
  return out;
}

// A file reported instead of read (discover.h): its one finding at 1:1.
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

// Input read from "-" takes the name --stdin-filename gives (messages, JSON, SARIF, baselines).
void name_stdin(LintReport& report, const std::string& name) {
  if (report.file == "<stdin>" || report.file == "-") report.file = name;
  for (Finding& f : report.findings) {
    if (f.span.file == "<stdin>") f.span.file = name;
  }
}

int lint_all(const LintCli& o) {
  // A team Vercel never issues ('' or 'acmé') would make every team of the policy "another
  // team": refused as the configuration's `teams` are.
  if (auto bad = check_expected_teams(o.teams)) {
    std::cerr << "trustlint: error: " << bad->message << " [" << bad->code << "]\n";
    return kExitBadInput;
  }
  LintOptions base;
  base.teams = o.teams;
  base.limits = o.limits;
  base.prove_every_role = o.format == "markdown";  // its who-can-assume matrix of every role
  if (!rule_flags(o, base)) return kExitBadInput;
  LoadOptions load;
  load.limits = o.limits;
  o.tf.apply(load);
  if (o.quota) load.quota = {o.quota, true};
  bool bad_input = false;
  ConfigCache configs;
  std::optional<std::string> fixed_config;
  if (!o.config.empty()) fixed_config = o.config;
  const Discovered discovered =
      discover_files(o.paths, DiscoverOptions{ExcludePatterns(o.excludes), o.skip_unrecognized, !o.no_default_excludes});
  for (const auto& e : discovered.errors) std::cerr << visible_text(e) << "\n";
  bad_input = bad_input || !discovered.errors.empty();
  const std::vector<std::string> files = discovered.read();
  // Options per file, in order (configurations load once each, their errors print in order);
  // no options = skipped, its configuration is invalid.
  std::vector<std::optional<LintOptions>> per_file;
  per_file.reserve(files.size());
  for (const auto& listed : files) {
    // "-" is linted as --stdin-filename says: its configuration, path globs and name in messages
    const std::string& file = listed == "-" && !o.stdin_filename.empty() ? o.stdin_filename : listed;
    const std::optional<std::string> config_path = fixed_config ? fixed_config : find_lint_config(file);
    if (!config_path) {
      per_file.emplace_back(base);
      continue;
    }
    const LintConfig* config = configs.get(*config_path, bad_input);
    per_file.push_back(config == nullptr ? std::nullopt : std::optional(lint_options_for(*config, file, base)));
  }
  Baseline baseline;
  if (!o.baseline.empty()) {
    if (const std::string error = load_baseline(o.baseline, baseline); !error.empty()) {
      std::cerr << "trustlint: lint: " << visible_text(error) << "\n";
      return kExitBadInput;
    }
  }
  auto linted = lint_files(files, per_file, load);
  const std::unique_ptr<LintWriter> writer = stdout_writer(o);
  // --write-baseline needs every report; the document waits until the baseline is written
  // (text is printed as it goes either way).
  const bool hold = !o.write_baseline.empty();
  std::vector<LintReport> reports;
  LintTally tally;
  bool failed = false;
  const auto take = [&](LintReport report) {
    if (!o.stdin_filename.empty()) name_stdin(report, o.stdin_filename);
    if (!o.baseline.empty()) apply_baseline(report, baseline, load.limits.max_bytes);
    bad_input = bad_input || report.input_failed;
    failed = failed || fails(report, parse_fail_on(o.fail_on).value_or(FailOn::error));
    tally.add(report);
    if (!hold || o.format == "text") write(*writer, report, load);
    if (hold) reports.push_back(std::move(report));
  };
  // In command-line order: the files read (their reports) and the files reported unread. A file
  // that a Terraform role read (file(), templatefile()) is reported through that role only.
  const std::set<std::string> read_through = files_read_through(files, linted);
  std::size_t next_read = 0;
  for (const auto& file : discovered.files) {
    if (file.unread) {
      take(unread_report(*file.unread));
      continue;
    }
    auto& file_reports = linted[next_read++];
    if (!file_reports || read_through.count(same_file_key(file.path)) != 0) continue;
    for (LintReport& report : *file_reports) take(std::move(report));
    file_reports.reset();
  }
  if (!o.write_baseline.empty()) {
    if (const std::string error = write_baseline(o.write_baseline, reports, load.limits.max_bytes); !error.empty()) {
      std::cerr << "trustlint: lint: " << visible_text(error) << "\n";
      return kExitBadInput;
    }
    failed = false;  // recorded: the findings are accepted as they are
    if (o.format != "text") {
      for (const LintReport& report : reports) write(*writer, report, load);
    }
  }
  const LintSummary summary = tally.summary(discovered.skipped);
  // Nothing checked is not a pass (unless asked for): no role in any of the paths given.
  const bool empty = summary.roles == 0 && !o.allow_empty;
  if (empty && !bad_input) {
    std::cerr << "trustlint: error: nothing checked: no trust policy or IAM role in the paths given"
              << (summary.skipped ? " (" + std::to_string(summary.skipped) + " skipped: no trust policy)" : "")
              << "; pass --allow-empty when that is expected [TL087]\n";
  }
  const int code = bad_input || empty ? kExitBadInput : failed ? kExitFindings : kExitOk;
  writer->end(code, discovered.skipped);
  if (o.format != "json" && o.format != "sarif") std::cerr << "trustlint: " << render_lint_summary_text(summary);
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
      "  trustlint lint infra/ --team acme --exclude 'legacy/'   # policies, CloudFormation, Terraform plans below\n"
      "  trustlint lint template.yaml plan.json account-authorization-details.json\n"
      "  trustlint lint policy.json --format json --fail-on warning\n"
      "  trustlint lint infra/ --format sarif > trustlint.sarif   # GitHub code scanning\n"
      "Configuration: the nearest .trustlint.yaml above each file (README \"Configuration\").");
  cmd->add_option("paths", o->paths, "Policies, CloudFormation templates, Terraform plans, account authorization details, or directories (- for stdin)")->required();
  cmd->add_option("--team", o->teams, "A team the role is meant for (repeatable, or comma-separated; default: the teams the policy names)")
      ->delimiter(',');
  cmd->add_option("--config", o->config, "Use this configuration file instead of the nearest .trustlint.yaml");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 on findings at or above: error, warning, note or never (default error)")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  cmd->add_option("--exclude", o->excludes,
                  "Skip paths below a directory argument matching a .gitignore-style pattern (repeatable)");
  cmd->add_flag("--skip-unrecognized", o->skip_unrecognized,
                "Skip named files that hold no trust policy or IAM role, as a directory walk does (for hooks)");
  cmd->add_flag("--allow-empty", o->allow_empty,
                "Exit 0 when the paths hold no trust policy or IAM role at all (otherwise exit 2: nothing checked)");
  cmd->add_flag("--no-default-excludes", o->no_default_excludes,
                "Walk directories whole: ignore .gitignore files and do not skip .git, node_modules, .terraform, cdk.out/asset.*");
  cmd->add_option("--disable", o->disable, "Turn a rule off (id or name; repeatable, or comma-separated)")->delimiter(',');
  cmd->add_option("--enable", o->enable, "Turn a rule on that the configuration turned off (repeatable, or comma-separated)")
      ->delimiter(',');
  cmd->add_option("--format", o->format, "text, json, sarif, github or markdown (README \"Output formats\")")
      ->check(CLI::IsMember(kLintFormats));
  cmd->add_option("--color", o->color, "Colour the text format: auto (a terminal without NO_COLOR), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  cmd->add_option("--help-uri-base", o->help_uri_base,
                  "SARIF: each rule's helpUri is this + ID.md (default: docs/rules/ on the home page)");
  cmd->add_option("--stdin-filename", o->stdin_filename,
                  "The name of the file read from - (for messages, the configuration and path globs)");
  cmd->add_option("--baseline", o->baseline, "Leave out the findings recorded in this file (--write-baseline); report only new ones");
  cmd->add_option("--write-baseline", o->write_baseline,
                  "Record every unsuppressed finding's fingerprint in this file (exit 0 unless an input is bad)");
  add_limit_flags(*cmd, o->limits);
  add_terraform_flags(*cmd, o->tf);
  cmd->callback([o, &exit_code] { exit_code = lint_all(*o); });
}

}  // namespace trustlint::cli
