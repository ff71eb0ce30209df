// `trustlint test [SPEC...]`: proves the expectations of *.trustspec.yaml files (named, or found
// below the directories given; default: the working directory) against their policies, and
// reports like a test runner. Exit 0 all hold, 1 one fails, 2 a spec or its policy is unreadable
// or invalid.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "trustlint/test_report.h"
#include "trustlint/spec.h"

namespace trustlint::cli {
namespace {

struct TestOptionsCli {
  std::vector<std::string> paths;
  std::string format = "text";
  std::size_t max_states = Limits{}.max_automaton_states;
  Limits limits;
};

int run_test(const TestOptionsCli& o) {
  Diagnostics errors;
  const auto files = find_spec_files(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, errors);
  print_diagnostics(errors);
  WhoOptions options;
  options.limits = o.limits;
  options.limits.max_automaton_states = o.max_states;
  std::vector<SpecResult> results;
  for (const auto& f : files) {
    results.push_back(run_spec(f, options));
    print_diagnostics(results.back().diagnostics);
  }
  if (files.empty() && errors.empty()) print_diagnostics({no_spec_found()});
  const int code = test_exit_code(results, !errors.empty());
  if (o.format == "json") std::cout << render_test_json(results, code);
  else if (o.format == "junit") std::cout << render_test_junit(results);
  else std::cout << render_test_text(results);
  return code;
}

}  // namespace

void register_test(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<TestOptionsCli>();
  CLI::App* cmd = app.add_subcommand(
      "test", "Prove the expectations of *.trustspec.yaml files (exit 0 all hold, 1 one fails, 2 a spec or policy is invalid)");
  cmd->footer(
      "Examples:\n"
      "  trustlint test                       # every *.trustspec.yaml below the working directory\n"
      "  trustlint test specs/ prod.trustspec.yaml\n"
      "  trustlint test specs/ --format junit > trustlint-junit.xml");
  cmd->add_option("specs", o->paths, "Spec files, or directories searched for *.trustspec.yaml (default: .)");
  cmd->add_option("--format", o->format, "text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("--max-states", o->max_states, "Automaton state limit (default 200000)");
  add_limit_flags(*cmd, o->limits);
  cmd->callback([o, &exit_code] { exit_code = run_test(*o); });
}

}  // namespace trustlint::cli
