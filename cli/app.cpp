// build_app (app.h): the verbs on one CLI11 App and the one-value-per-occurrence rule.
#include "cli/app.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "trustlint/engine.h"

namespace trustlint::cli {

void one_value_per_occurrence(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_positional() || opt->get_expected_max() == 0) continue;  // files; flags
    // A vector option is declared by CLI11 as "as many values as follow": it would read the
    // files after it as more values. One per occurrence instead, every occurrence kept.
    if (opt->get_expected_max() > 1 || opt->get_allow_extra_args()) {
      opt->expected(1);
      opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    opt->allow_extra_args(false);
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) one_value_per_occurrence(*sub);
}

void build_app(CLI::App& app, int& exit_code) {
  app.description(
      "trustlint: exact answers about AWS role trust policies federated to Vercel OIDC.\n"
      "  lint  is the policy valid and safe?\n"
      "  can   can this deployment assume the role?\n"
      "  who   which deployments can assume it?\n"
      "  diff  what does a change let in that was kept out before?\n"
      "  test  do the promises in *.trustspec.yaml files hold? (proven)\n"
      "  rules the lint rules and what each one proves\n"
      "Example: trustlint can fixtures/good/vercel-docs-production.json --team acme --project web --env production\n"
      "Options take one value each (repeat them: --team acme --team globex); `--` ends the options.");
  app.set_version_flag("--version", std::string("trustlint ") + trustlint::version());
  app.require_subcommand(1);
  register_can(app, exit_code);
  register_diff(app, exit_code);
  register_lint(app, exit_code);
  register_rules(app, exit_code);
  register_test(app, exit_code);
  register_who(app, exit_code);
  one_value_per_occurrence(app);
}

void parse_command_line(CLI::App& app, int argc, char** argv) {
  // CLI11 2.1 hands `--` back to the parent App once a verb's positionals have a value (`lint
  // a.json -- b.json` would fail); parsed on its own, the verb treats `--` as the end of options.
  if (argc > 2) {
    CLI::App* verb = nullptr;
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == argv[1]) verb = sub;
    }
    const bool dash_dash = std::any_of(argv + 2, argv + argc, [](const char* a) { return std::string_view(a) == "--"; });
    if (verb != nullptr && dash_dash) {
      verb->parse(argc - 1, argv + 1);
      return;
    }
  }
  app.parse(argc, argv);
}

}  // namespace trustlint::cli
