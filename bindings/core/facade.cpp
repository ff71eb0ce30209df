// Interim routing over the engine's existing public API (engine.h, sources.h, report.h) until
// the query layer (query.h) and the request-line parser (batch.h) land: plain choices only —
// the only role or the one --resource names, any error refuses, the team must be given.
#include "bindings/core/facade.h"

#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"
#include "trustlint/sources.h"

namespace trustlint::bindings {
namespace {



Diagnostic plain_error(const std::string& code, const std::string& message, const std::string& file) {
  Span span;
  span.file = file;
  return make_error(code, message, span);
}

struct Opened {
  Document document;
  std::optional<CompiledPolicy> compiled;
  std::string name;
};

Result<Opened> open_policy(const PolicyArg& policy, const CommonArgs& common) {
  auto found = policy.is_path ? find_trust_policies(policy.text, common.load)
                              : find_trust_policies_text(policy.text, policy.name, common.load);
  if (!found.ok()) return Result<Opened>::failure(found.take_diagnostics());
  const PolicySource* role = nullptr;
  for (const auto& r : found.value()) {
    if (common.resource.empty() ? found.value().size() == 1 : r.resource == common.resource) role = &r;
  }
  const std::string name = policy.is_path ? policy.text : policy.name;
  if (!role) return Result<Opened>::failure(plain_error("TL001", "no single role to answer about (give resource)", name));
  if (!role->policy.ok()) {
    Diagnostics d = role->policy.diagnostics();
    if (d.empty()) d.push_back(plain_error("TL081", "role without a trust policy", name));
    return Result<Opened>::failure(std::move(d));
  }
  auto compiled = compile(role->policy.value());
  if (!compiled.ok()) return Result<Opened>::failure(compiled.take_diagnostics());
  Opened o{role->policy.value(), std::move(compiled).value(), name};
  return Result<Opened>(std::move(o));
}

Result<CanQuery> read_request(const std::string& line) {
  Json r = Json::parse(line, nullptr, false);
  if (!r.is_object()) return Result<CanQuery>::failure(plain_error("TL091", "a request must be an object", "<request>"));
  CanQuery q;
  q.facts.team = r.value("team", "");
  q.facts.project = r.value("project", "");
  q.facts.environment = r.value("environment", "");
  if (r.value("issuer", "team") == "global") q.facts.issuer = IssuerMode::global;
  if (r.contains("aud")) q.facts.audience = r["aud"].get<std::string>();
  if (r.contains("claims"))
    for (auto& [k, v] : r["claims"].items()) q.facts.extra_context.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  auto request = make_request(vercel_profile(), q.facts);
  if (!request.ok()) return Result<CanQuery>::failure(request.take_diagnostics());
  q.request = std::move(request).value();
  return Result<CanQuery>(std::move(q));
}

class InterimBatch final : public BatchPolicy {
 public:
  explicit InterimBatch(Opened o) : opened_(std::move(o)) {}
  Json decide(const std::string& request, std::size_t line) const override {
    auto q = read_request(request);
    if (!q.ok()) return Json{{"line", line}, {"error", diagnostics_text(q.diagnostics())}};
    auto d = evaluate(*opened_.compiled, q.value().request, EvaluateOptions{.trace = false});
    return Json::parse(render_can_json(d, q.value(), true));
  }

 private:
  Opened opened_;
};

}  // namespace

Result<Json> can(const PolicyArg& policy, const CommonArgs& common, const std::string& request) {
  auto opened = open_policy(policy, common);
  if (!opened.ok()) return Result<Json>::failure(opened.take_diagnostics());
  auto q = read_request(request);
  if (!q.ok()) return Result<Json>::failure(q.take_diagnostics());
  auto d = evaluate(*opened.value().compiled, q.value().request);
  return Result<Json>(Json::parse(render_can_json(d, q.value(), false)));
}

Result<Json> who(const PolicyArg& policy, const CommonArgs& common, bool any_audience) {
  auto opened = open_policy(policy, common);
  if (!opened.ok()) return Result<Json>::failure(opened.take_diagnostics());
  WhoOptions options;
  options.any_audience = any_audience;
  options.limits = common.load.limits;
  auto set = allowed_set(*opened.value().compiled, vercel_profile(), options);
  if (!set.ok()) return Result<Json>::failure(set.take_diagnostics());
  return Result<Json>(Json::parse(render_who_json(set.value(), WhoQuery{opened.value().name, any_audience})));
}

Result<Json> lint(const PolicyArg& policy, const CommonArgs&, const std::vector<std::string>&, const std::string&) {
  return Result<Json>::failure(plain_error("TL001", "lint is not available in this build yet", policy.name));
}

Result<std::unique_ptr<BatchPolicy>> BatchPolicy::open(const PolicyArg& policy, const CommonArgs& common) {
  auto opened = open_policy(policy, common);
  if (!opened.ok()) return Result<std::unique_ptr<BatchPolicy>>::failure(opened.take_diagnostics());
  std::unique_ptr<BatchPolicy> batch = std::make_unique<InterimBatch>(std::move(opened).value());
  return Result<std::unique_ptr<BatchPolicy>>(std::move(batch));
}

Json diagnostic_json(const Diagnostic& d) {
  return Json{{"code", d.code},
              {"severity", severity_name(d.severity)},
              {"message", visible_text(d.message)},
              {"location",
               {{"file", visible_text(d.span.file)},
                {"line", d.span.line},
                {"column", d.span.col},
                {"end_line", d.span.end_line},
                {"end_column", d.span.end_col},
                {"offset", d.span.offset},
                {"end_offset", d.span.end_offset}}},
              {"notes", [&] {
                 Json notes = Json::array();
                 for (const auto& n : d.notes) notes.push_back(visible_text(n));
                 return notes;
               }()}};
}

std::string diagnostics_text(const Diagnostics& diagnostics) { return render_diagnostics_text(diagnostics); }

std::string engine_version() { return version(); }

}  // namespace trustlint::bindings
