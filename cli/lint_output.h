// What `lint`'s printing needs from the terminal: the output formats --format takes, and
// whether to colour the text format (--color, NO_COLOR, TERM, FORCE_COLOR). Source texts and
// allowed sets come with the reports (LintReport::source, ::allowed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trustlint::cli {

// The lint output formats, for --format.
inline const std::vector<std::string> kLintFormats = {"text", "json", "sarif", "github", "markdown"};

// --color auto|always|never, in this order of precedence: `always` and `never` win; `auto`
// colours only when stdout is a terminal, NO_COLOR is unset or empty (no-color.org) and TERM is
// not "dumb". Unknown modes mean `auto`. Pure, so that every combination can be tested.
bool resolve_color(std::string_view mode, bool stdout_is_terminal, const char* no_color_env, const char* term_env);

// --color's decision for stdout (resolve_color with the process's environment; FORCE_COLOR
// stands for a terminal).
bool stdout_color(const std::string& mode);

}  // namespace trustlint::cli
