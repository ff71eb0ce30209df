// build_app(): the whole `trustlint` command line in one place — every verb registered on one
// CLI11 App, then one rule applied to every option of every verb (option_rules.h): an option
// takes exactly one value per occurrence, so it never swallows a file name. main() and the
// generated option-order test (tests/unit/cli/option_order_test.cpp) both call it.
#pragma once

#include <CLI/CLI.hpp>

namespace trustlint::cli {

// Registers every verb on `app`; a verb's callback writes its exit code into `exit_code`, which
// must outlive app.parse().
void build_app(CLI::App& app, int& exit_code);

// Every option takes one value per occurrence (repeat the option for more), never extra
// arguments, on `app` and each of its subcommands. build_app() calls it last, so verbs added
// later get the same rule without doing anything.
void one_value_per_occurrence(CLI::App& app);

// app.parse(argc, argv), except that `--` after the verb ends its options wherever the verb's
// files are (CLI11 2.1 alone rejects `lint a.json -- b.json`). Throws CLI::ParseError as parse.
void parse_command_line(CLI::App& app, int argc, char** argv);

}  // namespace trustlint::cli
