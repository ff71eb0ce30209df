// Prints the decision-case corpus (tests/cases/**/*.yaml, read by the loader every runner shares)
// as one JSON document for the three-faces test (three_faces.py): each case's policy (fixture
// path or inline text and its format) and its deployment requests with the expected outcome.
// Requests given as a raw `context` cannot be asked through `can`'s flags and are counted only.
// Usage: case_export SOURCE_ROOT > corpus.json
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "unit/cases/decision_case_loader.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: case_export SOURCE_ROOT\n";
    return 2;
  }
  const std::string root = argv[1];
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& path : trustlint::cases::find_case_files(root + "/tests/cases")) {
    const auto loaded = trustlint::cases::load_decision_case(path);
    if (!loaded.ok()) {
      for (const auto& e : loaded.errors) std::cerr << e << "\n";
      return 1;
    }
    const auto& c = *loaded.value;
    nlohmann::ordered_json item;
    item["path"] = path.substr(root.size() + 1);
    item["fixture"] = c.fixture;
    item["policy_text"] = c.policy_text;
    item["policy_format"] = c.policy_format == trustlint::InputFormat::json ? "json" : c.policy_format == trustlint::InputFormat::yaml ? "yaml" : "auto";
    item["requests"] = nlohmann::ordered_json::array();
    std::size_t raw = 0;
    for (const auto& r : c.requests) {
      if (!r.facts) {
        ++raw;
        continue;
      }
      const auto& f = *r.facts;
      nlohmann::ordered_json q;
      q["team"] = f.team;
      q["project"] = f.project;
      q["environment"] = f.environment;
      q["issuer"] = trustlint::issuer_mode_name(f.issuer);
      if (f.audience) q["aud"] = *f.audience;
      if (!f.extra_context.empty()) {
        q["claims"] = nlohmann::ordered_json::object();
        for (const auto& [k, v] : f.extra_context) q["claims"][k] = v;
      }
      item["requests"].push_back({{"line", r.line}, {"request", q}, {"want", trustlint::outcome_name(r.want)}});
    }
    item["context_requests"] = raw;
    out.push_back(item);
  }
  std::cout << out.dump(1) << "\n";
  return 0;
}
