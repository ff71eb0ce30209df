// docs/parity.md (Access Analyzer parity) against the rule catalogue and the fixtures: every code
// it names exists, every covered row's fixture triggers its main code, missing rows name none,
// the counts line matches, and every rule for other providers and every key/action code
// (TL4xx, TL060–TL064) is mapped, so the table cannot drift from the rules.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

using namespace trustlint;
using namespace trustlint::testing;

namespace {

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::stringstream s(row);
  std::string cell;
  std::getline(s, cell, '|');
  while (std::getline(s, cell, '|')) {
    const auto b = cell.find_first_not_of(' ');
    const auto e = cell.find_last_not_of(' ');
    out.push_back(b == std::string::npos ? std::string() : cell.substr(b, e - b + 1));
  }
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

TEST_CASE("lint::docs/parity.md matches the catalogue and the fixtures") {
  std::ifstream in(kRoot + "/docs/parity.md");
  REQUIRE(in.good());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::stringstream lines(text);
  std::map<std::string, int> counts;
  std::set<std::string> named;
  std::size_t access_analyzer_rows = 0;
  bool in_access_analyzer = true;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("## Other checks", 0) == 0) in_access_analyzer = false;
    if (line.rfind("| ", 0) != 0 || line.rfind("|---", 0) == 0) continue;
    const auto c = cells(line);
    REQUIRE(c.size() == 6);
    if (c[0] == "Access Analyzer check" || c[0] == "check") continue;
    CAPTURE(c[0]);
    const std::string& parity = c[3];
    const auto ids = c[2] == "—" ? std::vector<std::string>{} : words(c[2]);
    for (const auto& id : ids) {
      CHECK_MESSAGE(find_rule(id) != nullptr, id << " is not in rules/catalogue.yaml");
      named.insert(id);
    }
    if (in_access_analyzer) {
      ++access_analyzer_rows;
      ++counts[parity];
    }
    if (parity == "missing" || parity == "not needed") {
      CHECK(ids.empty());
      CHECK(c[4].empty());
      continue;
    }
    REQUIRE_MESSAGE((parity == "stronger" || parity == "equal" || parity == "weaker"), "unknown parity " << parity);
    REQUIRE_FALSE(ids.empty());
    REQUIRE(c[4].size() > 2);
    const std::string fixture = c[4].substr(1, c[4].size() - 2);  // `path`
    bool triggered = false;
    for (const auto& r : lint_sources(kRoot + "/" + fixture, {})) triggered = triggered || has_rule(r, ids.front());
    CHECK_MESSAGE(triggered, fixture << " does not trigger " << ids.front());
  }
  CHECK(access_analyzer_rows == 94);
  const std::regex counts_line("Counts: ([0-9]+) stronger, ([0-9]+) equal, ([0-9]+) weaker, ([0-9]+) missing, ([0-9]+) not needed");
  std::smatch m;
  REQUIRE(std::regex_search(text, m, counts_line));
  CHECK(std::stoi(m[1]) == counts["stronger"]);
  CHECK(std::stoi(m[2]) == counts["equal"]);
  CHECK(std::stoi(m[3]) == counts["weaker"]);
  CHECK(std::stoi(m[4]) == counts["missing"]);
  CHECK(std::stoi(m[5]) == counts["not needed"]);
  for (const auto& r : rule_catalogue()) {
    // TL4xx and the condition-key family TL060-TL065 (TL066, Terraform JSON shape, is a reader's).
    if (r.id.rfind("TL4", 0) == 0 || (r.id >= "TL060" && r.id <= "TL065")) {
      CHECK_MESSAGE(named.count(r.id) == 1, r.id << " is not mapped in docs/parity.md");
    }
  }
}

TEST_SUITE_END();
