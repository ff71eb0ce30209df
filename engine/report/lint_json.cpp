// `lint` (schema trustlint/lint/v1) and `rules` as JSON, documented in README.md. Lint's
// document is written file entry by file entry (JsonWriter), each as soon as it is added.
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/chunked_text.h"
#include "report/lint_writers.h"
#include "report/printable.h"
#include "report/summary_json.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

using nlohmann::ordered_json;

ordered_json location(const Span& s, const std::string& file) {
  if (!s.known()) return {{"file", s.file.empty() ? file : s.file}, {"line", nullptr}, {"column", nullptr}};
  return {{"file", s.file.empty() ? file : s.file},
          {"line", s.line},
          {"column", s.col},
          {"end_line", s.end_line},
          {"end_column", s.end_col},
          {"offset", s.offset},
          {"end_offset", s.end_offset}};
}

ordered_json deployment(const DeploymentFacts& f) {
  ordered_json j = {{"issuer", issuer_mode_name(f.issuer)}, {"team", f.team}, {"project", f.project},
                    {"environment", f.environment}};
  if (f.audience) j["audience"] = *f.audience;
  return j;
}

ordered_json request(const Request& r) {
  ordered_json ctx = ordered_json::object();
  for (const auto& e : r.context) {
    if (e.multi_valued) ctx[e.key] = e.values;
    else ctx[e.key] = e.values.empty() ? std::string() : e.values.front();
  }
  return {{"provider", r.provider}, {"action", r.action}, {"context", std::move(ctx)}};
}

ordered_json finding(const Finding& f, const std::string& file) {
  ordered_json j = {{"rule", f.rule},
                    {"name", f.name.empty() ? ordered_json(nullptr) : ordered_json(f.name)},
                    {"severity", severity_name(f.severity)},
                    {"message", f.message},
                    {"location", location(f.span, file)},
                    {"pointer", f.pointer}};
  if (f.witness) {
    j["witness"] = {{"deployment", f.witness->deployment ? deployment(*f.witness->deployment) : ordered_json(nullptr)},
                    {"request", f.witness->request ? request(*f.witness->request) : ordered_json(nullptr)},
                    {"allowed", f.witness->allowed},
                    {"description", f.witness->description}};
  } else {
    j["witness"] = nullptr;
  }
  j["fix"] = f.fix;
  j["notes"] = f.notes;
  j["suppressed"] = f.suppressed;
  j["suppression_reason"] = f.suppressed ? ordered_json(f.suppression_reason) : ordered_json(nullptr);
  const RuleInfo* info = find_rule(f.rule);
  j["help"] = info != nullptr && !info->help.empty() ? ordered_json(info->help) : ordered_json(nullptr);
  return j;
}

}  // namespace

nlohmann::ordered_json internal::summary_json(const LintSummary& s) {
  return {{"files", s.files},         {"roles", s.roles},       {"roles_without_security_rules", s.unchecked},
          {"errors", s.errors},       {"warnings", s.warnings}, {"notes", s.notes},
          {"suppressed", s.suppressed}, {"skipped", s.skipped}};
}

namespace {

std::string dumped(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace); }

// The document {"schema", "files": [...], "summary", "fail_on", "exit_code"} as dump(2) prints
// it: each file entry written as it comes (4 spaces deep), the rest at the end.
class JsonWriter final : public LintWriter {
 public:
  JsonWriter(std::ostream& out, std::string fail_on) : out_(out), fail_on_(std::move(fail_on)) {}

  void add(const LintReport& r, const SourceSnapshot&) override {
    tally_.add(r);
    ordered_json findings = ordered_json::array();
    for (const auto& f : r.findings) findings.push_back(finding(internal::printable(f), r.file));
    const ordered_json entry = {
        {"file", r.file},
        {"resource", r.resource.empty() ? ordered_json(nullptr) : ordered_json(internal::visible_text(r.resource))},
        {"form", r.form.empty() ? ordered_json(nullptr) : ordered_json(r.form)},
        {"assumptions", internal::printable(r.assumptions)},
        {"input_failed", r.input_failed},
        {"findings", std::move(findings)},
        {"notes", internal::printable(r.notes)}};
    out_ << (any_ ? ",\n    " : "{\n  \"schema\": \"trustlint/lint/v1\",\n  \"files\": [\n    ");
    any_ = true;
    internal::write_indented(out_, dumped(entry), 4);
  }

  void end(int exit_code, std::size_t skipped) override {
    out_ << (any_ ? "\n  ],\n  \"summary\": " : "{\n  \"schema\": \"trustlint/lint/v1\",\n  \"files\": [],\n  \"summary\": ");
    internal::write_indented(out_, dumped(internal::summary_json(tally_.summary(skipped))), 2);
    out_ << ",\n  \"fail_on\": " << dumped(ordered_json(fail_on_)) << ",\n  \"exit_code\": " << exit_code << "\n}\n";
  }

 private:
  std::ostream& out_;
  const std::string fail_on_;
  LintTally tally_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<LintWriter> internal::lint_json_writer(std::ostream& out, const std::string& fail_on) {
  return std::make_unique<JsonWriter>(out, fail_on);
}

std::string render_lint_json(const std::vector<LintReport>& reports, const std::string& fail_on, int exit_code,
                             std::size_t skipped) {
  std::ostringstream out;
  JsonWriter writer(out, fail_on);
  for (const auto& r : reports) writer.add(r, {});
  writer.end(exit_code, skipped);
  return std::move(out).str();
}

std::string render_rules_json(const std::vector<RuleInfo>& rules) {
  ordered_json list = ordered_json::array();
  for (const auto& r : rules) {
    ordered_json e = {{"id", r.id}, {"name", r.name.empty() ? ordered_json(nullptr) : ordered_json(r.name)},
                      {"severity", severity_name(r.severity)}, {"title", r.title}, {"explanation", r.explanation}};
    if (r.is_rule()) {
      e["bad"] = r.bad_example;
      e["good"] = r.good_example;
    }
    e["fix"] = r.fix;
    e["help"] = r.help.empty() ? ordered_json(nullptr) : ordered_json(r.help);
    list.push_back(std::move(e));
  }
  ordered_json j = {{"schema", "trustlint/rules/v1"}, {"rules", std::move(list)}};
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace trustlint
