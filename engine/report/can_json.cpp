// `can` as JSON (schema trustlint/can/v1, documented in README.md).
#include <nlohmann/json.hpp>

#include "report/json_line.h"
#include "report/printable.h"
#include "source/utf8.h"
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
  if (!t.reason.empty()) j["reason"] = internal::visible_text(t.reason);
  ordered_json conds = ordered_json::array();
  for (const auto& c : t.conditions) {
    conds.push_back({{"operator", c.op},
                     {"key", c.key},
                     {"key_present", c.key_present},
                     {"request_values", c.request_values},
                     {"policy_values", c.policy_values},
                     {"result", c.result},
                     {"reason", internal::visible_text(c.reason)},
                     {"unverified", c.unverified},
                     {"location", location(c.span)}});
  }
  j["conditions"] = std::move(conds);
  return j;
}

// The compact line of --requests, written directly (no ordered_json): the document
// render_can_json(…, false) prints, without "statements", in nlohmann's compact form.
// Returns "" when a string is not valid UTF-8 (then nlohmann writes it, replacing bad bytes).
std::string compact_line(const Decision& d, const CanQuery& q) {
  internal::JsonLine w;
  w.begin_object();
  w.key("schema");
  w.string("trustlint/can/v1");
  w.key("allowed");
  w.boolean(d.allowed());
  w.key("decision");
  w.string(outcome_name(d.outcome));
  w.key("deployment");
  w.begin_object();
  w.key("team");
  w.string(q.facts.team);
  w.key("project");
  w.string(q.facts.project);
  w.key("environment");
  w.string(q.facts.environment);
  w.key("issuer");
  w.string(issuer_mode_name(q.facts.issuer));
  w.end_object();
  w.key("assumptions");
  w.strings(internal::printable(q.assumptions));
  w.key("request");
  w.begin_object();
  w.key("provider");
  w.string(q.request.provider);
  w.key("action");
  w.string(q.request.action);
  w.key("context");
  w.begin_object();
  for (std::size_t i = 0; i < q.request.context.size(); ++i) {
    const ContextEntry& e = q.request.context[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (q.request.context[j].key == e.key) return {};  // one JSON member for both: leave it to nlohmann
    }
    w.key(e.key);
    if (e.multi_valued) w.strings(e.values);
    else w.string(e.values.empty() ? std::string_view() : std::string_view(e.values.front()));
  }
  w.end_object();
  w.end_object();
  w.key("deciding_statement");
  const StatementTrace* deciding = nullptr;
  for (const auto& t : d.statements) {
    if (d.deciding_statement && t.index == *d.deciding_statement) deciding = &t;
  }
  if (deciding == nullptr) {
    w.null();
  } else {
    w.begin_object();
    w.key("index");
    w.number(deciding->index);
    w.key("label");
    w.string(deciding->label);
    w.key("location");
    if (!deciding->span.known()) {
      w.null();
    } else {
      w.begin_object();
      w.key("file");
      w.string(deciding->span.file);
      w.key("line");
      w.number(deciding->span.line);
      w.key("column");
      w.number(deciding->span.col);
      w.end_object();
    }
    w.end_object();
  }
  w.key("notes");
  w.strings(internal::printable(d.notes));
  w.end_object();
  return w.ok() ? std::move(w).take() : std::string();
}

}  // namespace

std::string render_can_json(const Decision& d, const CanQuery& q, bool compact) {
  if (compact) {
    std::string line = compact_line(d, q);
    if (!line.empty()) return line;
  }
  ordered_json j;
  j["schema"] = "trustlint/can/v1";
  j["allowed"] = d.allowed();
  j["decision"] = outcome_name(d.outcome);
  ordered_json dep = {{"team", q.facts.team},
                      {"project", q.facts.project},
                      {"environment", q.facts.environment},
                      {"issuer", issuer_mode_name(q.facts.issuer)}};
  j["deployment"] = std::move(dep);
  j["assumptions"] = internal::printable(q.assumptions);
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
  j["notes"] = internal::printable(d.notes);
  return j.dump(compact ? -1 : 2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace trustlint
