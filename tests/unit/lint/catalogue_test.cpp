// The rule catalogue (rules/catalogue.yaml, embedded): complete entries, every rule reported by
// some fixture, every rule id the engine reports listed, and README's tables equal to it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "trustlint/report.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

namespace {

using namespace trustlint;
using namespace trustlint::testing;

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::stringstream s(row);
  std::string cell;
  std::getline(s, cell, '|');  // before the first '|'
  while (std::getline(s, cell, '|')) {
    const auto b = cell.find_first_not_of(' ');
    const auto e = cell.find_last_not_of(' ');
    out.push_back(b == std::string::npos ? std::string() : cell.substr(b, e - b + 1));
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("lint::every catalogue entry is complete") {
  const auto& all = rule_catalogue();
  std::set<std::string> ids;
  std::size_t rules = 0;
  for (const auto& r : all) {
    CAPTURE(r.id);
    CHECK(ids.insert(r.id).second);
    CHECK_FALSE(r.title.empty());
    CHECK_FALSE(r.explanation.empty());
    CHECK_FALSE(r.fix.empty());
    CHECK(r.help == "docs/rules/" + r.id + ".md");  // every entry has its page (tests/docs/check_rule_docs.cmake)
    if (!r.is_rule()) continue;
    ++rules;
    CHECK_FALSE(r.bad_example.empty());
    CHECK_FALSE(r.good_example.empty());
    CHECK(find_rule(r.name) == &r);
    CHECK(find_rule(r.id) == &r);
  }
  CHECK(rules == 32);
  CHECK(find_rule("tl101") != nullptr);
  CHECK(find_rule("TL999") == nullptr);
}

TEST_CASE("lint::every rule in the catalogue has a fixture that triggers it") {
  std::set<std::string> seen;
  for (const char* dir : {"fixtures/good", "fixtures/risky", "fixtures/bad"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/" + dir)) {
      for (const auto& f : lint_file(entry.path().string(), {}).findings) seen.insert(f.rule);
    }
  }
  for (const auto& r : rule_catalogue()) {
    // TL502 needs a configuration with expectations: tests/unit/lint/expectations_test.cpp.
    if (r.is_rule() && r.id != "TL502") CHECK_MESSAGE(seen.count(r.id) == 1, r.id << " (" << r.name << ") is triggered by no fixture");
  }
}

TEST_CASE("lint::every diagnostic code the program can emit is in the catalogue") {
  // Every source folder of the program, recursively: the engine (readers, rules, renderers, the
  // --requests batch's TL091) and the CLI (an unreadable --requests file's TL001, lint's
  // TL084-TL087). Any TLnnn written there, in a string ("TL091", "[TL091]") or a comment, must
  // be a catalogue entry.
  const std::regex code(R"(\bTL[0-9]{3}\b)");
  std::set<std::string> used;
  std::set<std::string> cli_used;
  for (const char* folder : {"engine", "cli"}) {
    for (const auto& file : std::filesystem::recursive_directory_iterator(kRoot + "/" + folder)) {
      const std::string ext = file.path().extension().string();
      if (!file.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
      const std::string s = read(file.path().string());
      for (std::sregex_iterator it(s.begin(), s.end(), code), end; it != end; ++it) {
        used.insert(it->str());
        if (std::string(folder) == "cli") cli_used.insert(it->str());
      }
    }
  }
  CHECK(used.size() > 60);
  CHECK(cli_used.count("TL001") == 1);  // the scan reaches cli/
  CHECK(used.count("TL091") == 1);      // and engine/batch/
  for (const auto& id : used) CHECK_MESSAGE(find_rule(id) != nullptr, id << " is not in rules/catalogue.yaml");
}

TEST_CASE("lint::README's rule tables match the catalogue") {
  const std::string readme = read(kRoot + "/README.md");
  const auto start = readme.find("\n## Lint rules");
  REQUIRE(start != std::string::npos);
  const auto end = readme.find("\n## ", start + 1);
  std::stringstream section(readme.substr(start, end - start));
  std::map<std::string, std::vector<std::string>> rows;
  const std::regex id_cell("^(<a id=\"tl[0-9]{3}\"></a>)?(TL[0-9]{3})$");
  std::string line;
  while (std::getline(section, line)) {
    if (line.rfind("|", 0) != 0) continue;
    auto c = cells(line);
    std::smatch m;
    if (c.empty() || !std::regex_match(c[0], m, id_cell)) continue;
    CHECK_MESSAGE(rows.count(m[2]) == 0, m[2] << " appears twice in README");
    c[0] = m[2];
    rows[m[2]] = c;
  }
  for (const auto& r : rule_catalogue()) {
    CAPTURE(r.id);
    REQUIRE_MESSAGE(rows.count(r.id) == 1, r.id << " is missing from README's Lint rules tables");
    const auto& c = rows[r.id];
    if (r.is_rule()) {
      REQUIRE(c.size() == 4);  // id | name | severity | title
      CHECK(c[1] == r.name);
      CHECK(c[2] == severity_name(r.severity));
      CHECK(c[3] == r.title);
    } else {
      REQUIRE(c.size() == 3);  // id | severity | title
      CHECK(c[1] == severity_name(r.severity));
      CHECK(c[2] == r.title);
    }
    rows.erase(r.id);
  }
  for (const auto& [id, c] : rows) FAIL_CHECK(id << " is in README but not in the catalogue");
}

TEST_SUITE_END();
