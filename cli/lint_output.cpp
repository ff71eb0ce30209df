// Colour for lint's text format (lint_output.h).
#include "cli/lint_output.h"

#include <unistd.h>

#include <cstdlib>

namespace trustlint::cli {

bool resolve_color(std::string_view mode, bool stdout_is_terminal, const char* no_color_env, const char* term_env) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (no_color_env != nullptr && *no_color_env != '\0') return false;
  if (term_env != nullptr && std::string_view(term_env) == "dumb") return false;
  return stdout_is_terminal;
}

bool stdout_color(const std::string& mode) {
  // FORCE_COLOR (set, not empty, not "0") colours `auto` output that is not a terminal, as CI
  // logs that render ANSI want; NO_COLOR still wins.
  const char* force = std::getenv("FORCE_COLOR");
  const bool forced = force != nullptr && *force != '\0' && std::string_view(force) != "0";
  return resolve_color(mode, forced || isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

}  // namespace trustlint::cli
