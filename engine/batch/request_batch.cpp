// RequestBatch: one request line → facts → request → decision → one JSON answer line.
#include <nlohmann/json.hpp>

#include "batch/request_line_json.h"
#include "trustlint/batch.h"
#include "trustlint/report.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {

std::optional<RequestLineError> parse_request_line(std::string_view line, RequestLine& out) {
  return internal::parse_request_line_json(line, out);
}

struct RequestBatch::Impl {
  const CompiledPolicy* policy = nullptr;
  BatchOptions options;
  // What the policy names, looked up once (not per line).
  std::vector<std::string> teams;
  std::optional<IssuerMode> policy_issuer;

  // Fills in team and issuer when the line leaves them out (a team given as "" is not left
  // out: make_request refuses it). Returns an error message or "".
  std::string complete_facts(DeploymentFacts& facts, bool team_given, const std::optional<std::string>& issuer,
                             std::vector<std::string>& assumptions) const;
};

std::string RequestBatch::Impl::complete_facts(DeploymentFacts& facts, bool team_given,
                                               const std::optional<std::string>& issuer,
                                               std::vector<std::string>& assumptions) const {
  if (!team_given) {
    if (teams.size() != 1) {
      std::string msg = "--team is required: the policy names ";
      if (teams.empty()) return msg + "no team";
      msg += std::to_string(teams.size()) + " teams (";
      for (std::size_t i = 0; i < teams.size(); ++i) msg += (i ? ", " : "") + teams[i];
      return msg + ")";
    }
    facts.team = teams.front();
    assumptions.push_back("team " + facts.team + ": the only team this policy names");
  }
  const std::string mode = issuer ? *issuer : options.issuer ? issuer_mode_name(*options.issuer) : "";
  if (mode == "global") {
    facts.issuer = IssuerMode::global;
  } else if (mode == "team") {
    facts.issuer = IssuerMode::team;
  } else if (!mode.empty()) {
    return "--issuer must be global or team, not \"" + mode + "\"";
  } else if (policy_issuer) {
    facts.issuer = *policy_issuer;
    assumptions.push_back(std::string("issuer ") + issuer_mode_name(*policy_issuer) +
                          ": the mode of the policy's federated principal");
  } else {
    facts.issuer = IssuerMode::team;
    assumptions.push_back("issuer team: Vercel's default for new projects (give --issuer to choose)");
  }
  return {};
}

RequestBatch::RequestBatch(const CompiledPolicy& policy, BatchOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->policy = &policy;
  impl_->options = std::move(options);
  impl_->teams = teams_named(policy.document(), vercel_profile());
  impl_->policy_issuer = issuer_named(policy.document(), vercel_profile());
}
RequestBatch::RequestBatch(RequestBatch&&) noexcept = default;
RequestBatch& RequestBatch::operator=(RequestBatch&&) noexcept = default;
RequestBatch::~RequestBatch() = default;

const BatchOptions& RequestBatch::options() const { return impl_->options; }

std::string RequestBatch::error_message(const LineOutcome& outcome, std::size_t line_no) const {
  return visible_text(impl_->options.source_name) + ":" + std::to_string(line_no) + ":" +
         std::to_string(outcome.column) + ": error: " + outcome.error + " [TL091]\n";
}

LineOutcome RequestBatch::decide_line(std::string_view line, std::size_t line_no, std::string& out) const {
  LineOutcome outcome;
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return outcome;
  CanQuery q;
  q.assumptions = impl_->options.assumptions;
  RequestLine parsed;
  std::string error;
  if (auto bad = parse_request_line(line, parsed)) {
    error = std::move(bad->message);
    outcome.column = bad->column;
  }
  q.facts = std::move(parsed.facts);
  if (error.empty()) error = impl_->complete_facts(q.facts, parsed.team_given, parsed.issuer, q.assumptions);
  Result<Request> request = Result<Request>::failure(Diagnostics{});
  if (error.empty()) {
    request = make_request(vercel_profile(), q.facts);
    if (!request.ok()) error = request.diagnostics().empty() ? "invalid request" : request.diagnostics().front().message;
  }
  // Multi-valued claims: each value checked as a single key would be (TL092), then set whole.
  for (const auto& [key, values] : parsed.multi_claims) {
    for (const auto& value : values) {
      if (!error.empty()) break;
      DeploymentFacts one = q.facts;
      one.extra_context = {{key, value}};
      auto checked = make_request(vercel_profile(), one);
      if (!checked.ok() && !checked.diagnostics().empty()) error = checked.diagnostics().front().message;
    }
    if (error.empty()) {
      Request& r = request.value();
      r.set_multi(key.find(':') == std::string::npos ? r.provider + ":" + key : key, values);
    }
  }
  if (!error.empty()) {
    outcome.status = LineStatus::error;
    outcome.error = visible_text(error);
    nlohmann::ordered_json e = {{"line", line_no}, {"error", outcome.error}};
    out += e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
    return outcome;
  }
  q.request = std::move(request).value();
  const Decision d = evaluate(*impl_->policy, q.request, EvaluateOptions{.trace = false});
  out += render_can_json(d, q, true);
  out += '\n';
  outcome.status = d.allowed() ? LineStatus::allowed : LineStatus::denied;
  return outcome;
}

}  // namespace trustlint
