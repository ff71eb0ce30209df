// `lint --format markdown`: a summary for a pull-request comment or $GITHUB_STEP_SUMMARY:
// counts, one table row per finding, and the who-can-assume matrix of each policy. Written by
// MarkdownWriter, which keeps each report's rows, notes and matrix as text until the counts are known.
#include <sstream>

#include "report/chunked_text.h"
#include "report/lint_writers.h"
#include "report/markdown.h"
#include "report/printable.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

std::string cell(std::string_view text) { return internal::markdown_text(text); }
std::string code(std::string_view text) { return internal::markdown_code(text); }

const char* icon(const Finding& f) {
  if (f.suppressed) return "🔕 suppressed";
  return f.severity == Severity::error ? "❌ error" : f.severity == Severity::warning ? "⚠️ warning" : "ℹ️ note";
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// The counts come first, then the rows, the notes and the matrices: each kept as text until end().
class MarkdownWriter final : public LintWriter {
 public:
  explicit MarkdownWriter(std::ostream& out, bool who_of_reports = true) : out_(out), who_of_reports_(who_of_reports) {}

  void add(const LintReport& raw, const SourceSnapshot&) override {
    LintReport r = internal::printable(raw);
    r.file = internal::visible_text(raw.file);
    for (auto& f : r.findings) f.span.file = internal::visible_text(f.span.file);
    tally_.add(r);
    for (const auto& f : r.findings) {
      const std::string& file = f.span.file.empty() ? r.file : f.span.file;
      std::string where = file + (f.span.known() ? ":" + std::to_string(f.span.line) : "");
      std::string rule = f.rule + (f.name.empty() ? "" : " " + f.name);
      std::string message = cell(f.message);
      if (!r.resource.empty()) message = cell(r.resource) + ": " + message;
      if (f.suppressed) message += "<br>suppressed: " + cell(f.suppression_reason);
      rows_.append("| " + std::string(icon(f)) + " | " + code(rule) + " | " + code(where) + " | " + message + " | " +
                   (f.witness ? cell(f.witness->description) : std::string("—")) + " |\n");
    }
    for (const auto& n : r.notes) notes_.append("> " + cell(r.file) + ": " + cell(n) + "\n\n");
    if (who_of_reports_ && raw.allowed) add_who(raw.file, raw.resource, *raw.allowed);
  }

  void add_who(const std::string& file, const std::string& resource, const AllowedSet& set) {
    who_.append(render_who_markdown(set, WhoQuery{resource.empty() ? file : file + " (" + resource + ")", false}) + "\n");
  }

  void end(int, std::size_t) override {
    const LintSummary s = tally_.summary();
    out_ << "## trustlint\n\n"
         << plural(s.files, "policy", "policies") << " checked: **" << plural(s.errors, "error", "errors") << "**, "
         << plural(s.warnings, "warning", "warnings") << ", " << plural(s.notes, "note", "notes") << ", " << s.suppressed
         << " suppressed.\n\n";
    if (!rows_.empty()) {
      out_ << "| severity | rule | location | message | example |\n|---|---|---|---|---|\n";
      rows_.write_to(out_);
      out_ << "\n";
    } else {
      out_ << "No findings.\n\n";
    }
    notes_.write_to(out_);
    who_.write_to(out_);
  }

 private:
  std::ostream& out_;
  const bool who_of_reports_;
  LintTally tally_;
  internal::ChunkedText rows_, notes_, who_;
};

}  // namespace

std::unique_ptr<LintWriter> internal::lint_markdown_writer(std::ostream& out) {
  return std::make_unique<MarkdownWriter>(out);
}

std::string render_lint_markdown(const std::vector<LintReport>& reports, const std::vector<LintWho>& who) {
  std::ostringstream out;
  MarkdownWriter writer(out, false);
  for (const auto& r : reports) writer.add(r, {});
  for (const auto& w : who) writer.add_who(w.file, w.resource, w.set);
  writer.end(0, 0);
  return std::move(out).str();
}

std::string render_lint_markdown(const std::vector<LintReport>& reports) {
  std::ostringstream out;
  MarkdownWriter writer(out);
  for (const auto& r : reports) writer.add(r, {});
  writer.end(0, 0);
  return std::move(out).str();
}

}  // namespace trustlint
