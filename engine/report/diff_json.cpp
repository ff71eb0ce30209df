// `diff` as JSON (schema trustlint/diff/v1, documented in README.md).
#include "report/who_json.h"
#include "trustlint/policy_diff.h"

namespace trustlint {
namespace {

using nlohmann::ordered_json;

ordered_json globs(const GlobSet& g) { return internal::glob_set_json(g); }
ordered_json facts(const DeploymentFacts& f) { return internal::facts_json(f); }

ordered_json optional_bool(const std::optional<bool>& b) { return b ? ordered_json(*b) : ordered_json(nullptr); }

ordered_json parts(const std::vector<DiffPart>& in) {
  ordered_json out = ordered_json::array();
  for (const auto& p : in) {
    ordered_json part = {{"issuer", issuer_mode_name(p.issuer)},
                         {"team", globs(p.team)},
                         {"project", globs(p.project)},
                         {"environment", globs(p.environment)}};
    if (p.audience) part["audience"] = globs(*p.audience);
    part["extra_conditions"] = p.extra_conditions;
    part["other_side_conditions"] = p.other_side_conditions;
    part["conditions_only"] = p.conditions_only;
    part["example"] = facts(p.example);
    part["old_allows"] = optional_bool(p.old_allows);
    part["new_allows"] = optional_bool(p.new_allows);
    out.push_back(std::move(part));
  }
  return out;
}

const char* status_name(RoleDiff::Status s) {
  switch (s) {
    case RoleDiff::Status::added: return "added";
    case RoleDiff::Status::removed: return "removed";
    case RoleDiff::Status::compared: break;
  }
  return "compared";
}

}  // namespace

std::string render_diff_json(const std::vector<RoleDiff>& roles, const DiffQuery& q) {
  ordered_json j;
  j["schema"] = "trustlint/diff/v1";
  j["old"] = q.old_input;
  j["new"] = q.new_input;
  j["audience"] = q.any_audience ? "any" : "default";
  ordered_json rs = ordered_json::array();
  for (const auto& r : roles) {
    ordered_json role;
    role["resource"] = r.resource.empty() ? ordered_json(nullptr) : ordered_json(r.resource);
    role["status"] = status_name(r.status);
    role["same"] = r.diff.same();
    role["gained"] = parts(r.diff.gained);
    role["lost"] = parts(r.diff.lost);
    role["notes"] = r.diff.notes;
    rs.push_back(std::move(role));
  }
  j["roles"] = std::move(rs);
  j["new_access"] = grants_new_access(roles);
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace trustlint
