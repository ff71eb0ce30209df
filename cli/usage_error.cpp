// Usage errors (see usage_error.h): the verb named, a did-you-mean for a misspelt one.
#include "cli/usage_error.h"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "cli/exit_code.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// CLI11's messages start with a capital ("The following argument…"); ours continue a sentence.
std::string sentence(std::string text) {
  if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])) &&
      (text.size() < 2 || !std::isupper(static_cast<unsigned char>(text[1])))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

}  // namespace

int report_usage_error(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  if (error.get_exit_code() == 0) return app.exit(error) == 0 ? kExitOk : kExitBadInput;  // --help, --version
  std::vector<std::string> verbs;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) verbs.push_back(sub->get_name());
  const std::string first = argc > 1 ? argv[1] : "";
  const bool known = std::find(verbs.begin(), verbs.end(), first) != verbs.end();
  if (!known && !first.empty() && first[0] != '-') {
    std::string best;
    std::size_t best_distance = 3;  // suggest only a near miss
    for (const auto& v : verbs) {
      if (const std::size_t d = distance(first, v); d < best_distance) best = v, best_distance = d;
    }
    std::cerr << "trustlint: unknown verb \"" << visible_text(first) << "\"";
    if (!best.empty()) std::cerr << "; did you mean \"" << best << "\"?";
    std::cerr << "\nThe verbs are ";
    for (std::size_t i = 0; i < verbs.size(); ++i) {
      std::cerr << (i == 0 ? "" : i + 1 == verbs.size() ? " and " : ", ") << verbs[i];
    }
    std::cerr << "; run `trustlint --help`.\n";
    return kExitBadInput;
  }
  if (known) {
    std::cerr << "trustlint: " << first << ": " << visible_text(sentence(error.what())) << "\nRun `trustlint " << first
              << " --help` for its options.\n";
  } else {
    std::cerr << "trustlint: " << visible_text(sentence(error.what())) << "\nRun `trustlint --help` for the verbs.\n";
  }
  return kExitBadInput;
}

}  // namespace trustlint::cli
