// What `lint`'s output formats need besides the reports: the source text of the linted files
// (for excerpts, SARIF snippets and fingerprints) and, for Markdown, each policy's allowed set.
// The CLI gathers them; the renderers in engine/report only print them.
#pragma once

#include <string>
#include <vector>

#include "trustlint/report.h"

namespace trustlint::cli {

// The lint output formats, for --format.
inline const std::vector<std::string> kLintFormats = {"text", "json", "sarif", "github", "markdown"};

// The bytes of every file the reports point into (stdin and files over max_bytes left out).
SourceSnapshot read_sources(const std::vector<LintReport>& reports, std::size_t max_bytes);

// The who-can-assume answer of each policy in `files` that loads with its meaning intact
// (plain policies and the roles of IaC inputs); others are left out.
std::vector<LintWho> who_of(const std::vector<std::string>& files, const LoadOptions& load);

// --color's decision for stdout (resolve_color with the process's environment; FORCE_COLOR
// stands for a terminal).
bool stdout_color(const std::string& mode);

}  // namespace trustlint::cli
