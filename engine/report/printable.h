// Printable copies of lint results for the renderers: every human-facing text (messages, notes,
// fixes, examples, assumptions, resource names) through visible_text, so that no value from a
// policy or the command line can break a format's lines, annotations or encoding. File paths and
// JSON pointers are left as they are (renderers that print paths as text escape them there).
#pragma once

#include <string>
#include <vector>

#include "trustlint/finding.h"
#include "trustlint/lint.h"

namespace trustlint::internal {

Finding printable(const Finding& f);
LintReport printable(const LintReport& r);
std::vector<std::string> printable(const std::vector<std::string>& texts);

}  // namespace trustlint::internal
