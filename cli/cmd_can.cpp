// `trustlint can`: can this deployment assume the role? One deployment, or many with --requests.
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/fd_output.h"
#include "cli/output_check.h"
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
  std::string team, project, environment, issuer, audience, format = "text", requests, answers = "full";
  std::vector<std::string> claims;
  bool team_given = false;  // --team present, even as '' (then refused, never filled in)
  std::size_t quota = 0;
  Limits limits;
  TerraformVars tf;
};

std::string quoted(const std::string& s) { return "\"" + visible_text(s) + "\""; }

// Decides one deployment; prints the answer; returns the exit code.
int decide_one(const Role& in, const CanOptions& o) {
  CanQuestion question;
  if (o.team_given) question.team = o.team;
  question.project = o.project;
  question.environment = o.environment;
  if (!o.issuer.empty()) question.issuer = o.issuer == "global" ? IssuerMode::global : IssuerMode::team;
  if (!o.audience.empty()) question.audience = o.audience;
  for (const auto& c : o.claims) {
    const auto eq = c.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "trustlint: error: " << visible_text("--claim takes KEY=VALUE, not " + quoted(c)) << "\n";
      return kExitBadInput;
    }
    question.claims.emplace_back(c.substr(0, eq), c.substr(eq + 1));
  }
  // --claim KEY=VALUE repeated with the same KEY: one multi-valued key, values in the order given.
  std::vector<std::pair<std::string, std::string>> given = std::move(question.claims);
  question.claims.clear();
  for (std::size_t i = 0; i < given.size(); ++i) {
    const std::string& key = given[i].first;
    std::vector<std::string> values;
    bool first = true;
    for (std::size_t j = 0; j < given.size(); ++j) {
      if (given[j].first != key) continue;
      first = first && j >= i;
      values.push_back(given[j].second);
    }
    if (!first) continue;  // taken with its first occurrence
    if (values.size() == 1) question.claims.push_back(given[i]);
    else question.multi_claims.emplace_back(key, std::move(values));
  }
  auto answer = can(in, question);
  if (!answer.has_value()) {
    for (const auto& d : answer.diagnostics()) {
      std::cerr << "trustlint: error: " << visible_text(d.message) << (d.code == kQuestionCode ? "" : " [" + d.code + "]") << "\n";
    }
    return kExitBadInput;
  }
  const auto& [q, d] = answer.value();
  std::cout << (o.format == "json" ? render_can_json(d, q, false) + "\n" : render_can_text(d, q));
  return d.allowed() ? kExitOk : kExitFindings;
}

// --requests: one JSON object per line in, one JSON line out, in order (the engine's batch).
int decide_many(const Role& in, const CanOptions& o) {
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
  options.compact = o.answers == "compact";
  const RequestBatch batch(in.compiled, std::move(options));
  // Answers go to file descriptor 1 in decide_stream's blocks, one write(2) each.
  std::cout.flush();
  FdOutput fd_out(1);
  std::ostream out(&fd_out);
  const BatchSummary summary = decide_stream(batch, *input, out, std::cerr);
  if (!out.flush() || fd_out.error() != 0) {
    report_unwritten_output(fd_out.error());
    return kExitBadInput;
  }
  if (summary.read_failed) {
    std::cerr << "trustlint: error: cannot read " << visible_text(o.requests)
              << (summary.lines > 0 ? " past line " + std::to_string(summary.lines) : std::string()) << " [TL001]\n";
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
  cmd->add_option("--claim", o->claims, "Extra context key KEY=VALUE (a KEY without ':' is a claim of the provider; repeated with the same KEY: a multi-valued key)");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--requests", o->requests, "Decide many deployments: JSON lines {team, project, environment, issuer} (- for stdin)");
  cmd->add_option("--answers", o->answers, "With --requests: full (each answer a can/v1 document) or compact ({line, allowed, decision, deciding_statement})")
      ->check(CLI::IsMember({"full", "compact"}));
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
