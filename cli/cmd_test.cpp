// `trustlint test [SPEC...]`: proves the expectations of *.trustspec.yaml files (named, or found
// below the directories given; default: the working directory) against their policies, and
// reports like a test runner. Exit 0 all hold, 1 one fails, 2 a spec or its policy is unreadable
// or invalid.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "cli/test_results.h"
#include "trustlint/spec.h"

namespace trustlint::cli {
namespace {

struct TestOptionsCli {
  std::vector<std::string> paths;
  std::string format = "text";
  std::size_t max_states = Limits{}.max_automaton_states;
  Limits limits;
};

bool is_spec_name(const std::string& name) {
  const std::string suffix = kSpecSuffix;
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Named files always; below directories, *.trustspec.yaml in sorted order (.git skipped).
// Paths that do not exist are errors.
std::vector<std::string> find_specs(const std::vector<std::string>& paths, std::vector<std::string>& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec) && it->path().filename() == ".git") {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec) && is_spec_name(it->path().filename().string())) {
          found.push_back(it->path().lexically_normal().string());
        }
      }
      if (ec) errors.push_back(p + ": error: cannot read directory: " + ec.message() + " [TL001]");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return out;
}

SpecResult run_spec(const std::string& file, const TestOptionsCli& o) {
  SpecResult result;
  result.file = file;
  auto spec = load_spec(file);
  if (!spec.ok()) {
    print_diagnostics(spec.diagnostics());
    result.error = "cannot read or use the spec (see the errors above)";
    return result;
  }
  result.policy = spec->policy_path;
  LoadOptions load;
  load.limits = o.limits;
  auto in = load_for_evaluation(spec->policy_path, load, spec->resource);
  if (!in) {
    print_diagnostics({make_error("TL501", "cannot evaluate the policy " + spec->policy_path + " (the errors above say why)",
                                  spec->policy_span)});
    result.error = "cannot evaluate its policy " + spec->policy_path + " (see the errors above)";
    return result;
  }
  WhoOptions options;
  options.limits = o.limits;
  options.limits.max_automaton_states = o.max_states;
  auto set = allowed_set(in->compiled, vercel_profile(), options);
  if (!set.ok()) {
    print_diagnostics(set.diagnostics());
    result.error = "cannot compute who can assume " + spec->policy_path;
    return result;
  }
  for (const auto& e : spec->expect) {
    auto outcome = check_expectation(in->compiled, set.value(), e, spec->team, vercel_profile(), options);
    if (!outcome.ok()) {
      print_diagnostics(outcome.diagnostics());
      result.error = "cannot decide an expectation";
      result.results.clear();
      return result;
    }
    for (const auto& a : in->assumptions) outcome.value().assumptions.push_back(a);
    result.results.push_back({e, std::move(outcome).value()});
  }
  return result;
}

int run_test(const TestOptionsCli& o) {
  std::vector<std::string> errors;
  const auto files = find_specs(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, errors);
  for (const auto& e : errors) std::cerr << e << "\n";
  std::vector<SpecResult> results;
  for (const auto& f : files) results.push_back(run_spec(f, o));
  const TestTotals t = totals(results);
  int code = kExitOk;
  if (t.errors != 0 || !errors.empty()) code = kExitBadInput;
  else if (t.failed != 0) code = kExitFindings;
  if (files.empty() && errors.empty()) {
    std::cerr << "trustlint: error: no *" << kSpecSuffix << " file found\n";
    code = kExitBadInput;
  }
  if (o.format == "json") std::cout << render_test_json(results, code);
  else if (o.format == "junit") std::cout << render_test_junit(results);
  else std::cout << render_test_text(results);
  return code;
}

}  // namespace

void register_test(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<TestOptionsCli>();
  CLI::App* cmd = app.add_subcommand(
      "test", "Prove the expectations of *.trustspec.yaml files (exit 0 all hold, 1 one fails, 2 a spec or policy is invalid)");
  cmd->footer(
      "Examples:\n"
      "  trustlint test                       # every *.trustspec.yaml below the working directory\n"
      "  trustlint test specs/ prod.trustspec.yaml\n"
      "  trustlint test specs/ --format junit > trustlint-junit.xml");
  cmd->add_option("specs", o->paths, "Spec files, or directories searched for *.trustspec.yaml (default: .)");
  cmd->add_option("--format", o->format, "text, json or junit")->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("--max-states", o->max_states, "Automaton state limit (default 200000)");
  add_limit_flags(*cmd, o->limits);
  cmd->callback([o, &exit_code] { exit_code = run_test(*o); });
}

}  // namespace trustlint::cli
