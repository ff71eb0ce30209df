// One registration function per verb; main() only dispatches. Each verb's options live in its
// own file (cmd_<verb>.cpp) and its run function returns an ExitCode.
#pragma once

#include <CLI/CLI.hpp>

namespace trustlint::cli {

void register_can(CLI::App& app, int& exit_code);
void register_diff(CLI::App& app, int& exit_code);
void register_lint(CLI::App& app, int& exit_code);
void register_rules(CLI::App& app, int& exit_code);
void register_test(CLI::App& app, int& exit_code);
void register_who(CLI::App& app, int& exit_code);

}  // namespace trustlint::cli
