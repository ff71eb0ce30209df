// trustlint's entry point: builds the CLI11 app (app.h) and dispatches.
#include <iostream>

#include "cli/app.h"
#include "cli/exit_code.h"
#include "cli/output_check.h"
#include "cli/usage_error.h"

int main(int argc, char** argv) {
  using namespace trustlint::cli;
  CLI::App app{"", "trustlint"};
  int exit_code = kExitOk;
  build_app(app, exit_code);
  if (argc == 1) {
    std::cerr << app.help();
    return kExitBadInput;
  }
  try {
    parse_command_line(app, argc, argv);
  } catch (const CLI::ParseError& e) {
    return report_usage_error(app, e, argc, argv);
  }
  return stdout_written() ? exit_code : kExitBadInput;
}
