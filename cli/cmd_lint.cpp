// `trustlint lint`: grammar diagnostics and security findings for every policy file given
// (files or directories), configured by .trustlint.yaml files and flags. The run is the
// engine's (lint_paths.h); this file parses the flags and writes what it answers, report by
// report (lint_writer.h).
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/lint_output.h"
#include "trustlint/baseline.h"
#include "trustlint/lint_paths.h"
#include "trustlint/lint_writer.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

struct LintCli {
  LintPathsOptions run;
  bool no_default_excludes = false;
  std::string fail_on = "error";
  std::string help_uri_base = TRUSTLINT_HELP_URI_BASE;
  std::string format = "text";
  std::string color = "auto";
  std::size_t quota = 0;
  std::size_t max_states = Limits{}.max_automaton_states;
  Limits limits;
  TerraformVars tf;
};

// The run's diagnostics on stderr, as lint has always printed them: unlocated TL067 as
// "trustlint: MESSAGE", TL068 as "trustlint: lint: MESSAGE", TL087 (with the flag that accepts
// it) and TL090 as "trustlint: error: MESSAGE [CODE]", the rest as every query's.
std::string render_run_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    const bool unlocated = d.span.file.empty();
    if (unlocated && d.code == kLintOptionCode) {
      out += "trustlint: " + visible_text(d.message) + "\n";
    } else if (unlocated && d.code == kBaselineCode) {
      out += "trustlint: lint: " + visible_text(d.message) + "\n";
    } else if (unlocated && d.code == "TL087") {
      out += "trustlint: error: " + visible_text(d.message) + "; pass --allow-empty when that is expected [TL087]\n";
    } else if (unlocated && d.code == "TL090") {
      out += "trustlint: error: " + visible_text(d.message) + " [TL090]\n";
    } else {
      out += render_query_diagnostics({d});
    }
  }
  return out;
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
void write(LintWriter& writer, const LintReport& report, std::size_t max_bytes) {
  writer.add(report, writer.quotes_sources() ? quoted_sources(report, max_bytes) : SourceSnapshot{});
}

int lint_all(LintCli& o) {
  LintPathsOptions& run_options = o.run;
  run_options.default_excludes = !o.no_default_excludes;
  run_options.fail_on = parse_fail_on(o.fail_on).value_or(FailOn::error);
  run_options.prove_every_role = o.format == "markdown";  // its who-can-assume matrix of every role
  run_options.load.limits = o.limits;
  run_options.load.limits.max_automaton_states = o.max_states;
  o.tf.apply(run_options.load);
  if (o.quota) run_options.load.quota = {o.quota, true};
  const std::size_t max_bytes = o.limits.max_bytes;
  const std::unique_ptr<LintWriter> writer = stdout_writer(o);
  // --write-baseline needs every report: a document waits until the baseline is written (text is
  // printed as it goes either way).
  const bool hold = !run_options.write_baseline.empty() && o.format != "text";
  if (!hold) run_options.on_report = [&](const LintReport& report) { write(*writer, report, max_bytes); };
  const LintRun run = lint_paths(run_options);
  std::cerr << render_run_diagnostics(run.diagnostics);
  if (run.refused) return kExitBadInput;
  for (const LintReport& report : run.reports) write(*writer, report, max_bytes);  // held ones
  writer->end(run.status(), run.summary.skipped);
  if (o.format != "json" && o.format != "sarif") std::cerr << "trustlint: " << render_lint_summary_text(run.summary);
  return run.status();
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
  cmd->add_option("paths", o->run.paths, "Policies, CloudFormation templates, Terraform plans, account authorization details, or directories (- for stdin, git:REV:PATH for a file as it is at a revision)")->required();
  cmd->add_option("--team", o->run.teams, "A team the role is meant for (repeatable, or comma-separated; default: the teams the policy names)")
      ->delimiter(',');
  cmd->add_option("--config", o->run.config, "Use this configuration file instead of the nearest .trustlint.yaml");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 on findings at or above: error, warning, note or never (default error)")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  cmd->add_option("--exclude", o->run.excludes,
                  "Skip paths below a directory argument matching a .gitignore-style pattern (repeatable)");
  cmd->add_flag("--skip-unrecognized", o->run.skip_unrecognized,
                "Skip named files that hold no trust policy or IAM role, as a directory walk does (for hooks)");
  cmd->add_flag("--allow-empty", o->run.allow_empty,
                "Exit 0 when the paths hold no trust policy or IAM role at all (otherwise exit 2: nothing checked)");
  cmd->add_flag("--no-default-excludes", o->no_default_excludes,
                "Walk directories whole: ignore .gitignore files and do not skip .git, node_modules, .terraform, cdk.out/asset.*");
  cmd->add_option("--disable", o->run.disable, "Turn a rule off (id or name; repeatable, or comma-separated)")->delimiter(',');
  cmd->add_option("--enable", o->run.enable, "Turn a rule on that the configuration turned off (repeatable, or comma-separated)")
      ->delimiter(',');
  cmd->add_option("--format", o->format, "text, json, sarif, github or markdown (README \"Output formats\")")
      ->check(CLI::IsMember(kLintFormats));
  cmd->add_option("--color", o->color, "Colour the text format: auto (a terminal without NO_COLOR), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  cmd->add_option("--help-uri-base", o->help_uri_base,
                  "SARIF: each rule's helpUri is this + ID.md (default: docs/rules/ on the home page)");
  cmd->add_option("--stdin-filename", o->run.stdin_filename,
                  "The name of the file read from - (for messages, the configuration and path globs)");
  cmd->add_option("--baseline", o->run.baseline, "Leave out the findings recorded in this file (--write-baseline); report only new ones");
  cmd->add_option("--write-baseline", o->run.write_baseline,
                  "Record every unsuppressed finding's fingerprint in this file (exit 0 unless an input is bad)");
  cmd->add_option("--max-states", o->max_states, "Automaton state limit (default 200000)")->group("Limits");
  add_limit_flags(*cmd, o->limits);
  add_terraform_flags(*cmd, o->tf);
  cmd->callback([o, &exit_code] { exit_code = lint_all(*o); });
}

}  // namespace trustlint::cli
