// Generated from the CLI's own option table (build_app, cli/app.h): for every verb and every
// option, the outcome — exit code, stdout and stderr — is the same with the option placed before
// the files, between them and after them; and no option takes more than one value per
// occurrence. A verb or option added later is covered here without anyone adding a test; only
// an option whose valid value cannot be guessed (no default, no sample below) fails, by name.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"

TEST_SUITE_BEGIN("cli");

namespace {

namespace fs = std::filesystem;
const std::string kRoot = TRUSTLINT_SOURCE_DIR;

struct Outcome {
  int code = -1;
  std::string out, err;
  bool operator==(const Outcome&) const = default;
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const fs::path& p) {
  std::stringstream ss;
  ss << std::ifstream(p, std::ios::binary).rdbuf();
  return ss.str();
}

// Runs the real binary in the source root, stdin from /dev/null.
Outcome run(const std::vector<std::string>& args, const fs::path& scratch) {
  std::string command = "cd " + quoted(kRoot) + " && " + quoted(TRUSTLINT_EXE);
  for (const auto& a : args) command += " " + quoted(a);
  const fs::path out = scratch / "out", err = scratch / "err";
  command += " < /dev/null > " + quoted(out.string()) + " 2> " + quoted(err.string());
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string shown(const std::vector<std::string>& args) {
  std::string s = "trustlint";
  for (const auto& a : args) s += " " + a;
  return s;
}

// What each verb is run on: its positional arguments and the options it always needs (pairs of
// option and value; left out when that option is the one under test). A verb
// not listed gets fixture policies for its positionals (two for a positional that takes many).
struct VerbSetup {
  std::vector<std::string> files;
  std::vector<std::string> base;
};

std::map<std::string, VerbSetup> setups() {
  return {
      {"lint", {{"fixtures/risky/owner-prefix-wildcard.json", "fixtures/good/vercel-docs-production.json"}, {}}},
      {"can", {{"fixtures/iac/cloudformation-one-vercel-role.yaml"}, {"--project", "web", "--env", "production"}}},
      {"who", {{"fixtures/iac/cloudformation-one-vercel-role.yaml"}, {}}},
      {"rules", {{"TL101"}, {}}},
  };
}

// A valid value for an option, by its long name; otherwise its default, or a number for a whole
// number option, or else "x" (enough for a free-text option; when the verb refuses it as a usage
// error, the test fails and names the option, to be given a sample here).
std::string sample_value(const CLI::Option& opt, const fs::path& scratch) {
  static const std::map<std::string, std::string> samples = {
      {"--team", "acme"},          {"--exclude", "legacy/"},        {"--disable", "TL205"},
      {"--enable", "TL101"},       {"--fail-on", "warning"},        {"--format", "json"},
      {"--color", "never"},        {"--quota", "4096"},             {"--resource", "WebDeployRole"},
      {"--project", "web"},        {"--env", "preview"},            {"--issuer", "team"},
      {"--aud", "https://vercel.com/acme"}, {"--claim", "aws:SourceIp=203.0.113.5"},
      {"--max-states", "100000"},  {"--max-bytes", "1000000"},      {"--max-depth", "64"},
      {"--max-nodes", "100000"},   {"--max-statements", "100"},     {"--max-values", "1000"},
      {"--max-string-length", "10000"}, {"--max-errors", "3"},
  };
  const std::string name = opt.get_name(false, true);
  if (name == "--config") {
    std::ofstream(scratch / "trustlint.yaml") << "teams: [acme]\n";
    return (scratch / "trustlint.yaml").string();
  }
  if (name == "--requests") {
    std::ofstream(scratch / "requests.jsonl") << R"({"team": "acme", "project": "web", "environment": "production"})" << "\n";
    return (scratch / "requests.jsonl").string();
  }
  if (auto it = samples.find(name); it != samples.end()) return it->second;
  if (!opt.get_default_str().empty()) return opt.get_default_str();
  if (opt.get_type_name().find("N>=") != std::string::npos || opt.get_type_name().find("INT") != std::string::npos) return "1000";
  return "x";
}

std::vector<CLI::App*> verbs(CLI::App& app) {
  return app.get_subcommands([](CLI::App*) { return true; });
}

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("trustlint_option_order_" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("cli::every option of every verb takes one value per occurrence") {
  CLI::App app;
  int code = 0;
  trustlint::cli::build_app(app, code);
  std::size_t checked = 0;
  for (CLI::App* verb : verbs(app)) {
    for (const CLI::Option* opt : verb->get_options()) {
      if (opt->get_positional()) continue;
      CAPTURE(verb->get_name());
      CAPTURE(opt->get_name());
      CHECK(opt->get_expected_max() <= 1);
      CHECK_FALSE(opt->get_allow_extra_args());
      ++checked;
    }
  }
  CHECK(checked > 40);
}

TEST_CASE("cli::every option gives the same outcome before, between and after the files") {
  Scratch scratch;
  CLI::App app;
  int code = 0;
  trustlint::cli::build_app(app, code);
  const auto known = setups();
  std::size_t runs = 0;
  for (CLI::App* verb : verbs(app)) {
    VerbSetup setup;
    if (auto it = known.find(verb->get_name()); it != known.end()) {
      setup = it->second;
    } else {
      for (const CLI::Option* p : verb->get_options([](const CLI::Option* o) { return o->get_positional(); })) {
        setup.files.push_back("fixtures/good/vercel-docs-production.json");
        if (p->get_expected_max() > 1) setup.files.push_back("fixtures/good/two-teams.json");
      }
    }
    for (const CLI::Option* opt : verb->get_options()) {
      const std::string name = opt->get_name(false, true);
      if (opt->get_positional() || name == "--help") continue;
      CAPTURE(verb->get_name());
      CAPTURE(name);
      std::vector<std::string> tokens = {name};
      if (opt->get_expected_max() > 0) {
        tokens.push_back(sample_value(*opt, scratch.dir));
      }
      // Positional arguments first, then the options the verb always needs; the option under
      // test goes before them all, after the first positional, and at the end.
      std::vector<std::string> rest = setup.files;
      for (std::size_t i = 0; i + 1 < setup.base.size(); i += 2) {
        if (setup.base[i] != name) rest.insert(rest.end(), {setup.base[i], setup.base[i + 1]});
      }
      std::vector<Outcome> outcomes;
      std::vector<std::vector<std::string>> commands;
      for (std::size_t at : {std::size_t{0}, std::min<std::size_t>(1, rest.size()), rest.size()}) {
        std::vector<std::string> args = {verb->get_name()};
        args.insert(args.end(), rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(at));
        args.insert(args.end(), tokens.begin(), tokens.end());
        args.insert(args.end(), rest.begin() + static_cast<std::ptrdiff_t>(at), rest.end());
        commands.push_back(args);
        outcomes.push_back(run(args, scratch.dir));
        ++runs;
      }
      // The option and its value were understood (not a usage error, which would make the three
      // outcomes equal for the wrong reason).
      CHECK_MESSAGE(outcomes[0].err.find("Run with --help") == std::string::npos,
                    shown(commands[0]) << "\n" << outcomes[0].err << "(a usage error: add a valid sample value for " << name
                                       << " to option_order_test.cpp)");
      CHECK_MESSAGE(outcomes[0].code != -1, shown(commands[0]));
      for (std::size_t i = 1; i < outcomes.size(); ++i) {
        CHECK_MESSAGE(outcomes[i] == outcomes[0], shown(commands[0]) << "\n  exit " << outcomes[0].code << "\n"
                                                                     << outcomes[0].out << outcomes[0].err << "\nbut "
                                                                     << shown(commands[i]) << "\n  exit " << outcomes[i].code
                                                                     << "\n" << outcomes[i].out << outcomes[i].err);
      }
    }
  }
  CHECK(runs > 120);
}

TEST_CASE("cli::an option before the files never takes them (the issue's false pass)") {
  Scratch scratch;
  // lint: the risky file after --team is linted (TL101, exit 1), not read as a team name.
  const Outcome lint = run({"lint", "--team", "acme", "fixtures/risky/owner-prefix-wildcard.json",
                            "fixtures/good/vercel-docs-production.json"}, scratch.dir);
  CHECK(lint.code == 1);
  CHECK(lint.out.find("fixtures/risky/owner-prefix-wildcard.json:12:34: error: another team's deployments can assume the role") != std::string::npos);
  CHECK(lint.err.find("2 files, 2 roles checked") != std::string::npos);
  // repeated, comma-separated, and `--` ending the options
  CHECK(run({"lint", "--team", "acme", "--team", "globex", "fixtures/risky/owner-prefix-wildcard.json"}, scratch.dir) ==
        run({"lint", "--team", "acme,globex", "fixtures/risky/owner-prefix-wildcard.json"}, scratch.dir));
  CHECK(run({"lint", "--team", "acme", "--", "fixtures/risky/owner-prefix-wildcard.json"}, scratch.dir).code == 1);
  // can: --claim before the policy leaves the policy a policy
  const Outcome can = run({"can", "--claim", "aws:SourceIp=203.0.113.5", "fixtures/good/vercel-docs-production.json",
                           "--project", "web", "--env", "production"}, scratch.dir);
  CHECK(can.code == 0);
  CHECK(can.err.find("policy is required") == std::string::npos);
}

TEST_SUITE_END();
