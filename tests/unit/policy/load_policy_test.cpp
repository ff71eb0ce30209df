// load_policy_file: reading from disk, every stage's diagnostics in one Result; and the
// catalogue: every code the loader can report is listed in rules/catalogue.yaml.
#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "trustlint/engine.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;

TEST_CASE("policy::load_policy_file") {
  const auto path = std::filesystem::temp_directory_path() / "trustlint_load_policy_test.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\",\n"
           "  \"Action\": \"sts:AssumeRoleWithWebIdentity\"}\n}\n";
  }
  auto r = load_policy_file(path.string());
  std::filesystem::remove(path);
  REQUIRE(r.has_value());
  CHECK(r.value().file == path.string());
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].code == "TL042");
  CHECK(format_diagnostic(r.diagnostics()[0]) ==
        path.string() + ":3:49: error: \"Principal\": \"*\" trusts every principal [TL042]");

  auto missing = load_policy_file("/nonexistent/trustlint.json");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.diagnostics()[0].code == "TL001");
}

TEST_CASE("policy::rules/catalogue.yaml lists every diagnostic the loader reports") {
  const std::filesystem::path root(TRUSTLINT_SOURCE_DIR);
  YAML::Node catalogue = YAML::LoadFile((root / "rules" / "catalogue.yaml").string());
  std::set<std::string> listed;
  for (const auto& entry : catalogue["diagnostics"]) {
    const std::string code = entry["code"].as<std::string>();
    CAPTURE(code);
    CHECK(listed.insert(code).second);
    CHECK_FALSE(entry["title"].as<std::string>().empty());
    const std::string severity = entry["severity"].as<std::string>();
    CHECK((severity == "error" || severity == "warning" || severity == "note"));
    const std::string rejects = entry["iam_rejects"].as<std::string>();
    CHECK((rejects == "yes" || rejects == "no" || rejects == "unverified" || rejects == "n/a"));
    CHECK_FALSE(entry["explanation"].as<std::string>().empty());
    CHECK_FALSE(entry["fix"].as<std::string>().empty());
  }
  const std::regex code_literal("\"(TL0[0-9][0-9])\"");
  std::set<std::string> used;
  for (const char* dir : {"engine/source", "engine/policy"}) {
    for (const auto& file : std::filesystem::directory_iterator(root / dir)) {
      std::ifstream in(file.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = text.str();
      for (std::sregex_iterator it(s.begin(), s.end(), code_literal), end; it != end; ++it) used.insert((*it)[1]);
    }
  }
  CHECK(used.size() > 40);
  for (const auto& code : used) {
    CAPTURE(code);
    CHECK(listed.count(code) == 1);
  }
}

TEST_SUITE_END();
