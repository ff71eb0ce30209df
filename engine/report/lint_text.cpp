// `lint` and `rules` as text.
#include <algorithm>
#include <set>
#include <sstream>

#include "report/ansi.h"
#include "report/printable.h"
#include "source/utf8.h"
#include "trustlint/lint_writer.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

std::string_view severity_style(Severity s) {
  return s == Severity::error ? internal::kRedBold : s == Severity::warning ? internal::kMagentaBold : internal::kCyanBold;
}

// "file:line:col: severity: message [ID]", the location bold and the severity coloured.
std::string header(const Finding& f, const std::string& file, bool color) {
  Span span = f.span;
  if (span.file.empty()) span.file = file;
  if (!color) return format_diagnostic(Diagnostic{f.rule, f.severity, f.message, std::move(span), {}});
  std::string where = span.file + ":";
  if (span.known()) where += std::to_string(span.line) + ":" + std::to_string(span.col) + ":";
  return internal::paint(where, internal::kBold, true) + " " +
         internal::paint(std::string(severity_name(f.severity)) + ":", severity_style(f.severity), true) + " " +
         internal::paint(f.message + " [" + f.rule + "]", internal::kBold, true);
}

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// Words wrapped at `width` columns (explanations are single long lines in the catalogue).
std::string wrapped(const std::string& text, std::size_t width) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line + "\n";
}

void indent(std::ostringstream& out, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out << "  " << line << "\n";
}

}  // namespace

std::string render_lint_text(const LintReport& raw, const SourceSnapshot& sources, const LintTextOptions& options) {
  LintReport report = internal::printable(raw);
  report.file = internal::visible_text(raw.file);
  std::ostringstream out;
  for (const auto& f : report.findings) {
    out << header(f, report.file, options.color) << "\n";
    out << render_source_excerpt(f.span, raw.file, sources, options.color);
    if (!report.resource.empty()) out << "  resource: " << report.resource << "\n";
    if (f.suppressed) out << "  suppressed: " << f.suppression_reason << "\n";
    if (f.witness) out << "  example: " << f.witness->description << "\n";
    for (const auto& n : f.notes) out << "  note: " << n << "\n";
    if (is_security_finding(f) && !f.fix.empty()) out << "  fix: " << f.fix << "\n";
  }
  const std::string about = report.resource.empty() ? "" : report.resource + ": ";
  // What the findings rest on (IaC inputs); a role without findings needs no caveats.
  if (!report.findings.empty()) {
    for (const auto& a : report.assumptions) out << report.file << ": note: " << about << "assumed " << a << "\n";
  }
  for (const auto& n : report.notes) out << report.file << ": note: " << about << n << "\n";
  return out.str();
}

void LintTally::add(const LintReport& r) {
  ++counts_.reports;
  if (r.read) files_.insert(r.file);
  if (r.role && !r.input_failed) {
    ++counts_.roles;
    const bool ran = std::none_of(r.notes.begin(), r.notes.end(), [](const std::string& n) { return n.starts_with("security rules not run"); });
    if (!ran) ++counts_.unchecked;
  }
  for (const auto& f : r.findings) {
    if (f.suppressed) ++counts_.suppressed;
    else if (f.severity == Severity::error) ++counts_.errors;
    else if (f.severity == Severity::warning) ++counts_.warnings;
    else ++counts_.notes;
  }
}

LintSummary LintTally::summary(std::size_t skipped) const {
  LintSummary s = counts_;
  s.files = files_.size();
  s.skipped = skipped;
  return s;
}

LintSummary summarize(const std::vector<LintReport>& reports, std::size_t skipped) {
  LintTally tally;
  for (const auto& r : reports) tally.add(r);
  return tally.summary(skipped);
}

std::string render_lint_summary_text(const LintSummary& s) {
  const auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  std::string out = count(s.files, "file", "files") + ", " + count(s.roles, "role", "roles") + " checked: " +
                    count(s.errors, "error", "errors") + ", " + count(s.warnings, "warning", "warnings");
  if (s.notes != 0) out += ", " + count(s.notes, "note", "notes");
  if (s.suppressed != 0) out += " (" + std::to_string(s.suppressed) + " suppressed)";
  if (s.unchecked != 0) out += "; security rules not run on " + count(s.unchecked, "role", "roles") + " (see the notes)";
  if (s.skipped != 0) out += "; " + count(s.skipped, "file", "files") + " skipped (no trust policy)";
  return out + "\n";
}

std::string render_rule_index_text(const std::vector<RuleInfo>& rules) {
  std::ostringstream out;
  out << pad("ID", 7) << pad("SEVERITY", 9) << pad("NAME", 24) << "TITLE\n";
  for (const auto& r : rules) {
    out << pad(r.id, 7) << pad(severity_name(r.severity), 9) << pad(r.name.empty() ? "-" : r.name, 24) << r.title
        << "\n";
  }
  return out.str();
}

std::string render_rule_detail_text(const RuleInfo& r) {
  std::ostringstream out;
  out << r.id << (r.name.empty() ? "" : " " + r.name) << " (" << severity_name(r.severity) << "): " << r.title << "\n\n";
  out << wrapped(r.explanation, 96);
  if (!r.bad_example.empty()) {
    out << "\nBad:\n";
    indent(out, r.bad_example);
  }
  if (!r.good_example.empty()) {
    out << "\nGood:\n";
    indent(out, r.good_example);
  }
  out << "\nFix: " << r.fix << "\n";
  if (!r.help.empty()) out << "Help: " << r.help << "\n";
  return out.str();
}

}  // namespace trustlint
