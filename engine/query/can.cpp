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
  for (const auto& [key, value] : question.claims) {
    for (const auto& [seen, unused] : q.facts.extra_context) {
      if (fold_key(seen) == fold_key(key)) {
        return Result<CanAnswer>::failure(make_error(
            kQuestionCode,
            "--claim \"" + key + "\" is given twice (context keys are case-insensitive; a multi-valued key "
            "is a JSON array in --requests)",
            Span{}));
      }
    }
    q.facts.extra_context.emplace_back(key, value);
  }
  auto request = make_request(vercel_profile(), q.facts);
  if (!request.ok()) {
    Diagnostics errors = request.take_diagnostics();
    for (auto& d : errors) d.span = Span{};  // about the question, not a place in a file
    return Result<CanAnswer>::failure(std::move(errors));
  }
  q.request = std::move(request).value();
  Decision decision = evaluate(role.compiled, q.request, options);
  return CanAnswer{std::move(q), std::move(decision)};
}

Result<AllowedSet> who(const Role& role, const WhoOptions& options) {
  return allowed_set(role.compiled, vercel_profile(), options);
}

}  // namespace trustlint
