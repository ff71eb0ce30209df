// `who` as JSON (schema trustlint/who/v1, documented in README.md).
#include "report/who_json.h"

#include "report/printable.h"
#include "trustlint/report.h"

namespace trustlint {

namespace internal {

// The any-case lists only when they hold something (an audience from an IgnoreCase operator).
nlohmann::ordered_json glob_set_json(const GlobSet& g) {
  nlohmann::ordered_json j = {{"match", g.match}, {"except", g.except}};
  if (!g.match_any_case.empty()) j["match_any_case"] = g.match_any_case;
  if (!g.except_any_case.empty()) j["except_any_case"] = g.except_any_case;
  return j;
}

nlohmann::ordered_json facts_json(const DeploymentFacts& f) {
  nlohmann::ordered_json j = {{"issuer", issuer_mode_name(f.issuer)}, {"team", f.team}, {"project", f.project}, {"environment", f.environment}};
  if (f.audience) j["audience"] = *f.audience;
  return j;
}

}  // namespace internal

namespace {

using nlohmann::ordered_json;
ordered_json globs(const GlobSet& g) { return internal::glob_set_json(g); }
ordered_json facts(const DeploymentFacts& f) { return internal::facts_json(f); }

}  // namespace

std::string render_who_json(const AllowedSet& set, const WhoQuery& q) {
  ordered_json j;
  j["schema"] = "trustlint/who/v1";
  j["policy"] = q.policy_file;
  j["audience"] = q.any_audience ? "any" : "default";
  ordered_json parts = ordered_json::array();
  for (const auto& p : set.parts) {
    ordered_json part = {{"issuer", issuer_mode_name(p.issuer)},
                         {"team", globs(p.team)},
                         {"project", globs(p.project)},
                         {"environment", globs(p.environment)}};
    if (p.audience) part["audience"] = globs(*p.audience);
    part["extra_conditions"] = internal::printable(p.extra_conditions);
    part["example"] = facts(p.example);
    ordered_json denied = ordered_json::array();
    for (const auto& d : p.nearest_denied) denied.push_back(facts(d));
    part["nearest_denied"] = std::move(denied);
    parts.push_back(std::move(part));
  }
  j["allowed"] = std::move(parts);
  j["nobody"] = set.empty();
  j["nobody_reasons"] = internal::printable(set.nobody_reasons);
  j["notes"] = internal::printable(set.notes);
  j["other_principals"] = internal::printable(set.other_principals);
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace trustlint
