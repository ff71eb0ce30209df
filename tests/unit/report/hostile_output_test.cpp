// Every output format on hostile text, through the real binary: each file of fixtures/hostile/
// (non-ASCII, characters IAM rejects, control characters, NUL, quotes, newlines, invalid UTF-8)
// × each format `lint`, `can` and `who` list in their --help, and hostile command-line values
// × `can`'s formats. Every output must be well-formed for its format (JSON parses, SARIF is
// schema-valid, GitHub commands are escaped, text is UTF-8 without raw control characters),
// and a character IAM rejects must be a located error. A new fixture or format is covered
// without touching this file.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sarif/json_schema.h"
#include "source/utf8.h"

TEST_SUITE_BEGIN("report");

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::stringstream ss;
  ss << std::ifstream(p, std::ios::binary).rdbuf();
  return ss.str();
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the binary from the source root with `args`.
Run run(const std::vector<std::string>& args) {
  const fs::path dir = fs::temp_directory_path() / ("trustlint_hostile_out_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string command = std::string("cd ") + shell_quote(TRUSTLINT_SOURCE_DIR) + " && " + shell_quote(TRUSTLINT_EXE);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " < /dev/null > " + shell_quote((dir / "out").string()) + " 2> " + shell_quote((dir / "err").string());
  Run r;
  const int status = std::system(command.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.out = slurp(dir / "out");
  r.err = slurp(dir / "err");
  fs::remove_all(dir);
  return r;
}

// The choices of `VERB --help`'s "--format TEXT:{a,b,c}".
std::vector<std::string> formats_of(const std::string& verb) {
  const Run help = run({verb, "--help"});
  std::smatch m;
  const std::regex choices(R"(--format TEXT:\{([a-z,]+)\})");
  REQUIRE(std::regex_search(help.out, m, choices));
  std::vector<std::string> out;
  std::stringstream list(m[1].str());
  for (std::string f; std::getline(list, f, ',');) out.push_back(f);
  return out;
}

std::vector<std::string> hostile_fixtures() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(TRUSTLINT_SOURCE_DIR) / "fixtures/hostile")) {
    out.push_back("fixtures/hostile/" + e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "" when `text` is UTF-8 without control or invisible characters other than line feeds
// (visible_text's set), else what is wrong.
std::string printable_problem(const std::string& text, bool allow_newline) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = trustlint::internal::decode_utf8(text, pos);
    if (c.problem != nullptr) return std::string("invalid UTF-8 at byte ") + std::to_string(pos) + ": " + c.problem;
    if (trustlint::internal::needs_escape(c.code_point) && !(allow_newline && c.code_point == '\n')) {
      return "raw " + trustlint::internal::describe_code_point(c.code_point) + " at byte " + std::to_string(pos);
    }
    pos += c.length;
  }
  return {};
}

// Strings meant for people inside a JSON document: they too must be printable.
void check_human_strings(const json& j, const std::string& key, std::vector<std::string>& problems) {
  static const std::set<std::string> human = {"message", "text", "description", "notes", "fix", "reason", "error",
                                              "assumptions", "nobody_reasons", "extra_conditions", "label",
                                              "justification", "example", "suppression_reason"};
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) check_human_strings(*it, it.key(), problems);
  } else if (j.is_array()) {
    for (const auto& item : j) check_human_strings(item, key, problems);
  } else if (j.is_string() && human.count(key) != 0) {
    // SARIF's message.text joins the message and its example with a line feed on purpose.
    if (auto p = printable_problem(j.get<std::string>(), key == "text"); !p.empty()) problems.push_back(key + ": " + p);
  }
}

const trustlint::testing::JsonSchema& sarif_schema() {
  static const trustlint::testing::JsonSchema schema(
      json::parse(slurp(fs::path(TRUSTLINT_SOURCE_DIR) / "tests/sarif/sarif-schema-2.1.0.json")));
  return schema;
}

// Every problem of `out` as a document of `format`.
std::vector<std::string> format_problems(const std::string& format, const std::string& out) {
  std::vector<std::string> problems;
  if (format == "json" || format == "sarif") {
    const json j = json::parse(out, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return {"not JSON"};
    check_human_strings(j, "", problems);
    if (format == "sarif") {
      for (const auto& e : sarif_schema().validate(j)) problems.push_back("SARIF schema: " + e);
    }
    return problems;
  }
  if (auto p = printable_problem(out, true); !p.empty()) problems.push_back(p);
  if (format == "github") {
    // ::error file=F,line=L,...,title=T::DATA — properties without raw ':' or ',', one per line.
    const std::regex command(R"(^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::[^\r]*$)");
    std::stringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      if (!std::regex_match(line, command)) problems.push_back("not a workflow command: " + line);
    }
  }
  return problems;
}

// A finding `code` with a known line in a lint JSON document.
bool located(const json& doc, const std::string& code) {
  for (const auto& f : doc["files"]) {
    for (const auto& finding : f["findings"]) {
      if (finding["rule"] == code && finding["location"]["line"].is_number()) return true;
    }
  }
  return false;
}

void check_run(const Run& r, const std::string& format) {
  CHECK(r.code >= 0);
  CHECK(r.code <= 2);
  CHECK(printable_problem(r.err, true) == "");
  if (r.code == 2 && r.out.empty()) return;  // refused: the located error is on stderr
  const auto problems = format_problems(format, r.out);
  CHECK_MESSAGE(problems.empty(), (problems.empty() ? "" : problems.front()), " (", problems.size(), " problems)");
}

}  // namespace

TEST_CASE("report::every lint format on every hostile fixture is well-formed") {
  const auto fixtures = hostile_fixtures();
  REQUIRE(fixtures.size() >= 8);
  for (const auto& format : formats_of("lint")) {
    for (const auto& fixture : fixtures) {
      CAPTURE(format);
      CAPTURE(fixture);
      check_run(run({"lint", fixture, "--format", format, "--color", "never"}), format);
    }
    // A directory run keeps every file's results.
    CAPTURE(format);
    const Run dir = run({"lint", "fixtures/hostile", "--format", format, "--color", "never"});
    check_run(dir, format);
    if (format == "json") {
      std::set<std::string> files;
      const json doc = json::parse(dir.out);
      for (const auto& f : doc["files"]) files.insert(f["file"].get<std::string>());
      CHECK(files.size() == fixtures.size());
    }
  }
}

TEST_CASE("report::a character IAM rejects in a hostile fixture is a located error") {
  for (const auto& fixture : hostile_fixtures()) {
    const std::string name = fs::path(fixture).filename().string();
    const bool rejected = name.rfind("iam-rejects-", 0) == 0, not_utf8 = name.rfind("not-utf8-", 0) == 0;
    CAPTURE(fixture);
    const Run r = run({"lint", fixture, "--format", "json"});
    REQUIRE(r.code <= 2);
    const json doc = json::parse(r.out);
    CHECK(located(doc, "TL059") == rejected);  // TL059: a character outside IAM's set
    CHECK(located(doc, "TL003") == not_utf8);
    if (not_utf8) CHECK(r.code == 2);  // the file could not be read
    if (rejected) CHECK(r.code == 1);  // an error finding
  }
}

TEST_CASE("report::can and who on every hostile fixture in every format are well-formed") {
  for (const std::string verb : {"can", "who"}) {
    for (const auto& format : formats_of(verb)) {
      for (const auto& fixture : hostile_fixtures()) {
        CAPTURE(verb);
        CAPTURE(format);
        CAPTURE(fixture);
        std::vector<std::string> args = {verb, fixture, "--format", format};
        if (verb == "can") args.insert(args.end(), {"--project", "web", "--env", "production"});
        check_run(run(args), format);
      }
    }
  }
}

TEST_CASE("report::hostile values on can's command line: refused or answered, always well-formed") {
  const std::string policy = "fixtures/good/vercel-docs-production.json";
  struct Row {
    std::vector<std::string> args;
    int code;
    std::string err_contains;  // in stderr (escaped as visible_text writes it)
  };
  const std::vector<std::string> web = {"--project", "web", "--env", "production"};
  auto with = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<Row> rows = {
      {with(web, {"--team", "acm\xC3\xA9"}), 2, "contains U+00E9, which Vercel never issues"},
      {with(web, {"--team", "acm\xE9"}), 2, "\"acm\\xE9\" is not UTF-8"},
      {{"--project", std::string("w\x01") + "b", "--env", "production"}, 2, "\"w\\u0001b\" contains U+0001"},
      {{"--project", "we\nb", "--env", "production"}, 2, "\"we\\nb\" contains U+000A"},
      {{"--project", "web", "--env", "prod\xE2\x80\xAEuction"}, 2, "contains U+202E"},
      {with(web, {"--claim", "aws:UserAgent=a\nb\x1b[31m"}), 0, ""},
      {with(web, {"--claim", "aws:UserAgent=\xFF"}), 0, ""},
      {with(web, {"--claim", "aws:UserAgent=\"quoted\" \\ back"}), 0, ""},
      {with(web, {"--aud", "https://vercel.com/acme\n::error::x"}), 1, ""},
      // A claim of the provider other than sub/aud is in no request (TL092), its key quoted.
      {with(web, {"--claim", std::string("k\x01y=v")}), 2, ""},
  };
  for (const auto& format : formats_of("can")) {
    for (const auto& row : rows) {
      std::vector<std::string> args = {"can", policy, "--format", format};
      args.insert(args.end(), row.args.begin(), row.args.end());
      CAPTURE(format);
      CAPTURE(trustlint::internal::visible_text(row.args.back()));
      const Run r = run(args);
      CHECK(r.code == row.code);
      check_run(r, format);
      if (!row.err_contains.empty()) CHECK(r.err.find(row.err_contains) != std::string::npos);
    }
  }
}

TEST_CASE("report::can refuses values no token carries instead of answering for another deployment") {
  const std::string policy = "fixtures/good/vercel-docs-production.json";
  struct Row {
    std::vector<std::string> args;
    std::string err_contains;
  };
  const std::vector<Row> rows = {
      // An empty team is an empty slug, never "the policy's team".
      {{"--team", "", "--project", "web", "--env", "production"}, "team is empty"},
      // A sub claim of web with --project api: api's tokens never carry it.
      {{"--project", "api", "--env", "production", "--claim", "sub=owner:acme:project:web:environment:production"},
       "contradicts the deployment"},
      {{"--project", "web", "--env", "production", "--aud", "x", "--claim", "aud=y"}, "contradicts the deployment"},
      // The global issuer's key under the team issuer.
      {{"--project", "web", "--env", "production", "--claim", "oidc.vercel.com:sub=owner:acme:project:web:environment:production"},
       "belongs to tokens of oidc.vercel.com,"},
      {{"--project", "web", "--env", "production", "--claim", "amr=a", "--claim", "AMR=b"}, "is given twice"},
      // Keys no request made with a Vercel token carries: who reads them as absent.
      {{"--project", "web", "--env", "production", "--claim", "aws:SoruceIp=1.2.3.4"}, "did you mean aws:SourceIp?"},
      {{"--project", "web", "--env", "production", "--claim", "amr=mfa"}, "IAM reads only the sub and aud claims"},
  };
  for (const auto& row : rows) {
    std::vector<std::string> args = {"can", policy};
    args.insert(args.end(), row.args.begin(), row.args.end());
    CAPTURE(row.err_contains);
    const Run r = run(args);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(row.err_contains) != std::string::npos);
  }
  for (const std::string team : {"", "acm\xC3\xA9", "Acme"}) {
    const Run r = run({"lint", policy, "--team", team});
    CHECK(r.code == 2);
    CHECK(r.err.find("[TL090]") != std::string::npos);
  }
  // The same sub as the deployment's own is no contradiction.
  CHECK(run({"can", policy, "--project", "web", "--env", "production", "--claim",
             "sub=owner:acme:project:web:environment:production"})
            .code == 0);
}
