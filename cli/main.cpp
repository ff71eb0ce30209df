// trustlint's entry point: builds the CLI11 app from the verbs and dispatches.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "trustlint/engine.h"

int main(int argc, char** argv) {
  using namespace trustlint::cli;
  CLI::App app{
      "trustlint: exact answers about AWS role trust policies federated to Vercel OIDC.\n"
      "  lint  is the policy valid and safe?\n"
      "  can   can this deployment assume the role?\n"
      "  who   which deployments can assume it?\n"
      "  diff  what does a change let in that was kept out before?\n"
      "  test  do the promises in *.trustspec.yaml files hold? (proven)\n"
      "  rules the lint rules and what each one proves\n"
      "Example: trustlint can fixtures/good/vercel-docs-production.json --team acme --project web --env production",
      "trustlint"};
  app.set_version_flag("--version", std::string("trustlint ") + trustlint::version());
  app.require_subcommand(1);
  int exit_code = kExitOk;
  register_can(app, exit_code);
  register_diff(app, exit_code);
  register_lint(app, exit_code);
  register_rules(app, exit_code);
  register_test(app, exit_code);
  register_who(app, exit_code);
  if (argc == 1) {
    std::cerr << app.help();
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitBadInput;
  }
  return exit_code;
}
