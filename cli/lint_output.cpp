// Inputs of lint's output formats: source snapshot, allowed sets, colour (see lint_output.h).
#include "cli/lint_output.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "trustlint/allowed_set.h"
#include "trustlint/sources.h"

namespace trustlint::cli {

SourceSnapshot read_sources(const std::vector<LintReport>& reports, std::size_t max_bytes) {
  std::set<std::string> files;
  for (const auto& r : reports) {
    files.insert(r.file);
    for (const auto& f : r.findings) {
      if (!f.span.file.empty()) files.insert(f.span.file);
    }
  }
  SourceSnapshot snapshot;
  for (const auto& file : files) {
    if (file == "-" || file == "<stdin>") continue;
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (text.size() > max_bytes) break;
    }
    if (text.size() <= max_bytes) snapshot.files.emplace(file, std::move(text));
  }
  return snapshot;
}

std::vector<LintWho> who_of(const std::vector<std::string>& files, const LoadOptions& load) {
  std::vector<LintWho> out;
  for (const auto& file : files) {
    if (file == "-") continue;
    auto sources = find_trust_policies(file, load);
    if (!sources.has_value()) continue;
    for (const auto& source : sources.value()) {
      if (!source.policy.has_value()) continue;
      bool intact = true;
      for (const auto& d : source.policy.diagnostics()) intact = intact && meaning_preserved_despite(d);
      if (!intact) continue;
      auto compiled = compile(source.policy.value());
      if (!compiled.ok()) continue;
      WhoOptions options;
      options.limits = load.limits;
      auto set = allowed_set(compiled.value(), vercel_profile(), options);
      if (set.ok()) out.push_back({file, source.resource, std::move(set).value()});
    }
  }
  return out;
}

bool stdout_color(const std::string& mode) {
  // FORCE_COLOR (set, not empty, not "0") colours `auto` output that is not a terminal, as CI
  // logs that render ANSI want; NO_COLOR still wins.
  const char* force = std::getenv("FORCE_COLOR");
  const bool forced = force != nullptr && *force != '\0' && std::string_view(force) != "0";
  return resolve_color(mode, forced || isatty(STDOUT_FILENO) == 1, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

}  // namespace trustlint::cli
