// `trustlint can`: can this deployment assume the role? One deployment, or many with --requests.
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "trustlint/batch.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"
#include "trustlint/vercel_policy.h"

namespace trustlint::cli {
namespace {

struct CanOptions {
  std::string policy;
  std::string resource;
  std::string team, project, environment, issuer, audience, format = "text", requests;
  std::vector<std::string> claims;
  bool team_given = false;  // --team present, even as '' (then refused, never filled in)
  std::size_t quota = 0;
  Limits limits;
  TerraformVars tf;
};

std::string quoted(const std::string& s) { return "\"" + visible_text(s) + "\""; }

// What the policy names, looked up once per policy (not per --requests line).
struct NamedInPolicy {
  std::vector<std::string> teams;
  std::optional<IssuerMode> issuer;
  explicit NamedInPolicy(const Document& doc)
      : teams(teams_named(doc, vercel_profile())), issuer(issuer_named(doc, vercel_profile())) {}
};

// Fills in team and issuer from the policy when left out (a team given as "" is not left out:
// make_request refuses it). Returns an error message or "".
std::string complete_facts(const NamedInPolicy& named, DeploymentFacts& facts, bool team_given, const std::string& issuer,
                           std::vector<std::string>& assumptions) {
  if (!team_given) {
    const auto& teams = named.teams;
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
  if (issuer == "global") {
    facts.issuer = IssuerMode::global;
  } else if (issuer == "team") {
    facts.issuer = IssuerMode::team;
  } else if (!issuer.empty()) {
    return "--issuer must be global or team, not \"" + issuer + "\"";
  } else if (named.issuer) {
    facts.issuer = *named.issuer;
    assumptions.push_back(std::string("issuer ") + issuer_mode_name(*named.issuer) + ": the mode of the policy's federated principal");
  } else {
    facts.issuer = IssuerMode::team;
    assumptions.push_back("issuer team: Vercel's default for new projects (give --issuer to choose)");
  }
  return {};
}

std::string parse_claims(const std::vector<std::string>& claims, DeploymentFacts& facts) {
  for (const auto& c : claims) {
    const auto eq = c.find('=');
    if (eq == std::string::npos || eq == 0) return "--claim takes KEY=VALUE, not " + quoted(c);
    const std::string key = c.substr(0, eq);
    for (const auto& [seen, value] : facts.extra_context) {
      if (fold_key(seen) == fold_key(key)) {
        return "--claim " + quoted(key) + " is given twice (context keys are case-insensitive; a multi-valued key "
               "is a JSON array in --requests)";
      }
    }
    facts.extra_context.emplace_back(key, c.substr(eq + 1));
  }
  return {};
}

// Decides one deployment; prints the answer; returns the exit code.
int decide_one(const PolicyInput& in, const CanOptions& o) {
  CanQuery q;
  q.assumptions = in.assumptions;
  q.facts.team = o.team;
  q.facts.project = o.project;
  q.facts.environment = o.environment;
  if (!o.audience.empty()) q.facts.audience = o.audience;
  std::string error = complete_facts(NamedInPolicy(in.document), q.facts, o.team_given, o.issuer, q.assumptions);
  if (error.empty()) error = parse_claims(o.claims, q.facts);
  if (!error.empty()) {
    std::cerr << "trustlint: error: " << visible_text(error) << "\n";
    return kExitBadInput;
  }
  auto request = make_request(vercel_profile(), q.facts);
  if (!request.ok()) {
    for (const auto& d : request.diagnostics()) std::cerr << "trustlint: error: " << visible_text(d.message) << " [" << d.code << "]\n";
    return kExitBadInput;
  }
  q.request = request.value();
  const Decision d = evaluate(in.compiled, q.request);
  std::cout << (o.format == "json" ? render_can_json(d, q, false) + "\n" : render_can_text(d, q));
  return d.allowed() ? kExitOk : kExitFindings;
}

// --requests: one JSON object per line in, one JSON line out, in order (the engine's batch).
int decide_many(const PolicyInput& in, const CanOptions& o) {
  std::ifstream file;
  std::istream* input = &std::cin;
  if (o.requests != "-") {
    file.open(o.requests, std::ios::binary);
    if (!file) {
      std::cerr << "trustlint: error: cannot read " << visible_text(o.requests) << " [TL001]\n";
      return kExitBadInput;
    }
    input = &file;
  }
  BatchOptions options;
  options.source_name = o.requests;
  if (!o.issuer.empty()) options.issuer = o.issuer == "global" ? IssuerMode::global : IssuerMode::team;
  options.assumptions = in.assumptions;
  const RequestBatch batch(in.compiled, std::move(options));
  const BatchSummary summary = decide_stream(batch, *input, std::cout, std::cerr);
  if (summary.read_failed) {
    std::cerr << "trustlint: error: cannot read " << visible_text(o.requests) << " past line " << summary.lines << " [TL001]\n";
    return kExitBadInput;
  }
  return summary.errors > 0 ? kExitBadInput : kExitOk;
}

}  // namespace

void register_can(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CanOptions>();
  CLI::App* cmd = app.add_subcommand("can", "Can this Vercel deployment assume the role? (exit 0 yes, 1 no, 2 bad input)");
  cmd->footer(
      "Examples:\n"
      "  trustlint can trust-policy.json --team acme --project web --env preview\n"
      "  trustlint can trust-policy.json --project web --env production --format json\n"
      "  trustlint can trust-policy.json --requests deployments.jsonl   # one JSON object per line\n"
      "  trustlint can template.yaml --resource VercelDeployRole --project web --env preview");
  cmd->add_option("policy", o->policy, "Trust policy, CloudFormation template, Terraform plan or account authorization details (JSON or YAML; - for stdin)")->required();
  cmd->add_option("--resource", o->resource, "The role to check in an IaC file: logical ID, Terraform address, role ARN or name (default: the only role that trusts Vercel)");
  cmd->add_option("--team", o->team, "Vercel team slug (default: the only team the policy names)");
  cmd->add_option("--project", o->project, "Vercel project name");
  cmd->add_option("--env", o->environment, "production, preview, development, or a custom environment");
  cmd->add_option("--issuer", o->issuer, "global (https://oidc.vercel.com) or team (https://oidc.vercel.com/TEAM)")
      ->check(CLI::IsMember({"global", "team"}));
  cmd->add_option("--aud", o->audience, "Token audience (default https://vercel.com/TEAM)");
  cmd->add_option("--claim", o->claims, "Extra context key KEY=VALUE (a KEY without ':' is a claim of the provider)");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--requests", o->requests, "Decide many deployments: JSON lines {team, project, environment, issuer} (- for stdin)");
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  add_limit_flags(*cmd, o->limits);
  add_terraform_flags(*cmd, o->tf);
  cmd->callback([o, cmd, &exit_code] {
    o->team_given = cmd->count("--team") > 0;
    if (o->requests.empty() && (o->project.empty() || o->environment.empty())) {
      std::cerr << "trustlint: error: can needs --project and --env (or --requests FILE)\n";
      exit_code = kExitBadInput;
      return;
    }
    LoadOptions options;
    options.limits = o->limits;
    o->tf.apply(options);
    if (o->quota) options.quota = {o->quota, true};
    auto in = load_for_evaluation(o->policy, options, o->resource);
    if (!in) {
      exit_code = kExitBadInput;
      return;
    }
    exit_code = o->requests.empty() ? decide_one(*in, *o) : decide_many(*in, *o);
  });
}

}  // namespace trustlint::cli
