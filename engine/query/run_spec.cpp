// run_spec / find_spec_files / test_exit_code (query.h): `test`'s work — the spec files found,
// each spec's policy opened as can and who open it, every expectation proven against its exact
// allowed set, and the run's status.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "trustlint/query.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {
namespace {

bool is_spec_name(const std::string& name) {
  const std::string suffix = kSpecSuffix;
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void append(Diagnostics& to, Diagnostics from) {
  for (auto& d : from) to.push_back(std::move(d));
}

}  // namespace

std::vector<std::string> find_spec_files(const std::vector<std::string>& paths, Diagnostics& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
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
    if (ec) {
      Span where;
      where.file = p;
      errors.push_back(make_error("TL001", "cannot read directory: " + ec.message(), where));
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

SpecResult run_spec(const std::string& file, const WhoOptions& options) {
  SpecResult result;
  result.file = file;
  auto spec = load_spec(file);
  if (!spec.ok()) {
    append(result.diagnostics, spec.take_diagnostics());
    result.error = "cannot read or use the spec (see the errors above)";
    return result;
  }
  result.policy = spec->policy_path;
  LoadOptions load;
  load.limits = options.limits;
  load.limits.max_automaton_states = Limits{}.max_automaton_states;
  auto role = open_role(Input::file(spec->policy_path), spec->resource, load);
  append(result.diagnostics, role.take_diagnostics());
  if (!role.has_value()) {
    result.diagnostics.push_back(make_error(
        "TL501", "cannot evaluate the policy " + spec->policy_path + " (the errors above say why)", spec->policy_span));
    result.error = "cannot evaluate its policy " + spec->policy_path + " (see the errors above)";
    return result;
  }
  auto set = who(role.value(), options);
  if (!set.ok()) {
    append(result.diagnostics, set.take_diagnostics());
    result.error = "cannot compute who can assume " + spec->policy_path;
    return result;
  }
  for (const auto& e : spec->expect) {
    auto outcome = check_expectation(role.value().compiled, set.value(), e, spec->team, vercel_profile(), options);
    if (!outcome.ok()) {
      append(result.diagnostics, outcome.take_diagnostics());
      result.error = "cannot decide an expectation";
      result.results.clear();
      return result;
    }
    for (const auto& a : role.value().assumptions) outcome.value().assumptions.push_back(a);
    result.results.push_back({e, std::move(outcome).value()});
  }
  return result;
}

TestTotals totals(const std::vector<SpecResult>& specs) {
  TestTotals t;
  for (const auto& s : specs) {
    if (!s.error.empty()) ++t.errors;
    for (const auto& r : s.results) (r.outcome.holds ? t.passed : t.failed) += 1;
  }
  return t;
}

int test_exit_code(const std::vector<SpecResult>& specs, bool search_failed) {
  const TestTotals t = totals(specs);
  if (search_failed || specs.empty() || t.errors != 0) return 2;
  return t.failed != 0 ? 1 : 0;
}

Diagnostic no_spec_found() {
  return make_error(kQuestionCode, std::string("no *") + kSpecSuffix + " file found", Span{});
}

}  // namespace trustlint
