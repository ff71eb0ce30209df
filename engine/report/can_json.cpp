// `can` as JSON (schema trustlint/can/v1, documented in README.md).
#include <nlohmann/json.hpp>

#include "trustlint/report.h"

namespace trustlint {
namespace {

using nlohmann::ordered_json;

ordered_json location(const Span& s) {
  if (!s.known()) return nullptr;
  return {{"file", s.file}, {"line", s.line}, {"column", s.col}};
}

ordered_json statement_json(const StatementTrace& t) {
  ordered_json j = {{"index", t.index},
                    {"label", t.label},
                    {"effect", t.effect == Effect::allow ? "Allow" : "Deny"},
                    {"location", location(t.span)},
                    {"principal_matched", t.principal_matched},
                    {"action_matched", t.action_matched},
                    {"conditions_held", t.conditions_held},
                    {"applied", t.applied}};
  if (!t.reason.empty()) j["reason"] = t.reason;
  ordered_json conds = ordered_json::array();
  for (const auto& c : t.conditions) {
    conds.push_back({{"operator", c.op},
                     {"key", c.key},
                     {"key_present", c.key_present},
                     {"request_values", c.request_values},
                     {"policy_values", c.policy_values},
                     {"result", c.result},
                     {"reason", c.reason},
                     {"unverified", c.unverified},
                     {"location", location(c.span)}});
  }
  j["conditions"] = std::move(conds);
  return j;
}

}  // namespace

std::string render_can_json(const Decision& d, const CanQuery& q, bool compact) {
  ordered_json j;
  j["schema"] = "trustlint/can/v1";
  j["allowed"] = d.allowed();
  j["decision"] = outcome_name(d.outcome);
  ordered_json dep = {{"team", q.facts.team},
                      {"project", q.facts.project},
                      {"environment", q.facts.environment},
                      {"issuer", issuer_mode_name(q.facts.issuer)}};
  j["deployment"] = std::move(dep);
  j["assumptions"] = q.assumptions;
  ordered_json ctx = ordered_json::object();
  for (const auto& e : q.request.context) {
    if (e.multi_valued) {
      ctx[e.key] = e.values;
    } else {
      ctx[e.key] = e.values.empty() ? std::string() : e.values.front();
    }
  }
  j["request"] = {{"provider", q.request.provider}, {"action", q.request.action}, {"context", std::move(ctx)}};
  if (d.deciding_statement) {
    for (const auto& t : d.statements) {
      if (t.index == *d.deciding_statement) {
        j["deciding_statement"] = {{"index", t.index}, {"label", t.label}, {"location", location(t.span)}};
      }
    }
  } else {
    j["deciding_statement"] = nullptr;
  }
  if (!compact) {
    ordered_json sts = ordered_json::array();
    for (const auto& t : d.statements) sts.push_back(statement_json(t));
    j["statements"] = std::move(sts);
  }
  j["notes"] = d.notes;
  return j.dump(compact ? -1 : 2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace trustlint
