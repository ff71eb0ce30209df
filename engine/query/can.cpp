// can / who (query.h): the deployment facts completed from the policy (team, issuer, with the
// assumptions said), the request built and decided; and the exact allowed set of a role.
#include "trustlint/query.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {

NamedInPolicy named_in_policy(const Document& document) {
  return NamedInPolicy{teams_named(document, vercel_profile()), issuer_named(document, vercel_profile())};
}

std::optional<Diagnostic> complete_facts(const NamedInPolicy& named, DeploymentFacts& facts, bool team_given,
                                         std::string_view issuer, std::vector<std::string>& assumptions) {
  const auto error = [](std::string message) { return make_error(kQuestionCode, std::move(message), Span{}); };
  if (!team_given) {
    const auto& teams = named.teams;
    if (teams.size() != 1) {
      std::string msg = "--team is required: the policy names ";
      if (teams.empty()) return error(msg + "no team");
      msg += std::to_string(teams.size()) + " teams (";
      for (std::size_t i = 0; i < teams.size(); ++i) msg += (i ? ", " : "") + teams[i];
      return error(msg + ")");
    }
    facts.team = teams.front();
    assumptions.push_back("team " + facts.team + ": the only team this policy names");
  }
  if (issuer == "global") {
    facts.issuer = IssuerMode::global;
  } else if (issuer == "team") {
    facts.issuer = IssuerMode::team;
  } else if (!issuer.empty()) {
    return error("--issuer must be global or team, not \"" + std::string(issuer) + "\"");
  } else if (named.issuer) {
    facts.issuer = *named.issuer;
    assumptions.push_back(std::string("issuer ") + issuer_mode_name(*named.issuer) + ": the mode of the policy's federated principal");
  } else {
    facts.issuer = IssuerMode::team;
    assumptions.push_back("issuer team: Vercel's default for new projects (give --issuer to choose)");
  }
  return std::nullopt;
}

Result<CanAnswer> can(const Role& role, const CanQuestion& question, const EvaluateOptions& options) {
  CanQuery q;
  q.assumptions = role.assumptions;
  q.facts.team = question.team.value_or("");
  q.facts.project = question.project;
  q.facts.environment = question.environment;
  if (question.audience) q.facts.audience = *question.audience;
  const std::string issuer = question.issuer ? issuer_mode_name(*question.issuer) : "";
  if (auto bad = complete_facts(named_in_policy(role.document), q.facts, question.team.has_value(), issuer, q.assumptions)) {
    return Result<CanAnswer>::failure(std::move(*bad));
  }
  // Every key once across claims and multi_claims (context keys are case-insensitive).
  std::vector<std::string> keys;
  for (const auto& c : question.claims) keys.push_back(c.first);
  for (const auto& c : question.multi_claims) keys.push_back(c.first);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (fold_key(keys[j]) != fold_key(keys[i])) continue;
      return Result<CanAnswer>::failure(make_error(
          kQuestionCode,
          "--claim \"" + keys[i] + "\" is given twice (context keys are case-insensitive; repeat --claim with the same KEY, "
          "or give a list, for a multi-valued key)",
          Span{}));
    }
  }
  q.facts.extra_context = question.claims;
  const auto refused = [](Result<Request>& r) {
    Diagnostics errors = r.take_diagnostics();
    for (auto& d : errors) d.span = Span{};  // about the question, not a place in a file
    return Result<CanAnswer>::failure(std::move(errors));
  };
  auto request = make_request(vercel_profile(), q.facts);
  if (!request.ok()) return refused(request);
  // A multi-valued key: each value checked as that key alone would be, then the key set whole
  // (the batch's request lines do the same, batch/request_batch.cpp).
  for (const auto& [key, values] : question.multi_claims) {
    for (const auto& value : values) {
      DeploymentFacts one = q.facts;
      one.extra_context = {{key, value}};
      auto checked = make_request(vercel_profile(), one);
      if (!checked.ok()) return refused(checked);
    }
    Request& r = request.value();
    r.set_multi(key.find(':') == std::string::npos ? r.provider + ":" + key : key, values);
  }
  q.request = std::move(request).value();
  Decision decision = evaluate(role.compiled, q.request, options);
  return CanAnswer{std::move(q), std::move(decision)};
}

Result<AllowedSet> who(const Role& role, const WhoOptions& options) {
  return allowed_set(role.compiled, vercel_profile(), options);
}

}  // namespace trustlint
