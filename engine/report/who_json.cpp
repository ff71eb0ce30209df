// `who` as JSON (schema trustlint/who/v1, documented in README.md).
#include <nlohmann/json.hpp>

#include "report/printable.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

using nlohmann::ordered_json;

ordered_json globs(const GlobSet& g) { return {{"match", g.match}, {"except", g.except}}; }

ordered_json facts(const DeploymentFacts& f) {
  ordered_json j = {{"issuer", issuer_mode_name(f.issuer)}, {"team", f.team}, {"project", f.project}, {"environment", f.environment}};
  if (f.audience) j["audience"] = *f.audience;
  return j;
}

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
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace trustlint
