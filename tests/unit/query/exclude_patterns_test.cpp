// ExcludePatterns: .gitignore's meaning of `*`, `?`, `**`, a trailing `/`, anchoring by `/`, and
// `!` negation (the last matching pattern wins).
#include <doctest/doctest.h>

#include "trustlint/exclude_patterns.h"

TEST_SUITE_BEGIN("query");

using trustlint::ExcludePatterns;

TEST_CASE("query::ExcludePatterns gitignore semantics") {
  struct Case {
    std::vector<std::string> patterns;
    const char* path;
    bool directory;
    bool excluded;
  };
  const Case cases[] = {
      // no '/': a name at any depth, file or directory
      {{"legacy"}, "legacy", true, true},
      {{"legacy"}, "infra/legacy", true, true},
      {{"legacy"}, "infra/legacy.json", false, false},
      {{"*.yml"}, "a/b/compose.yml", false, true},
      {{"*.yml"}, "a/b/compose.yaml", false, false},
      {{"role-?.json"}, "x/role-1.json", false, true},
      {{"role-?.json"}, "x/role-10.json", false, false},
      // '*' does not cross '/'
      {{"infra/*.json"}, "infra/a.json", false, true},
      {{"infra/*.json"}, "infra/sub/a.json", false, false},
      // a '/' anchors to the walked directory
      {{"/legacy"}, "legacy", true, true},
      {{"/legacy"}, "infra/legacy", true, false},
      {{"infra/legacy"}, "infra/legacy", true, true},
      {{"infra/legacy"}, "x/infra/legacy", true, false},
      // '**' spans segments
      {{"**/legacy"}, "a/b/legacy", true, true},
      {{"infra/**/old.json"}, "infra/old.json", false, true},
      {{"infra/**/old.json"}, "infra/a/b/old.json", false, true},
      {{"infra/**"}, "infra/a/b.json", false, true},
      // a trailing '/' matches directories only
      {{"build/"}, "build", true, true},
      {{"build/"}, "build", false, false},
      {{"build/"}, "src/build", true, true},
      // '!' re-includes; the last matching pattern wins
      {{"*.json", "!keep.json"}, "a/keep.json", false, false},
      {{"*.json", "!keep.json"}, "a/drop.json", false, true},
      {{"!keep.json", "*.json"}, "a/keep.json", false, true},
      {{"legacy/*", "!legacy/keep.json"}, "legacy/keep.json", false, false},
      // "\!" is a literal '!'; "./" is the walked directory itself
      {{"\\!odd.json"}, "!odd.json", false, true},
      {{"./infra/a.json"}, "infra/a.json", false, true},
      // nothing excluded without patterns, and empty ones are ignored
      {{}, "a.json", false, false},
      {{"", "/"}, "a.json", false, false},
  };
  for (const Case& c : cases) {
    std::string patterns;
    for (const auto& p : c.patterns) patterns += "[" + p + "]";
    CAPTURE(patterns);
    CAPTURE(c.path);
    CHECK(ExcludePatterns(c.patterns).excluded(c.path, c.directory) == c.excluded);
  }
}

TEST_SUITE_END();
