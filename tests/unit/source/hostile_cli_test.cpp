// A few hostile inputs of the README's "Hostile inputs" table through the real binary:
// `trustlint can` and `trustlint who` exit 2 and print the located error (file:line:col, code) first on stderr.
// The inputs are generated into a temporary directory; nothing large is committed.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "unit/policy/hostile_inputs.h"

TEST_SUITE_BEGIN("source");

namespace {

namespace fs = std::filesystem;
using namespace trustlint::test;

struct Run {
  int code = -1;
  std::string err;
};

// Runs the binary on `input` saved as `name` in a scratch directory.
Run run_trustlint(const std::string& verb, const std::string& name, const std::string& input) {
  const fs::path dir = fs::temp_directory_path() / ("trustlint_hostile_cli_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / name, err = dir / (name + ".err");
  std::ofstream(file, std::ios::binary) << input;
  std::string command = std::string("'") + TRUSTLINT_EXE + "' " + verb + " '" + file.string() + "'";
  if (verb == "can") command += " --project web --env production";
  command += " > /dev/null 2> '" + err.string() + "'";
  Run run;
  const int status = std::system(command.c_str());
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream ss;
  ss << std::ifstream(err, std::ios::binary).rdbuf();
  run.err = ss.str();
  fs::remove_all(dir);
  return run;
}

struct CliRow {
  const char* verb;
  const char* name;
  std::string input;
  std::string first_line_prefix;  // after the path
  const char* code;
};

}  // namespace

TEST_CASE("source::hostile inputs through the binary exit 2 with file:line:col") {
  const std::string J = json_policy(), Y = yaml_policy();
  const CliRow rows[] = {
      {"can", "deep.json", std::string(100'000, '['), ":1:65: error: ", "[TL007]"},
      {"who", "deep.yaml", repeat("- ", 100'000) + "x\n", ":1:129: error: ", "[TL007]"},
      {"who", "laughs.yaml", billion_laughs(), ":7:8: error: ", "[TL008]"},
      {"can", "overlong.json", insert_before(J, "acme", "\xC0\xAF"), ":7:79: error: ", "[TL003]"},
      {"who", "nul.json", insert_before(J, "\"Statement\"", std::string(1, '\0')), ":3:3: error: ", "[TL004]"},
      {"can", "utf16.json", "\xFF\xFE" + J, ":1:1: error: ", "[TL003]"},
      {"can", "truncated.json", J.substr(0, J.size() / 2), ":", "[TL004]"},
      {"can", "duplicate.yaml", "Version: '2012-10-17'\n" + Y, ":4:1: error: ", "[TL006]"},
      {"who", "deep.tf.json", "{\"locals\": {\"a\": " + std::string(100'000, '['), ":1:80: error: ", "[TL007]"},
      {"can", "template.tf.json", "{\"locals\": {\"a\": \"\\\"q\\\" ${b\"}}", ":1:", "[TL078]"},
      {"who", "shape.tf.json", "{\"resource\": 1}", ":1:14: error: ", "[TL066]"},
  };
  for (const CliRow& row : rows) {
    const std::string name = row.name;
    CAPTURE(name);
    const Run run = run_trustlint(row.verb, row.name, row.input);
    CHECK(run.code == 2);
    const std::string first_line = run.err.substr(0, run.err.find('\n'));
    CAPTURE(first_line);
    const std::size_t at = first_line.find(row.name);
    REQUIRE(at != std::string::npos);
    CHECK(first_line.compare(at + std::string(row.name).size(), row.first_line_prefix.size(), row.first_line_prefix) == 0);
    CHECK(first_line.find(row.code) != std::string::npos);
    CHECK(run.err.size() < 2000);
  }
}

TEST_SUITE_END();
