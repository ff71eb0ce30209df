// `lint --format github`: GitHub Actions workflow commands, so that findings show as
// annotations on the pull request's diff. Suppressed findings are left out (they are accepted;
// the other formats still list them).
#include <sstream>

#include "report/lint_writers.h"
#include "report/printable.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {

std::string github_escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  for (char c : github_escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

namespace {

const char* command(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "notice"; }

std::string message(const Finding& f) {
  std::string m = f.message;
  if (f.witness) m += "\nexample: " + f.witness->description;
  if (is_security_finding(f) && !f.fix.empty()) m += "\nfix: " + f.fix;
  return m;
}

// One report's lines.
void write_report(std::ostream& out, const LintReport& raw) {
  LintReport r = internal::printable(raw);
  r.file = internal::visible_text(raw.file);
  for (auto& f : r.findings) f.span.file = internal::visible_text(f.span.file);
  for (const auto& f : r.findings) {
    if (f.suppressed) continue;
    const std::string& file = f.span.file.empty() ? r.file : f.span.file;
    out << "::" << command(f.severity) << " file=" << github_escape_property(file);
    if (f.span.known()) {
      out << ",line=" << f.span.line << ",col=" << f.span.col;
      if (f.span.end_line >= f.span.line && f.span.end_col > 0) {
        out << ",endLine=" << f.span.end_line << ",endColumn=" << f.span.end_col;
      }
    }
    std::string title = f.rule + (f.name.empty() ? "" : " " + f.name);
    if (!r.resource.empty()) title += " (" + r.resource + ")";
    out << ",title=" << github_escape_property(title) << "::" << github_escape_data(message(f)) << "\n";
  }
  for (const auto& n : r.notes) {
    out << "::notice file=" << github_escape_property(r.file) << ",title=trustlint::" << github_escape_data(n) << "\n";
  }
}

// Each report's lines as it comes; nothing is held.
class GithubWriter final : public LintWriter {
 public:
  explicit GithubWriter(std::ostream& out) : out_(out) {}
  void add(const LintReport& report, const SourceSnapshot&) override { write_report(out_, report); }
  void end(int, std::size_t) override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<LintWriter> internal::lint_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

std::string render_lint_github(const std::vector<LintReport>& reports) {
  std::ostringstream out;
  for (const auto& r : reports) write_report(out, r);
  return std::move(out).str();
}

}  // namespace trustlint
