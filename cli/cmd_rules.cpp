// `trustlint rules`: the catalogue of grammar codes and security rules, or one entry in full.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "trustlint/report.h"

namespace trustlint::cli {
namespace {

struct RulesCli {
  std::string id;
  std::string format = "text";
};

int run_rules(const RulesCli& o) {
  if (o.id.empty()) {
    std::cout << (o.format == "json"       ? render_rules_json(rule_catalogue())
                  : o.format == "markdown" ? render_rule_index_markdown(rule_catalogue())
                                           : render_rule_index_text(rule_catalogue()));
    return kExitOk;
  }
  const RuleInfo* info = find_rule(o.id);
  if (info == nullptr) {
    std::cerr << "trustlint: unknown rule \"" << visible_text(o.id) << "\" (trustlint rules lists them)\n";
    return kExitBadInput;
  }
  std::cout << (o.format == "json"       ? render_rules_json({*info})
                : o.format == "markdown" ? render_rule_page_markdown(*info)
                                         : render_rule_detail_text(*info));
  return kExitOk;
}

}  // namespace

void register_rules(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RulesCli>();
  CLI::App* cmd = app.add_subcommand("rules", "List the lint rules and diagnostic codes, or explain one (exit 0, or 2 for an unknown id)");
  cmd->footer(
      "Examples:\n"
      "  trustlint rules\n"
      "  trustlint rules TL101\n"
      "  trustlint rules other-team --format json\n"
      "  trustlint rules TL101 --format markdown   (the page docs/rules/TL101.md)");
  cmd->add_option("id", o->id, "A rule id (TL101) or name (other-team)");
  cmd->add_option("--format", o->format, "text, json or markdown")->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->callback([o, &exit_code] { exit_code = run_rules(*o); });
}

}  // namespace trustlint::cli
