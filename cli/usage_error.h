// Usage errors the way users read them: "trustlint: unknown verb "lnt"; did you mean "lint"?",
// "trustlint: lint: the following argument was not expected: --bogus", each with where to look
// next, on stderr, exit 2. --help and --version still print and exit 0.
#pragma once

#include <CLI/CLI.hpp>

namespace trustlint::cli {

int report_usage_error(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

}  // namespace trustlint::cli
