// trustlint's side of the differential test against iam-simulate (tests/differential/README.md).
// Two modes, JSON lines in and out, so that the node driver can put the same inputs through both
// evaluators:
//
//   trustlint_decide export ROOT     every decision case (ROOT/tests/cases/**/*.yaml) and every
//                                    fixture (ROOT/fixtures/{good,risky,bad}) as an input line:
//                                    the policy as JSON, its requests as raw IAM requests
//                                    (provider, action, context) with the hand-derived `want`;
//                                    fixtures without a case get a grid of Vercel deployments.
//   trustlint_decide decide          reads input lines on stdin, writes one result line each:
//                                    the load status, the grammar codes, and per request the
//                                    outcome, the (u) notes and a per-statement, per-condition
//                                    trace that the driver compares with iam-simulate's explain.
//
// Input line:  {"id", "policy": TEXT, "requests": [{"provider", "action", "context": {KEY: V|[V]},
//               "facts": {team, project, environment, issuer} (optional: a plain Vercel deployment)}]}
// Result line: {"id", "status": "ok"|"refused"|"compile_error", "codes": [...],
//               "decisions": [{"outcome", "statement", "notes", "trace": [...], "fast_agrees",
//                              "who" (for facts: member of the allowed set)}]}
// "refused" means a grammar error that can/who refuse to answer despite (lint.h
// meaning_preserved_despite); such a policy is not one IAM would store.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "trustlint/allowed_set.h"
#include "trustlint/lint.h"
#include "trustlint/trustlint.h"
#include "unit/cases/decision_case_loader.h"

namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// YAML → JSON for iam-simulate, which takes JSON only: every scalar becomes a string (IAM and
// iam-simulate compare condition values as strings either way).
Json yaml_to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (auto it = node.begin(); it != node.end(); ++it) out[it->first.Scalar()] = yaml_to_json(it->second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : node) out.push_back(yaml_to_json(item));
      return out;
    }
    case YAML::NodeType::Scalar: return Json(node.Scalar());
    default: return Json(nullptr);
  }
}

// The policy as JSON text for iam-simulate: JSON text as is, YAML converted; "" when neither parses.
std::string policy_as_json(const std::string& text) {
  if (Json::accept(text)) return text;
  try {
    const YAML::Node node = YAML::Load(text);
    if (node.IsMap()) return yaml_to_json(node).dump();
  } catch (const YAML::Exception&) {
  }
  return "";
}

Json request_json(const trustlint::Request& r) {
  Json context = Json::object();
  for (const auto& e : r.context) {
    if (e.multi_valued) context[e.key] = e.values;
    else context[e.key] = e.values.empty() ? std::string() : e.values.front();
  }
  return Json{{"provider", r.provider}, {"action", r.action}, {"context", context}};
}

Json facts_json(const trustlint::DeploymentFacts& f) {
  return Json{{"team", f.team}, {"project", f.project}, {"environment", f.environment},
              {"issuer", trustlint::issuer_mode_name(f.issuer)}};
}

// A grid of Vercel deployments for fixtures that have no decision case.
std::vector<Json> deployment_grid() {
  std::vector<Json> out;
  for (const char* team : {"acme", "acme-evil", "other"})
    for (const char* project : {"web", "api"})
      for (const char* env : {"production", "preview", "development", "prod-eu"})
        for (auto issuer : {trustlint::IssuerMode::team, trustlint::IssuerMode::global}) {
          trustlint::DeploymentFacts f;
          f.team = team;
          f.project = project;
          f.environment = env;
          f.issuer = issuer;
          auto made = trustlint::make_request(trustlint::vercel_profile(), f);
          if (!made.ok()) continue;
          Json j = request_json(made.value());
          j["facts"] = facts_json(f);
          out.push_back(std::move(j));
        }
  return out;
}

int export_inputs(const fs::path& root) {
  std::vector<std::string> covered;  // fixtures that a case already uses
  for (const auto& path : trustlint::cases::find_case_files((root / "tests/cases").string())) {
    auto loaded = trustlint::cases::load_decision_case(path);
    if (!loaded.ok()) {
      std::cerr << "trustlint_decide: skipping " << path << ": cannot load the case\n";
      continue;
    }
    const auto& c = *loaded.value;
    std::string text = c.inline_policy() ? c.policy_text : read_file(root / c.fixture);
    if (!c.inline_policy()) covered.push_back(c.fixture);
    Json requests = Json::array();
    for (const auto& r : c.requests) {
      trustlint::Request request;
      if (r.context) {
        request = *r.context;
      } else {
        auto made = trustlint::make_request(trustlint::vercel_profile(), *r.facts);
        if (!made.ok()) continue;
        request = made.value();
      }
      Json j = request_json(request);
      if (r.facts && r.facts->extra_context.empty() && !r.facts->audience) j["facts"] = facts_json(*r.facts);
      j["want"] = trustlint::outcome_name(r.want);
      j["line"] = r.line;
      if (!r.note.empty()) j["note"] = r.note;
      requests.push_back(std::move(j));
    }
    const std::string rel = fs::relative(path, root).generic_string();
    std::cout << Json{{"id", rel}, {"origin", "case"}, {"policy", text}, {"policy_json", policy_as_json(text)},
                      {"requests", requests}}
                     .dump()
              << "\n";
  }
  for (const char* dir : {"fixtures/good", "fixtures/risky", "fixtures/bad"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string rel = fs::relative(file, root).generic_string();
      if (std::find(covered.begin(), covered.end(), rel) != covered.end()) continue;
      const std::string text = read_file(file);
      Json requests = Json::array();
      for (auto& r : deployment_grid()) requests.push_back(std::move(r));
      std::cout << Json{{"id", rel}, {"origin", "fixture"}, {"policy", text}, {"policy_json", policy_as_json(text)},
                        {"requests", requests}}
                       .dump()
                << "\n";
    }
  }
  return 0;
}

trustlint::Request parse_request(const Json& j) {
  trustlint::Request r;
  r.provider = j.value("provider", "");
  r.action = j.value("action", "sts:AssumeRoleWithWebIdentity");
  if (j.contains("context")) {
    for (const auto& [key, value] : j["context"].items()) {
      if (value.is_array()) r.set_multi(key, value.get<std::vector<std::string>>());
      else r.set(key, value.get<std::string>());
    }
  }
  return r;
}

Json decision_json(const trustlint::Decision& d) {
  Json trace = Json::array();
  for (const auto& st : d.statements) {
    Json conditions = Json::array();
    for (const auto& c : st.conditions)
      conditions.push_back(Json{{"op", c.op}, {"key", c.key}, {"result", c.result}, {"unverified", c.unverified}});
    trace.push_back(Json{{"index", st.index}, {"principal", st.principal_matched}, {"action", st.action_matched},
                         {"conditions_held", st.conditions_held}, {"applied", st.applied},
                         {"conditions", conditions}});
  }
  Json out{{"outcome", trustlint::outcome_name(d.outcome)}, {"notes", d.notes}, {"trace", trace}};
  out["statement"] = d.deciding_statement ? Json(*d.deciding_statement) : Json(nullptr);
  return out;
}

Json decide_line(const Json& in) {
  Json out{{"id", in.value("id", "")}};
  const std::string text = in.value("policy", "");
  auto loaded = trustlint::load_policy_text(text, in.value("id", "<input>"));
  Json codes = Json::array();
  bool evaluable = loaded.has_value();
  for (const auto& d : loaded.diagnostics()) {
    if (d.severity != trustlint::Severity::error) continue;
    codes.push_back(d.code);
    if (!trustlint::meaning_preserved_despite(d)) evaluable = false;
  }
  out["codes"] = codes;
  if (!evaluable) {
    out["status"] = "refused";
    return out;
  }
  auto compiled = trustlint::compile(loaded.value());
  if (!compiled.ok()) {
    for (const auto& d : compiled.diagnostics()) out["codes"].push_back(d.code);
    out["status"] = "compile_error";
    return out;
  }
  // `who` for requests that are plain Vercel deployments ("facts"): whether the deployment
  // belongs to the allowed set, or null when the set has parts that hold only under extra
  // (aws:/sts:) conditions, which are not memberships.
  std::optional<trustlint::AllowedSet> who;
  bool who_conditional = true;
  const Json requests = in.value("requests", Json::array());
  if (std::any_of(requests.begin(), requests.end(), [](const Json& r) { return r.contains("facts"); })) {
    auto set = trustlint::allowed_set(compiled.value(), trustlint::vercel_profile());
    if (set.ok()) {
      who_conditional = std::any_of(set->parts.begin(), set->parts.end(),
                                    [](const trustlint::AllowedPart& p) { return !p.extra_conditions.empty(); });
      who = std::move(set).value();
    }
  }
  Json decisions = Json::array();
  for (const auto& r : requests) {
    const trustlint::Request request = parse_request(r);
    const trustlint::Decision traced = trustlint::evaluate(compiled.value(), request);
    Json d = decision_json(traced);
    // The untraced path (what `can --requests` runs) must give the same outcome, deciding
    // statement and notes; the driver counts any difference as a failure.
    const trustlint::Decision fast = trustlint::evaluate(compiled.value(), request, trustlint::EvaluateOptions{false});
    d["fast_agrees"] = fast.outcome == traced.outcome && fast.deciding_statement == traced.deciding_statement &&
                       fast.notes == traced.notes;
    if (r.contains("facts") && who && !who_conditional) {
      const Json& f = r["facts"];
      trustlint::DeploymentFacts facts;
      facts.team = f.value("team", "");
      facts.project = f.value("project", "");
      facts.environment = f.value("environment", "");
      facts.issuer = f.value("issuer", "team") == "global" ? trustlint::IssuerMode::global : trustlint::IssuerMode::team;
      d["who"] = trustlint::allowed_by_description(*who, trustlint::vercel_profile(), facts);
    }
    decisions.push_back(std::move(d));
  }
  out["status"] = "ok";
  out["decisions"] = decisions;
  return out;
}

int decide() {
  std::string line;
  std::size_t number = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (line.empty()) continue;
    try {
      std::cout << decide_line(Json::parse(line)).dump() << "\n";
    } catch (const Json::exception& e) {
      std::cerr << "trustlint_decide: line " << number << ": " << e.what() << "\n";
      return 2;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "export" && argc == 3) return export_inputs(argv[2]);
  if (mode == "decide" && argc == 2) return decide();
  std::cerr << "usage: trustlint_decide export ROOT | trustlint_decide decide < inputs.jsonl\n";
  return 2;
}
