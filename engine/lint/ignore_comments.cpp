// Suppressions where the code is (see ignore_comments.h): the comment scan, the CloudFormation
// Metadata form, and applying both to one file's reports.
#include "lint/ignore_comments.h"

#include <algorithm>
#include <ctime>
#include <regex>
#include <tuple>

#include "source/diagnostic_sink.h"
#include "source/read_tree.h"
#include "source/source_file.h"

namespace trustlint::internal {
namespace {

constexpr std::string_view kTag = "trustlint:ignore";

Diagnostic problem(std::string message, Span span) {
  return Diagnostic{"TL096", Severity::error, std::move(message), std::move(span),
                    {"write: # trustlint:ignore TL104 -- why this is acceptable (README \"Suppressions in the code\")"}};
}

bool valid_date(const std::string& d) {
  static const std::regex shape(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(d, shape);
}

// Checks ids/names and the date; a problem is reported once per suppression.
bool check(const InlineSuppression& s, Diagnostics& problems) {
  if (s.rules.empty()) {
    problems.push_back(problem("trustlint:ignore names no rule", s.span));
    return false;
  }
  for (const auto& r : s.rules) {
    if (find_rule(r) == nullptr) {
      problems.push_back(problem("trustlint:ignore names unknown rule " + quote(r) + "; `trustlint rules` lists them", s.span));
      return false;
    }
  }
  if (s.reason.empty()) {
    problems.push_back(problem("trustlint:ignore needs a reason after \" -- \"", s.span));
    return false;
  }
  if (!s.until.empty() && !valid_date(s.until)) {
    problems.push_back(problem("until " + quote(s.until) + " is not a date YYYY-MM-DD", s.span));
    return false;
  }
  return true;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// "TL104,TL105 until=2027-01-31 -- reason" → the suppression's fields.
void parse_body(std::string_view body, InlineSuppression& s) {
  const auto dashes = body.find(" --");
  std::string head = trim(body.substr(0, dashes));
  if (dashes != std::string_view::npos) s.reason = trim(body.substr(dashes + 3));
  static const std::regex until(R"((^|\s)until\s*[=:]\s*(\S+))");
  std::smatch m;
  if (std::regex_search(head, m, until)) {
    s.until = m[2].str();
    head = trim(std::string_view(head).substr(0, static_cast<std::size_t>(m.position(0))));
  }
  std::string id;
  for (char c : head + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!id.empty()) s.rules.push_back(id);
      id.clear();
    } else {
      id += c;
    }
  }
}

bool blank_or_comment(std::string_view line, const std::vector<std::string_view>& markers) {
  const std::string t = trim(line);
  if (t.empty()) return true;
  return std::any_of(markers.begin(), markers.end(), [&](std::string_view m) { return t.starts_with(m); });
}

}  // namespace

std::vector<InlineSuppression> scan_ignore_comments(std::string_view text, const std::string& file,
                                                    const std::vector<std::string_view>& markers,
                                                    Diagnostics& problems) {
  std::vector<InlineSuppression> out;
  const SourceFile source(file, std::string(text));
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const auto end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < lines.size(); line_start += lines[i].size() + 1, ++i) {
    const auto at = lines[i].find(kTag);
    if (at == std::string_view::npos) continue;
    // the marker must open the comment that holds the tag: "#  trustlint:ignore"
    std::string_view before = lines[i].substr(0, at);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    const auto marker = std::find_if(markers.begin(), markers.end(), [&](std::string_view m) { return before.ends_with(m); });
    if (marker == markers.end()) continue;
    const std::string code = trim(before.substr(0, before.size() - marker->size()));
    InlineSuppression s;
    std::string_view body = lines[i].substr(at + kTag.size());
    if (*marker == "/*") body = body.substr(0, body.find("*/"));  // a one-line /* … */ comment
    parse_body(body, s);
    s.span = source.span(line_start + before.size() - marker->size(), line_start + lines[i].size());
    const auto line = static_cast<std::uint32_t>(i + 1);
    if (!code.empty()) {
      s.first_line = s.last_line = line;  // after code: its own line
    } else {
      std::size_t next = i + 1;
      while (next < lines.size() && blank_or_comment(lines[next], markers)) ++next;
      s.first_line = s.last_line = static_cast<std::uint32_t>(next + 1);
    }
    if (check(s, problems)) out.push_back(std::move(s));
  }
  return out;
}

std::vector<InlineSuppression> cloudformation_ignores(std::string_view text, const std::string& file,
                                                      Diagnostics& problems) {
  std::vector<InlineSuppression> out;
  const SourceFile source(file, std::string(text));
  auto tree = read_tree(source, InputFormat::auto_detect, Limits{});
  if (!tree.has_value()) return out;  // the reader already reported why
  const Node* resources = tree.value().get("Resources");
  if (resources == nullptr || resources->kind != NodeKind::object) return out;
  for (const auto& r : resources->members) {
    const Node* meta = r.value.get("Metadata");
    const Node* own = meta != nullptr ? meta->get("trustlint") : nullptr;
    if (own == nullptr) continue;
    const Node* list = own->get("ignore");
    if (own->kind != NodeKind::object || list == nullptr || list->kind != NodeKind::array) {
      problems.push_back(problem("Metadata.trustlint must be {ignore: [{id: TL104, reason: …}]}", own->span));
      continue;
    }
    for (const auto& item : list->items) {
      InlineSuppression s;
      s.resource = r.key;
      s.span = item.span;
      bool shape_ok = item.kind == NodeKind::object;
      for (const auto& m : item.members) {
        if (!m.value.is_scalar()) shape_ok = false;
        else if (m.key == "id") s.rules.push_back(m.value.text);
        else if (m.key == "reason") s.reason = m.value.text;
        else if (m.key == "until") s.until = m.value.text;
        else shape_ok = false;
      }
      if (!shape_ok) {
        problems.push_back(problem("an ignore entry is {id: TL104, reason: …, until: YYYY-MM-DD (optional)}", item.span));
        continue;
      }
      if (check(s, problems)) out.push_back(std::move(s));
    }
  }
  return out;
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

void apply_inline_suppressions(std::vector<LintReport>& reports, std::vector<InlineSuppression>& suppressions,
                               const Diagnostics& problems, const std::string& today) {
  if (reports.empty()) return;
  std::vector<Finding> extra;
  for (const auto& d : problems) extra.push_back(finding_from_diagnostic(d));
  for (auto& s : suppressions) {
    const bool expired = !s.until.empty() && !today.empty() && s.until < today;
    for (auto& report : reports) {
      if (!s.resource.empty() && report.resource != s.resource) continue;
      for (auto& f : report.findings) {
        const bool named = std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& r) {
          const RuleInfo* info = find_rule(r);
          return info != nullptr && info->id == f.rule;
        });
        const std::uint32_t last = std::max(f.span.line, f.span.end_line);
        // a comment covers lines of its own file (a Terraform role's findings may be in another)
        const bool here = !s.resource.empty() || (f.span.file == s.span.file && f.span.line <= s.last_line && s.first_line <= last);
        if (!named || !here || f.suppressed) continue;
        s.used = true;
        if (expired) {
          f.notes.push_back("its suppression expired on " + s.until + " (" + s.reason + ")");
        } else {
          f.suppressed = true;
          f.suppression_reason = s.reason;
        }
      }
    }
    if (expired) {
      extra.push_back(finding_from_diagnostic(Diagnostic{
          "TL098", Severity::note, "suppression expired on " + s.until + "; the findings it covered are reported again", s.span, {}}));
    } else if (!s.used) {
      extra.push_back(finding_from_diagnostic(Diagnostic{
          "TL097", Severity::note, "suppression matches no finding (stale); remove it", s.span, {}}));
    }
  }
  if (extra.empty()) return;
  // A Metadata suppression's notes go to its resource's report; the others to the file's own
  // report (a plain policy's, or one added for the file when every report is a resource's).
  const auto report_for = [&](const std::string& resource) -> LintReport& {
    for (auto& r : reports) {
      if (r.resource == resource) return r;
    }
    LintReport own;
    own.file = reports.front().file;
    own.form = reports.front().form;
    reports.push_back(std::move(own));
    return reports.back();
  };
  std::vector<std::string> owners;
  for (std::size_t i = 0; i < problems.size(); ++i) owners.emplace_back();
  for (const auto& s : suppressions) {
    const bool expired = !s.until.empty() && !today.empty() && s.until < today;
    if (expired || !s.used) owners.push_back(s.resource);
  }
  for (std::size_t i = 0; i < extra.size(); ++i) {
    auto& findings = report_for(owners[i]).findings;
    findings.push_back(std::move(extra[i]));
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.span.line, a.span.col, a.rule) < std::tie(b.span.line, b.span.col, b.rule);
    });
  }
}

}  // namespace trustlint::internal
