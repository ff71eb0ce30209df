// `trustlint diff OLD NEW`: what NEW lets in that OLD kept out, and what it takes away, exactly.
// Each side is any input form (or git:REV:PATH); roles of two IaC files are paired by name, and
// a role only on one side is reported as added or removed.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/git_input.h"
#include "cli/limit_flags.h"
#include "cli/policy_input.h"
#include "trustlint/policy_diff.h"
#include "trustlint/report.h"
#include "trustlint/sources.h"
#include "trustlint/vercel_policy.h"

namespace trustlint::cli {
namespace {

struct DiffOptionsCli {
  std::string old_input, new_input, resource, format = "text", fail_on = "new-access";
  bool any_audience = false;
  std::size_t max_states = Limits{}.max_automaton_states;
  std::size_t quota = 0;
  Limits limits;
};

struct Side {
  std::string input;
  Result<std::vector<PolicySource>> found = Result<std::vector<PolicySource>>::failure(Diagnostics{});
};

std::optional<Side> read_side(const std::string& input, const LoadOptions& load) {
  Side side{input};
  if (is_git_input(input)) {
    auto text = read_git_input(input);
    if (!text.ok()) {
      print_diagnostics(text.diagnostics());
      return std::nullopt;
    }
    side.found = find_trust_policies_text(text.value(), input, all_errors(load));
  } else {
    side.found = find_trust_policies(input, all_errors(load));
  }
  if (!found_usable(side.found, input, load)) return std::nullopt;
  return side;
}

bool plain(const Side& s) { return s.found.value().size() == 1 && s.found.value().front().form == "policy"; }

// The roles to compare, by name: those --resource names, else those that trust Vercel on
// either side; in OLD's order, then NEW's.
std::vector<std::string> role_names(const Side& old_side, const Side& new_side, const std::string& resource) {
  std::vector<std::string> names;
  for (const Side* s : {&old_side, &new_side}) {
    for (const auto& role : s->found.value()) {
      const bool wanted = resource.empty()
                              ? role.policy.has_value() && trusts_provider(role.policy.value(), vercel_profile())
                              : role_named(role, resource);
      if (wanted && std::find(names.begin(), names.end(), role.resource) == names.end()) names.push_back(role.resource);
    }
  }
  return names;
}

const PolicySource* find_role(const Side& s, const std::string& name) {
  for (const auto& role : s.found.value()) {
    if (role.resource == name) return &role;
  }
  return nullptr;
}

void print_assumptions(const std::vector<std::string>& assumptions) {
  for (const auto& a : assumptions) std::cerr << "note: assuming " << a << "\n";
}

// Compares one pair (either side may be missing). nullopt after printing an error.
std::optional<RoleDiff> compare(const std::string& resource, const std::optional<PolicyInput>& old_in,
                                const std::optional<PolicyInput>& new_in, const WhoOptions& options) {
  RoleDiff r;
  r.resource = resource;
  r.status = !old_in ? RoleDiff::Status::added : !new_in ? RoleDiff::Status::removed : RoleDiff::Status::compared;
  AllowedSet old_set, new_set;
  for (auto [in, set] : {std::pair{&old_in, &old_set}, std::pair{&new_in, &new_set}}) {
    if (!*in) continue;
    auto computed = allowed_set((*in)->compiled, vercel_profile(), options);
    if (!computed.ok()) {
      print_diagnostics(computed.diagnostics());
      return std::nullopt;
    }
    *set = std::move(computed).value();
  }
  auto diff = diff_allowed_sets(old_set, old_in ? &old_in->compiled : nullptr, new_set,
                                new_in ? &new_in->compiled : nullptr, vercel_profile(), options);
  if (!diff.ok()) {
    print_diagnostics(diff.diagnostics());
    return std::nullopt;
  }
  r.diff = std::move(diff).value();
  for (const auto* set : {&old_set, &new_set}) {
    for (const auto& n : set->notes) {
      if (std::find(r.diff.notes.begin(), r.diff.notes.end(), n) == r.diff.notes.end()) r.diff.notes.push_back(n);
    }
  }
  return r;
}

int run_diff(const DiffOptionsCli& o) {
  LoadOptions load;
  load.limits = o.limits;
  if (o.quota) load.quota = {o.quota, true};
  WhoOptions options;
  options.any_audience = o.any_audience;
  options.limits = o.limits;
  options.limits.max_automaton_states = o.max_states;

  auto old_side = read_side(o.old_input, load);
  if (!old_side) return kExitBadInput;
  auto new_side = read_side(o.new_input, load);
  if (!new_side) return kExitBadInput;

  std::vector<RoleDiff> roles;
  if (plain(*old_side) || plain(*new_side)) {
    // A plain policy is one role: the other side must come down to one role too.
    std::optional<PolicyInput> ins[2];
    const Side* sides[2] = {&*old_side, &*new_side};
    for (int i = 0; i < 2; ++i) {
      ins[i] = load_found(sides[i]->found, sides[i]->input, load, plain(*sides[i]) ? std::string() : o.resource);
      if (!ins[i]) return kExitBadInput;
      print_assumptions(ins[i]->assumptions);
    }
    auto r = compare("", ins[0], ins[1], options);
    if (!r) return kExitBadInput;
    roles.push_back(std::move(*r));
  } else {
    const auto names = role_names(*old_side, *new_side, o.resource);
    if (names.empty()) {
      std::cerr << "trustlint: error: neither " << visible_text(o.old_input) << " nor " << visible_text(o.new_input)
                << (o.resource.empty() ? std::string(" holds a role that trusts Vercel")
                                       : " has a role \"" + visible_text(o.resource) + "\"")
                << "\n";
      return kExitBadInput;
    }
    for (const auto& name : names) {
      std::optional<PolicyInput> ins[2];
      const Side* sides[2] = {&*old_side, &*new_side};
      for (int i = 0; i < 2; ++i) {
        const PolicySource* role = find_role(*sides[i], name);
        if (!role) continue;
        ins[i] = prepare_role(*role, sides[i]->input, load);
        if (!ins[i]) return kExitBadInput;
        print_assumptions(ins[i]->assumptions);
      }
      auto r = compare(name, ins[0], ins[1], options);
      if (!r) return kExitBadInput;
      roles.push_back(std::move(*r));
    }
  }

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
