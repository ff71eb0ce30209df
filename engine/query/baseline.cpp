// Baselines (trustlint/baseline.h): a JSON file {"schema": "trustlint/baseline/v1", "findings":
// [{"fingerprint", "rule", "file", "resource", "message"}]}, sorted so that it diffs well; and the
// source texts the fingerprints and excerpts quote.
#include "trustlint/baseline.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>


namespace trustlint {
namespace {

// Adds to `snapshot` the files `report` and its findings point into that it lacks (never stdin):
// a file reported unread (TL084–TL086), a Terraform module's other files.
void add_other_files(SourceSnapshot& snapshot, const LintReport& report, std::size_t max_bytes) {
  std::vector<const std::string*> files{&report.file};
  for (const auto& f : report.findings) files.push_back(&f.span.file);
  for (const std::string* name : files) {
    const std::string& file = *name;
    if (file.empty() || file == "-" || file == "<stdin>" || snapshot.has(file)) continue;
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (text.size() > max_bytes) break;
    }
    if (text.size() <= max_bytes) snapshot.files.emplace(file, std::move(text));
  }
}

}  // namespace

SourceSnapshot quoted_sources(const LintReport& report, std::size_t max_bytes) {
  SourceSnapshot snapshot = SourceSnapshot::of(report);
  add_other_files(snapshot, report, max_bytes);
  return snapshot;
}

SourceSnapshot quoted_sources(const std::vector<LintReport>& reports, std::size_t max_bytes) {
  SourceSnapshot snapshot = SourceSnapshot::of(reports);
  for (const auto& r : reports) add_other_files(snapshot, r, max_bytes);
  return snapshot;
}

std::string load_baseline(const std::string& path, Baseline& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read baseline " + path;
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("schema", "") != "trustlint/baseline/v1" ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    return "baseline " + path + " is not a trustlint/baseline/v1 document (lint --write-baseline writes one)";
  }
  out.path = path;
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      return "baseline " + path + ": every finding needs a \"fingerprint\" string";
    }
    out.fingerprints.insert(f["fingerprint"].get<std::string>());
  }
  return {};
}

void apply_baseline(LintReport& report, const Baseline& baseline, std::size_t max_bytes) {
  const SourceSnapshot sources = quoted_sources(report, max_bytes);
  const auto before = report.findings.size();
  std::erase_if(report.findings, [&](const Finding& f) {
    return !f.suppressed && baseline.fingerprints.contains(finding_fingerprint(f, report, sources));
  });
  if (const auto known = before - report.findings.size()) {
    report.notes.push_back(std::to_string(known) + (known == 1 ? " finding" : " findings") + " in the baseline " +
                           baseline.path + " not shown");
  }
}

std::string write_baseline(const std::string& path, const std::vector<LintReport>& reports, std::size_t max_bytes) {
  const SourceSnapshot sources = quoted_sources(reports, max_bytes);
  std::vector<nlohmann::ordered_json> rows;
  for (const auto& r : reports) {
    for (const auto& f : r.findings) {
      if (f.suppressed) continue;
      rows.push_back({{"fingerprint", finding_fingerprint(f, r, sources)},
                      {"rule", f.rule},
                      {"file", f.span.file.empty() ? r.file : f.span.file},
                      {"resource", r.resource},
                      {"message", f.message}});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a["file"].template get_ref<const std::string&>(), a["fingerprint"].template get_ref<const std::string&>()) <
           std::tie(b["file"].template get_ref<const std::string&>(), b["fingerprint"].template get_ref<const std::string&>());
  });
  nlohmann::ordered_json doc = {{"schema", "trustlint/baseline/v1"}, {"findings", rows}};
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return "cannot write baseline " + path;
  out << doc.dump(2) << "\n";
  return out ? std::string() : "cannot write baseline " + path;
}

}  // namespace trustlint
