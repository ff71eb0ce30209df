// Renderings of `trustlint test` results (test_report.h).
#include "trustlint/test_report.h"

#include <sstream>

#include "trustlint/report.h"

namespace trustlint {
namespace {

std::string where(const std::string& file, const Span& s) {
  return visible_text(file) + ":" + std::to_string(s.line) + ":" + std::to_string(s.col);
}

std::string counterexample_line(const ExpectationOutcome& o) {
  if (!o.only_when.empty()) return describe_facts(*o.counterexample) + " can assume the role only when the conditions below hold";
  return describe_facts(*o.counterexample) + (o.counterexample_allowed ? " can" : " cannot") + " assume the role";
}

std::string xml(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += '?';
        else out += c;
    }
  }
  return out;
}

// The failure's explanation, one line each.
std::vector<std::string> details(const ExpectationOutcome& o) {
  std::vector<std::string> out;
  if (o.counterexample) out.push_back("counterexample: " + counterexample_line(o));
  if (!o.only_when.empty()) {
    std::string w;
    for (const auto& c : o.only_when) w += (w.empty() ? "" : "; ") + visible_text(c);
    out.push_back("only when: " + w);
  }
  if (!o.decided_by.empty()) {
    out.push_back("decided by: " + visible_text(o.decided_by) + (o.decided_at.known() ? " (" + where(o.decided_at.file, o.decided_at) + ")" : ""));
  }
  for (const auto& a : o.assumptions) out.push_back("assuming " + visible_text(a));
  return out;
}

}  // namespace

std::string render_test_text(const std::vector<SpecResult>& specs) {
  std::ostringstream out;
  for (const auto& s : specs) {
    if (!s.error.empty()) {
      out << "ERROR " << visible_text(s.file) << ": " << visible_text(s.error) << "\n";
      continue;
    }
    for (const auto& r : s.results) {
      out << (r.outcome.holds ? "PASS " : "FAIL ") << where(s.file, r.expectation.span) << " " << visible_text(r.expectation.text)
          << "\n";
      if (!r.outcome.holds) {
        for (const auto& line : details(r.outcome)) out << "     " << line << "\n";
      }
    }
  }
  const TestTotals t = totals(specs);
  out << t.passed << " passed, " << t.failed << " failed\n";
  return out.str();
}

std::string render_test_junit(const std::vector<SpecResult>& specs) {
  std::ostringstream out;
  const TestTotals t = totals(specs);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"trustlint test\" tests=\"" << t.passed + t.failed + t.errors << "\" failures=\"" << t.failed
      << "\" errors=\"" << t.errors << "\">\n";
  for (const auto& s : specs) {
    std::size_t failed = 0;
    for (const auto& r : s.results) failed += r.outcome.holds ? 0 : 1;
    const std::size_t tests = s.error.empty() ? s.results.size() : 1;
    out << "  <testsuite name=\"" << xml(s.file) << "\" tests=\"" << tests << "\" failures=\"" << failed
        << "\" errors=\"" << (s.error.empty() ? 0 : 1) << "\">\n";
    if (!s.error.empty()) {
      out << "    <testcase classname=\"" << xml(s.file) << "\" name=\"read the spec and its policy\">\n"
          << "      <error message=\"" << xml(s.error) << "\"/>\n    </testcase>\n";
    }
    for (const auto& r : s.results) {
      out << "    <testcase classname=\"" << xml(s.file) << "\" name=\"" << xml(where(s.file, r.expectation.span) + " " + r.expectation.text) << "\"";
      if (r.outcome.holds) {
        out << "/>\n";
        continue;
      }
      const auto lines = details(r.outcome);
      out << ">\n      <failure message=\"" << xml(lines.empty() ? "expectation does not hold" : lines.front()) << "\">";
      for (std::size_t i = 0; i < lines.size(); ++i) out << (i ? "\n" : "") << xml(lines[i]);
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace trustlint
