// Suppressions written where the code is: `# trustlint:ignore TL104 -- reason` comments (YAML,
// CloudFormation YAML; HCL readers pass their own comment markers) and a CloudFormation
// resource's `Metadata: {trustlint: {ignore: [{id, reason, until}]}}`. scan_ignore_comments()
// only reads text; apply_inline_suppressions() marks the findings they cover, turns expired
// ones back into findings (TL098) and reports those that match nothing (TL097).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/lint.h"

namespace trustlint::internal {

struct InlineSuppression {
  std::vector<std::string> rules;  // ids or names as written ("TL104", "any-project")
  std::string reason;
  std::string until;               // "YYYY-MM-DD" or empty (no expiry)
  std::string resource;            // Metadata form: the logical ID it belongs to; empty for comments
  std::uint32_t first_line = 0;    // comments: the lines whose findings it covers
  std::uint32_t last_line = 0;
  Span span;                       // where it is written
  bool used = false;
};

// Comments in `text` that start with one of `markers` ("#", "//", "/*" for a one-line block
// comment, whose "*/" ends the reason) followed by
// "trustlint:ignore". A comment after code covers its own line; a comment on a line of its own
// covers the next line that is neither blank nor a comment. Form:
//   trustlint:ignore ID[,ID…] [until=YYYY-MM-DD] -- reason
// A comment without a reason, an unknown rule or a malformed date is a TL096 error in `problems`.
std::vector<InlineSuppression> scan_ignore_comments(std::string_view text, const std::string& file,
                                                    const std::vector<std::string_view>& markers,
                                                    Diagnostics& problems);

// The entries of Resources.*.Metadata.trustlint.ignore of a CloudFormation template (JSON or
// YAML text); malformed entries are TL096 errors in `problems`.
std::vector<InlineSuppression> cloudformation_ignores(std::string_view text, const std::string& file,
                                                      Diagnostics& problems);

// Today's date in UTC, "YYYY-MM-DD".
std::string today_utc();

// Marks the findings of `reports` (one file's) that a suppression covers; a suppression whose
// `until` is before `today` (YYYY-MM-DD) suppresses nothing and adds a TL098 note; one that
// covered nothing adds a TL097 note. Problems of the scan become findings of the first report.
void apply_inline_suppressions(std::vector<LintReport>& reports, std::vector<InlineSuppression>& suppressions,
                               const Diagnostics& problems, const std::string& today);

}  // namespace trustlint::internal
