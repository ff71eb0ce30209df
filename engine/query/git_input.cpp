// git:REV:PATH inputs (git_input.h): `git show REV:PATH` through run_captured (run_process.h),
// its failure turned into a located TL001.
#include "trustlint/git_input.h"

#include "query/run_process.h"

namespace trustlint {
namespace {

Result<std::string> fail(const std::string& input, const std::string& why) {
  Span where;
  where.file = input;
  return Result<std::string>::failure(make_error("TL001", "cannot read " + input + " through git: " + why, where));
}

}  // namespace

bool is_git_input(const std::string& input) { return input.rfind("git:", 0) == 0; }

Result<std::string> read_git_input(const std::string& input) {
  const std::string spec = input.substr(4);
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
    return fail(input, "expected git:REV:PATH (e.g. git:origin/main:infra/trust.json)");
  }
  if (spec[0] == '-') return fail(input, "a revision cannot start with '-'");
  // REV:PATH, as git show takes it
  auto run = internal::run_captured({"git", "--no-pager", "show", "--no-textconv", spec});
  if (!run.has_value()) return fail(input, run.diagnostics().empty() ? "cannot start git" : run.diagnostics().front().message);
  internal::ProcessOutput& p = run.value();
  if (!p.exited || p.status != 0) {
    std::string err = std::move(p.err);
    if (p.exited && p.status == 127 && err.empty()) return fail(input, "git is not installed");
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    const auto nl = err.find('\n');
    if (nl != std::string::npos) err = err.substr(0, nl);
    return fail(input, err.empty() ? "git show failed" : err);
  }
  return std::move(p.out);
}

}  // namespace trustlint
