// --color's precedence (flag, NO_COLOR, TERM, terminal): a terminal concern, decided in the CLI.
#include <doctest/doctest.h>

#include "cli/lint_output.h"

TEST_SUITE_BEGIN("cli");

using trustlint::cli::resolve_color;

TEST_CASE("cli::resolve_color precedence") {
  // always/never win over everything.
  CHECK(resolve_color("always", false, "1", "dumb"));
  CHECK_FALSE(resolve_color("never", true, nullptr, "xterm"));
  // auto: a terminal, unless NO_COLOR is set and non-empty, or TERM=dumb.
  CHECK(resolve_color("auto", true, nullptr, "xterm"));
  CHECK(resolve_color("auto", true, "", "xterm"));
  CHECK_FALSE(resolve_color("auto", true, "1", "xterm"));
  CHECK_FALSE(resolve_color("auto", true, nullptr, "dumb"));
  CHECK_FALSE(resolve_color("auto", false, nullptr, "xterm"));
}

TEST_SUITE_END();
