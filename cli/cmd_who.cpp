// `trustlint who`: exactly which deployments can assume the role.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "trustlint/allowed_set.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

struct WhoOptionsCli {
  std::string policy;
  std::string resource;
  std::string format = "text";
  bool any_audience = false;
  std::size_t max_states = Limits{}.max_automaton_states;
  std::size_t quota = 0;
  Limits limits;
  TerraformVars tf;
};

int run_who(const WhoOptionsCli& o) {
  LoadOptions load;
  load.limits = o.limits;
  o.tf.apply(load);
  if (o.quota) load.quota = {o.quota, true};
  auto in = load_for_evaluation(o.policy, load, o.resource);
  if (!in) return kExitBadInput;
  for (const auto& a : in->assumptions) std::cerr << "note: assuming " << visible_text(a) << "\n";
  WhoOptions options;
  options.any_audience = o.any_audience;
  options.limits = o.limits;
  options.limits.max_automaton_states = o.max_states;
  auto set = allowed_set(in->compiled, vercel_profile(), options);
  if (!set.ok()) {
    print_diagnostics(set.diagnostics());
    return kExitBadInput;
  }
  const WhoQuery query{o.policy, o.any_audience};
  if (o.format == "json") std::cout << render_who_json(set.value(), query);
  else if (o.format == "markdown") std::cout << render_who_markdown(set.value(), query);
  else std::cout << render_who_text(set.value(), query);
  return kExitOk;
}

}  // namespace

void register_who(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<WhoOptionsCli>();
  CLI::App* cmd = app.add_subcommand("who", "Which deployments can assume the role? An exact answer, with examples (exit 0, or 2 on bad input)");
  cmd->footer(
      "Examples:\n"
      "  trustlint who trust-policy.json\n"
      "  trustlint who trust-policy.json --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  trustlint who trust-policy.json --any-audience --format json\n"
      "  trustlint who plan.json --resource aws_iam_role.vercel_preview");
  cmd->add_option("policy", o->policy, "Trust policy, CloudFormation template, Terraform plan or account authorization details (JSON or YAML; - for stdin)")->required();
  cmd->add_option("--resource", o->resource, "The role to analyse in an IaC file: logical ID, Terraform address, role ARN or name (default: the only role that trusts Vercel)");
  cmd->add_option("--format", o->format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->add_flag("--any-audience", o->any_audience,
                "Also cover deployments that request another audience through Vercel's token exchange");
  cmd->add_option("--max-states", o->max_states, "Automaton state limit (default 200000)");
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  add_limit_flags(*cmd, o->limits);
  add_terraform_flags(*cmd, o->tf);
  cmd->callback([o, &exit_code] { exit_code = run_who(*o); });
}

}  // namespace trustlint::cli
