// `lint --format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers (README
// "lint --format sarif"). One run; tool.driver.rules is the whole catalogue; regions count
// columns in UTF-16 code units (run.columnKind), as SARIF's default and GitHub expect. Written
// report by report (SarifWriter), which keeps each report's results as text until the end.
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/chunked_text.h"
#include "report/lint_writers.h"
#include "report/printable.h"
#include "report/sarif_support.h"
#include "report/summary_json.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

using nlohmann::ordered_json;
using namespace internal;

const char* level(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

// docs/rules/ID.md under the base (`lint --help-uri-base`, default from CMakeLists.txt).
std::string help_uri(const RuleInfo& r, const std::string& base) {
  return base + (base.empty() || base.back() == '/' ? "" : "/") + r.id + ".md";
}

std::string help_markdown(const RuleInfo& r, const std::string& uri) {
  std::string md = "**" + r.id + (r.name.empty() ? "" : " " + r.name) + "**: " + r.title + "\n\n" + r.explanation + "\n\n";
  if (!r.bad_example.empty()) md += "Bad:\n\n```yaml\n" + r.bad_example + (r.bad_example.back() == '\n' ? "" : "\n") + "```\n\n";
  if (!r.good_example.empty()) md += "Good:\n\n```yaml\n" + r.good_example + (r.good_example.back() == '\n' ? "" : "\n") + "```\n\n";
  return md + "**Fix:** " + r.fix + "\n\n[Documentation](" + uri + ")";
}

ordered_json rule(const RuleInfo& r, const SarifOptions& o) {
  const std::string uri = help_uri(r, o.help_uri_base);
  std::string text = r.explanation + "\n\nFix: " + r.fix;
  ordered_json props = {{"tags", r.is_rule() ? ordered_json{"security", "iam", "oidc"} : ordered_json{"correctness", "iam"}},
                        {"precision", "very-high"}};
  // GitHub's security-severity scale: high (7.0–8.9), medium (4.0–6.9), low (0.1–3.9).
  if (r.is_rule()) props["security-severity"] = r.severity == Severity::error ? "8.0" : r.severity == Severity::warning ? "5.0" : "2.0";
  return {{"id", r.id},
          {"name", r.is_rule() ? r.name : slug(r.title)},
          {"shortDescription", {{"text", r.title}}},
          {"fullDescription", {{"text", r.explanation}}},
          {"help", {{"text", text}, {"markdown", help_markdown(r, uri)}}},
          {"helpUri", uri},
          {"defaultConfiguration", {{"level", level(r.severity)}}},
          {"properties", std::move(props)}};
}

ordered_json artifact(const std::string& file) {
  const std::string uri = file_uri(file);
  ordered_json a = {{"uri", uri}};
  if (uri.rfind("file:", 0) != 0) a["uriBaseId"] = "%SRCROOT%";
  return a;
}

ordered_json region(const Span& s, const std::string& file, const SourceSnapshot& sources) {
  // By offset when the span has them (no scan from the file's start for each finding).
  const bool by_offset = s.end_offset >= s.offset && (s.offset > 0 || s.line == 1);
  auto line = [&](std::uint32_t number, std::uint64_t offset) {
    return by_offset ? sources.line_at(file, offset) : sources.line(file, number);
  };
  ordered_json r = {{"startLine", s.line}, {"startColumn", utf16_column(line(s.line, s.offset), s.col)}};
  if (s.end_line >= s.line && s.end_col > 0) {
    r["endLine"] = s.end_line;
    r["endColumn"] = utf16_column(line(s.end_line, s.end_offset), s.end_col);
  }
  if (s.end_offset >= s.offset && (s.end_offset > 0 || s.offset > 0)) {
    r["byteOffset"] = s.offset;
    r["byteLength"] = s.end_offset - s.offset;
  }
  if (auto text = sources.excerpt(s, file); text && !text->empty()) r["snippet"] = {{"text", printable_text(*text)}};
  return r;
}

ordered_json result(const Finding& raw, const LintReport& rep, const SourceSnapshot& sources,
                    const std::map<std::string, std::size_t>& index) {
  const Finding f = internal::printable(raw);
  const std::string& file = f.span.file.empty() ? rep.file : f.span.file;
  std::string text = f.message;
  if (f.witness) text += "\nexample: " + f.witness->description;
  ordered_json physical = {{"artifactLocation", artifact(file)}};
  if (f.span.known()) physical["region"] = region(f.span, file, sources);
  ordered_json location = {{"physicalLocation", std::move(physical)}};
  if (!rep.resource.empty()) {
    const std::string resource = internal::visible_text(rep.resource);
    location["logicalLocations"] = {{{"name", resource}, {"fullyQualifiedName", resource + f.pointer},
                                     {"kind", "resource"}}};
  }
  ordered_json j = {{"ruleId", f.rule}};
  if (auto it = index.find(f.rule); it != index.end()) j["ruleIndex"] = it->second;
  j["level"] = level(f.severity);
  j["message"] = {{"text", text}};
  j["locations"] = {std::move(location)};
  j["partialFingerprints"] = {{"trustlintFinding/v1", finding_fingerprint(raw, rep, sources)}};
  if (f.suppressed) j["suppressions"] = {{{"kind", "external"}, {"justification", f.suppression_reason}}};
  ordered_json props = {{"pointer", f.pointer}};
  if (f.witness) props["example"] = f.witness->description;
  if (is_security_finding(f) && !f.fix.empty()) props["fix"] = f.fix;
  j["properties"] = std::move(props);
  return j;
}

}  // namespace

std::string finding_fingerprint(const Finding& f, const LintReport& rep, const SourceSnapshot& sources) {
  const std::string& file = f.span.file.empty() ? rep.file : f.span.file;
  const auto value = sources.excerpt(f.span, rep.file);
  return fingerprint_hex({f.rule, file_uri(file), rep.resource, f.pointer, value ? *value : std::string_view()});
}

namespace {

std::string dumped(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace); }

// The log as dump(2) prints it. Its invocation (exit code, notifications) comes before the
// results, so each report's results and notifications are kept as text until end(); the
// reports themselves are not.
class SarifWriter final : public LintWriter {
 public:
  SarifWriter(std::ostream& out, const SarifOptions& options) : out_(out), options_(options) {
    std::size_t at = 0;
    for (const auto& r : rule_catalogue()) index_.emplace(r.id, at++);
  }

  void add(const LintReport& rep, const SourceSnapshot& sources) override {
    tally_.add(rep);
    for (const auto& f : rep.findings) {
      results_.append(results_.empty() ? "\n        " : ",\n        ");
      append_indented(results_, dumped(result(f, rep, sources, index_)), 8);
    }
    for (const auto& n : rep.notes) {
      const ordered_json note = {{"level", "warning"}, {"message", {{"text", internal::visible_text(n)}}},
                                 {"locations", {{{"physicalLocation", {{"artifactLocation", artifact(rep.file)}}}}}}};
      notifications_.append(notifications_.empty() ? "\n            " : ",\n            ");
      append_indented(notifications_, dumped(note), 12);
    }
  }

  void end(int exit_code, std::size_t skipped) override {
    ordered_json rules = ordered_json::array();
    for (const auto& r : rule_catalogue()) rules.push_back(rule(r, options_));
    ordered_json driver = {{"name", "trustlint"}};
    if (!options_.tool_version.empty()) driver["version"] = options_.tool_version;
    if (!options_.information_uri.empty()) driver["informationUri"] = options_.information_uri;
    driver["rules"] = std::move(rules);
    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
            "  \"runs\": [\n    {\n      \"tool\": ";
    write_indented(out_, dumped(ordered_json{{"driver", std::move(driver)}}), 6);
    out_ << ",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": "
         << (exit_code != 2 ? "true" : "false") << ",\n          \"exitCode\": " << exit_code;
    if (!notifications_.empty()) {
      out_ << ",\n          \"toolExecutionNotifications\": [";
      notifications_.write_to(out_);
      out_ << "\n          ]";
    }
    out_ << "\n        }\n      ],\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [";
    results_.write_to(out_);
    out_ << (results_.empty() ? "],\n      \"properties\": " : "\n      ],\n      \"properties\": ");
    write_indented(out_, dumped(ordered_json{{"summary", internal::summary_json(tally_.summary(skipped))}}), 6);
    out_ << "\n    }\n  ]\n}\n";
  }

  bool quotes_sources() const override { return true; }

 private:
  std::ostream& out_;
  const SarifOptions options_;
  std::map<std::string, std::size_t> index_;  // rule id → its place in tool.driver.rules
  LintTally tally_;
  ChunkedText results_, notifications_;
};

}  // namespace

std::unique_ptr<LintWriter> internal::lint_sarif_writer(std::ostream& out, const SarifOptions& options) {
  return std::make_unique<SarifWriter>(out, options);
}

std::string render_lint_sarif(const std::vector<LintReport>& reports, const SourceSnapshot& sources,
                              const SarifOptions& o, int exit_code, std::size_t skipped) {
  std::ostringstream out;
  SarifWriter writer(out, o);
  for (const auto& r : reports) writer.add(r, sources);
  writer.end(exit_code, skipped);
  return std::move(out).str();
}

}  // namespace trustlint
