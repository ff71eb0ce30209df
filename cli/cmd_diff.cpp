// `trustlint diff OLD NEW`: what NEW lets in that OLD kept out, and what it takes away, exactly.
// Each side is any input form (or git:REV:PATH); roles of two IaC files are paired by name, and
// a role only on one side is reported as added or removed.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "trustlint/git_input.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "trustlint/policy_diff.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

struct DiffOptionsCli {
  std::string old_input, new_input, resource, format = "text", fail_on = "new-access";
  bool any_audience = false;
  std::size_t max_states = Limits{}.max_automaton_states;
  std::size_t quota = 0;
  Limits limits;
};

// One side opened: a path, "-", or git:REV:PATH read through git. nullopt after printing why not.
std::optional<OpenedInput> read_side(const std::string& input, const LoadOptions& load) {
  Input in = Input::file(input);
  if (is_git_input(input)) {
    auto text = read_git_input(input);
    if (!text.ok()) {
      print_diagnostics(text.diagnostics());
      return std::nullopt;
    }
    in = Input::from_text(std::move(text).value(), input);
  }
  auto opened = open_input(in, load);
  print_diagnostics(opened.diagnostics());
  if (!opened.has_value()) return std::nullopt;
  return std::move(opened).value();
}

int run_diff(const DiffOptionsCli& o) {
  LoadOptions load;
  load.limits = o.limits;
  if (o.quota) load.quota = {o.quota, true};
  WhoOptions options;
  options.any_audience = o.any_audience;
  options.limits = o.limits;
  options.limits.max_automaton_states = o.max_states;

  // Standard input can be read once: the second side would read nothing and be reported as an
  // empty document, which says nothing about the real mistake.
  if (o.old_input == "-" && o.new_input == "-") {
    std::cerr << "trustlint: diff: OLD and NEW cannot both be - (standard input is read once); "
                 "give one side as a file or git:REV:PATH\n";
    return kExitBadInput;
  }
  auto old_side = read_side(o.old_input, load);
  if (!old_side) return kExitBadInput;
  auto new_side = read_side(o.new_input, load);
  if (!new_side) return kExitBadInput;

  auto answer = diff(*old_side, *new_side, o.resource, load, options);
  // What was said and assumed, in the order it arose.
  const Diagnostics& said = answer.diagnostics();
  std::size_t printed = 0;
  for (const auto& a : answer.value().assumptions) {
    print_diagnostics(Diagnostics(said.begin() + printed, said.begin() + a.after));
    printed = a.after;
    std::cerr << "note: assuming " << a.text << "\n";
  }
  print_diagnostics(Diagnostics(said.begin() + printed, said.end()));
  if (!answer.value().answered) return kExitBadInput;

  const auto& roles = answer.value().roles;
  const DiffQuery query{o.old_input, o.new_input, o.any_audience};
  if (o.format == "json") std::cout << render_diff_json(roles, query);
  else if (o.format == "markdown") std::cout << render_diff_markdown(roles, query);
  else std::cout << render_diff_text(roles, query);
  return grants_new_access(roles) && o.fail_on != "never" ? kExitFindings : kExitOk;
}

}  // namespace

void register_diff(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<DiffOptionsCli>();
  CLI::App* cmd = app.add_subcommand(
      "diff", "What does NEW let in that OLD kept out, and what does it take away? Exact (exit 1 when NEW grants anything new, 0 otherwise, 2 on bad input)");
  cmd->footer(
      "Examples:\n"
      "  trustlint diff old-trust.json trust.json\n"
      "  trustlint diff git:origin/main:infra/trust.json infra/trust.json\n"
      "  trustlint diff git:HEAD~1:template.yaml template.yaml --resource WebDeployRole --format markdown\n"
      "  trustlint diff old.json new.json --fail-on never --format json");
  cmd->add_option("old", o->old_input, "The policy before: any input form, - for stdin, or git:REV:PATH")->required();
  cmd->add_option("new", o->new_input, "The policy after: any input form, - for stdin, or git:REV:PATH")->required();
  cmd->add_option("--resource", o->resource, "Compare only this role of IaC inputs: logical ID, Terraform address, role ARN or name (default: every role that trusts Vercel)");
  cmd->add_option("--format", o->format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->add_option("--fail-on", o->fail_on, "new-access (exit 1 when NEW grants anything OLD did not; the default) or never")
      ->check(CLI::IsMember({"new-access", "never"}));
  cmd->add_flag("--any-audience", o->any_audience,
                "Also cover deployments that request another audience through Vercel's token exchange");
  cmd->add_option("--max-states", o->max_states, "Automaton state limit (default 200000)");
  cmd->add_option("--quota", o->quota, "Your account's raised trust-policy length quota (default IAM's 2048)");
  add_limit_flags(*cmd, o->limits);
  cmd->callback([o, &exit_code] { exit_code = run_diff(*o); });
}

}  // namespace trustlint::cli
