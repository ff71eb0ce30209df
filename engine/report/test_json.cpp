// `trustlint test --format json` (schema trustlint/test/v1) of the query layer's SpecResults
// (query.h): the document the CLI prints and the bindings' test() return, key for key.
#include <nlohmann/json.hpp>

#include "trustlint/query.h"
#include "trustlint/report.h"
#include "trustlint/test_report.h"

namespace trustlint {

std::string render_test_json(const std::vector<SpecResult>& specs, int exit_code) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["schema"] = "trustlint/test/v1";
  ordered_json list = ordered_json::array();
  for (const auto& s : specs) {
    ordered_json spec = {{"file", s.file}, {"policy", s.policy}};
    spec["error"] = s.error.empty() ? ordered_json(nullptr) : ordered_json(s.error);
    ordered_json results = ordered_json::array();
    for (const auto& r : s.results) {
      const auto& o = r.outcome;
      ordered_json e = {{"kind", expectation_kind_name(r.expectation.kind)},
                        {"text", r.expectation.text},
                        {"location", {{"file", s.file}, {"line", r.expectation.span.line}, {"column", r.expectation.span.col}}},
                        {"passed", o.holds}};
      if (o.counterexample) {
        const auto& f = *o.counterexample;
        e["counterexample"] = {{"issuer", issuer_mode_name(f.issuer)}, {"team", f.team}, {"project", f.project},
                               {"environment", f.environment}};
        e["allowed"] = o.counterexample_allowed;
      } else {
        e["counterexample"] = nullptr;
        e["allowed"] = nullptr;
      }
      e["only_when"] = o.only_when;
      e["decided_by"] = o.decided_by.empty() ? ordered_json(nullptr) : ordered_json(o.decided_by);
      e["decided_at"] = o.decided_at.known() ? ordered_json{{"file", o.decided_at.file}, {"line", o.decided_at.line}, {"column", o.decided_at.col}}
                                             : ordered_json(nullptr);
      e["assumptions"] = o.assumptions;
      results.push_back(std::move(e));
    }
    spec["expectations"] = std::move(results);
    list.push_back(std::move(spec));
  }
  j["specs"] = std::move(list);
  const TestTotals t = totals(specs);
  j["passed"] = t.passed;
  j["failed"] = t.failed;
  j["errors"] = t.errors;
  j["exit_code"] = exit_code;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace trustlint
