// lint_account_export (lint_loaded.h): an account export linted role by role from a mapped file,
// so that a 70 MB export needs a few megabytes, not a tree of the whole file. The file is read
// three times in order (line index, UTF-8 check, an outline of its top levels: the same checks
// and diagnostics as reading it whole), then each RoleDetailList entry is read again alone,
// linted and dropped; the pages behind the position read leave memory as it goes.
#include <algorithm>

#include "iac/iac_forms.h"
#include "lint/lint_loaded.h"
#include "source/read_tree.h"
#include "source/source_file.h"
#include "source/utf8.h"

namespace trustlint::internal {
namespace {

// Read as JSON, as read_tree and find_trust_policies would (the format asked for, the
// extension, else a first non-blank '{').
bool read_as_json_object(const SourceFile& file, InputFormat format) {
  if (format == InputFormat::yaml) return false;
  if (format == InputFormat::auto_detect &&
      (terraform_source_name(file.name()) || detect_format(file) != InputFormat::json)) {
    return false;
  }
  const std::string_view text = file.text();
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

// Whether `key` occurs in the text, looked for a few megabytes at a time.
bool mentions(const SourceFile& file, std::string_view key) {
  const std::string_view text = file.text();
  constexpr std::size_t kChunk = std::size_t{1} << 22;
  for (std::size_t at = 0; at < text.size(); at += kChunk) {
    const std::string_view part = text.substr(at, kChunk + key.size());
    if (part.find(key) != std::string_view::npos) {
      file.release_before(text.size());
      return true;
    }
    file.release_before(at);
  }
  file.release_before(text.size());
  return false;
}

// A line longer than this (a minified export) would be quoted whole by every report on it.
constexpr std::size_t kLongestQuotedLine = std::size_t{1} << 16;

bool has_long_line(const SourceFile& file) {
  const std::string_view text = file.text();
  std::size_t start = 0, released = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kLongestQuotedLine) return true;
    start = end + 1;
    if (start - released > (std::size_t{1} << 22)) file.release_before(released = start);
  }
  file.release_before(text.size());
  return false;
}

// The lines of the file that the report's findings quote.
std::shared_ptr<const QuotedLines> quoted_lines(const LintReport& report, const SourceFile& file) {
  auto lines = std::make_shared<QuotedLines>();
  for (const Finding& f : report.findings) {
    if (!f.span.known() || (!f.span.file.empty() && f.span.file != file.name())) continue;
    lines->add(file.text(), f.span.offset, std::max(f.span.offset, f.span.end_offset));
  }
  return lines;
}

}  // namespace

std::optional<std::vector<LintReport>> lint_account_export(const SourceFile& file, const std::string& path,
                                                           const LintOptions& options, const LoadOptions& load) {
  if (!read_as_json_object(file, load.format) || !mentions(file, "\"RoleDetailList\"")) return std::nullopt;
  std::vector<LintReport> reports;
  const auto failed = [&](Diagnostics diagnostics) {
    reports.push_back(lint_loaded(Result<Document>::failure(std::move(diagnostics)), path, options, {}));
    reports.back().role = false;
    reports.back().quoted = quoted_lines(reports.back(), file);
    return std::move(reports);
  };
  if (Diagnostics bad = check_utf8(file); !bad.empty()) return failed(std::move(bad));
  if (has_long_line(file)) return std::nullopt;  // read whole, as before
  // The tree down to the roles: the root, its members, RoleDetailList's entries (offsets only).
  Result<Node> outline = read_json_outline(file, load.limits, 2);
  if (!outline.has_value()) return failed(outline.take_diagnostics());
  const Node& root = outline.value();
  if (root.kind != NodeKind::object || root.get("Statement") != nullptr || root.get("RoleDetailList") == nullptr) {
    return std::nullopt;  // not an export (find_trust_policies reads it as what it is)
  }
  Diagnostics tree_diagnostics = outline.take_diagnostics();
  std::vector<bool> placed(tree_diagnostics.size(), false);
  const IacInput in{file, load, true};
  std::size_t roles = 0;
  if (const Node* list = account_role_list(root)) {
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      const Node& entry = list->items[i];
      if (entry.kind != NodeKind::object) continue;
      Result<Node> role = read_json_range(file, entry.span.offset, entry.span.end_offset, load.limits);
      if (!role.has_value()) return failed(role.take_diagnostics());  // not expected: the outline read it
      FoundPolicy found = find_account_role(role.value(), i + 1, in);
      // The file's own diagnostics (a duplicate key) inside this role, as find_trust_policies gives them.
      for (std::size_t d = 0; d < tree_diagnostics.size(); ++d) {
        const Diagnostic& diagnostic = tree_diagnostics[d];
        if (!diagnostic.span.known() || diagnostic.span.offset < found.begin || diagnostic.span.offset >= found.end) continue;
        Diagnostics one{diagnostic};
        name_resource(one, found.named);
        found.source.policy.diagnostics().push_back(std::move(one.front()));
        placed[d] = true;
      }
      reports.push_back(lint_role(found.source, file.name(), options));
      reports.back().quoted = quoted_lines(reports.back(), file);
      ++roles;
      file.release_before(found.end);
    }
  }
  // Problems outside every role, and an export without roles, as lint_read reports them. (JSON
  // has no comments: no inline suppression applies.)
  Diagnostics outside;
  for (std::size_t d = 0; d < tree_diagnostics.size(); ++d) {
    if (!placed[d]) outside.push_back(std::move(tree_diagnostics[d]));
  }
  if (!outside.empty() || roles == 0) {
    LintReport rest = lint_loaded(Result<Document>::failure(std::move(outside)), file.name(), options, {});
    rest.form = reports.empty() ? "" : reports.front().form;
    rest.role = false;
    if (roles == 0) rest.notes.push_back("no IAM role in this file");
    rest.quoted = quoted_lines(rest, file);
    reports.push_back(std::move(rest));
  }
  return reports;
}

}  // namespace trustlint::internal
