// The face vocabulary (trustlint/vocabulary.h): the CLI keeps its words, a binding gets its own,
// only whole options are replaced, and every option an engine message names is in the table.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "trustlint/vocabulary.h"

using namespace trustlint;

TEST_CASE("vocabulary: the CLI's words are the engine's, unchanged") {
  const std::string m = "template.yaml holds 2 roles that trust Vercel; choose one with --resource: A, B";
  CHECK(in_face_terms(m, Face::cli) == m);
}

TEST_CASE("vocabulary: a binding gets its own option names") {
  CHECK(in_face_terms("choose one with --resource: A, B", Face::node) == "choose one with {resource: NAME}: A, B");
  CHECK(in_face_terms("choose one with --resource: A, B", Face::python) == "choose one with resource=NAME: A, B");
  CHECK(in_face_terms("--team is required: the policy names 2 teams", Face::python) == "team= is required: the policy names 2 teams");
  CHECK(in_face_terms("raise the limit (--max-bytes) if", Face::node) == "raise the limit (limits: {bytes: N}) if");
  CHECK(in_face_terms("fix the errors above (see: trustlint lint p.json)", Face::python) ==
        "fix the errors above (see: trustlint.lint() on p.json)");
  // lint's phrase is matched before the plain flag
  CHECK(in_face_terms("say which teams the role is for with --team or `teams:` in .trustlint.yaml", Face::python) ==
        "say which teams the role is for with teams= or `teams:` in .trustlint.yaml");
  CHECK(in_face_terms("(max_automaton_states: --max-states of lint, who, diff and test)", Face::python) ==
        "(max_automaton_states: limits={\"states\": N})");
}

TEST_CASE("vocabulary: a phrase row puts a whole message part in a binding's words") {
  // lint's expected teams are `teams` in the bindings; can's one team is `team`
  CHECK(in_face_terms("--team: \"Acme\" is not lowercase", Face::python) == "teams: \"Acme\" is not lowercase");
  CHECK(in_face_terms("--team: \"Acme\" is not lowercase", Face::node) == "teams: \"Acme\" is not lowercase");
  CHECK(in_face_terms("--team is required: the policy names no team", Face::node) == "team: is required: the policy names no team");
  // a binding cannot repeat a dict key: it gives a list
  CHECK(in_face_terms("--claim \"k\" is given twice (context keys are case-insensitive; repeat --claim with the same KEY, "
                      "or give a list, for a multi-valued key)",
                      Face::python) ==
        "claims= \"k\" is given twice (context keys are case-insensitive; give a list for a multi-valued key)");
  CHECK(in_face_terms("raise the limit (--max-bytes BYTES; Limits::max_bytes in the library) to read", Face::python) ==
        "raise the limit (limits={\"bytes\": N}) to read");
  CHECK(in_face_terms("--max-string-length and --env and --environment", Face::node) ==
        "limits: {stringLength: N} and environment: and --environment");
}

TEST_CASE("vocabulary: only whole options are replaced") {
  CHECK(in_face_terms("--teams and x--team and --team-name", Face::python) == "--teams and x--team and --team-name");
  CHECK(in_face_terms("--tf-var-file f.tfvars and --tf-var a=1", Face::python) ==
        "the CLI's --tf-var-file f.tfvars and the CLI's --tf-var a=1");
}

TEST_CASE("vocabulary: diagnostics are put into a face's words, message and notes") {
  Diagnostics d{make_error("TL015", "give --issuer to choose", Span{})};
  d.front().notes.push_back("or --claim KEY=VALUE");
  in_face_terms(d, Face::node);
  CHECK(d.front().message == "give issuer: to choose");
  CHECK(d.front().notes.front() == "or claims: KEY=VALUE");
}

// Every "--flag" in a string literal of the engine's code (outside comments) is an option the
// table translates: a new message naming a new flag must add it, or a binding would show a flag
// it does not have. Excluded: the git command line (git_input.cpp), the CLI's rule pages
// (rules_markdown.cpp: documentation of the CLI) and the table itself.
TEST_CASE("vocabulary: every option an engine message names is in the table") {
  std::set<std::string> known;
  const std::regex flag("--[a-z][a-z-]*");
  for (const auto& w : option_vocabulary()) {
    const std::string cli(w.cli);
    for (std::sregex_iterator it(cli.begin(), cli.end(), flag), end; it != end; ++it) known.insert(it->str());
  }
  const std::set<std::string> skipped = {"git_input.cpp", "rules_markdown.cpp", "vocabulary.cpp"};
  const std::regex literal("\"([^\"\\\\]|\\\\.)*\"");
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(TRUSTLINT_SOURCE_DIR) + "/engine")) {
    if (e.path().extension() != ".cpp" || skipped.count(e.path().filename().string()) != 0) continue;
    ++files;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line.compare(first, 2, "//") == 0) continue;
      for (std::sregex_iterator lit(line.begin(), line.end(), literal), end; lit != end; ++lit) {
        const std::string text = lit->str();
        for (std::sregex_iterator f(text.begin(), text.end(), flag), fend; f != fend; ++f) {
          INFO(e.path().string() << ": " << line);
          CHECK(known.count(f->str()) == 1);
        }
      }
    }
  }
  CHECK(files > 100);
}
