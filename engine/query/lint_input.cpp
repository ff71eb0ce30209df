// lint_input, the expected teams' check and --fail-on (query.h): every role of an input linted
// from text read once, and the threshold that decides whether a report fails a run.
#include <algorithm>

#include "lint/lint_loaded.h"
#include "source/source_file.h"
#include "trustlint/query.h"
#include "trustlint/report.h"

namespace trustlint {

std::vector<LintReport> lint_input(const Input& input, const LintOptions& options, const LoadOptions& load) {
  if (input.kind == Input::Kind::text) {
    std::string_view text = input.text;
    if (text.size() > load.limits.max_bytes) {
      std::vector<LintReport> reports;
      reports.push_back(internal::lint_loaded(
          Result<Document>::failure(internal::too_large_error(input.name, text, load.limits)), input.name, options, {}));
      return reports;
    }
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return internal::lint_read(std::make_shared<const std::string>(text), input.name, input.name, false, options, load);
  }
  return lint_sources(input.given(), options, load);
}

std::optional<Diagnostic> check_expected_teams(const std::vector<std::string>& teams) {
  for (const auto& team : teams) {
    if (auto why = check_segment(*vercel_profile().segment("team"), team)) {
      return make_error("TL090", "--team: " + visible_text(*why), Span{});
    }
  }
  return std::nullopt;
}

std::optional<FailOn> parse_fail_on(std::string_view text) {
  if (text == "error") return FailOn::error;
  if (text == "warning") return FailOn::warning;
  if (text == "note") return FailOn::note;
  if (text == "never") return FailOn::never;
  return std::nullopt;
}

const char* fail_on_name(FailOn fail_on) {
  switch (fail_on) {
    case FailOn::error: return "error";
    case FailOn::warning: return "warning";
    case FailOn::note: return "note";
    case FailOn::never: return "never";
  }
  return "error";
}

bool fails(const LintReport& report, FailOn fail_on) {
  if (fail_on == FailOn::never) return false;
  const int threshold = static_cast<int>(fail_on);  // error 0, warning 1, note 2: as Severity
  return std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    return !f.suppressed && static_cast<int>(f.severity) <= threshold;
  });
}

}  // namespace trustlint
