// The LintWriter of each lint format (trustlint/lint_writer.h), each defined beside its
// format's renderer; make_lint_writer picks one. Internal.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "trustlint/lint_writer.h"

namespace trustlint::internal {

std::unique_ptr<LintWriter> lint_text_writer(std::ostream& out, const LintTextOptions& options);
std::unique_ptr<LintWriter> lint_json_writer(std::ostream& out, const std::string& fail_on);
std::unique_ptr<LintWriter> lint_sarif_writer(std::ostream& out, const SarifOptions& options);
std::unique_ptr<LintWriter> lint_github_writer(std::ostream& out);
std::unique_ptr<LintWriter> lint_markdown_writer(std::ostream& out);

}  // namespace trustlint::internal
