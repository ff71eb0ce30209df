// TL502: an expectation of the configuration (`expect:` of an override whose paths match the
// file) does not hold. Decided by check_expectation() on the allowed set lint already proved;
// located at the value that lets the counterexample in (deny, only), or at the Deny that keeps
// it out (allow), else at the first Allow's principal; the witness is the counterexample.
#include <filesystem>

#include "lint/rules.h"
#include "trustlint/report.h"

namespace trustlint::internal {
namespace {

// The configuration's path as users wrote theirs: relative to the working directory when below it.
std::string shown_path(const std::string& file) {
  std::error_code ec;
  const auto cwd = std::filesystem::current_path(ec);
  if (ec || !std::filesystem::path(file).is_absolute()) return file;
  const auto rel = std::filesystem::path(file).lexically_relative(cwd);
  if (rel.empty() || rel.begin()->string() == "..") return file;
  return rel.string();
}

}  // namespace

void check_expectations(LintContext& ctx) {
  for (const auto& e : ctx.options().expectations) {
    auto outcome = check_expectation(ctx.policy(), ctx.allowed(), e,
                                     ctx.options().teams.size() == 1 ? std::optional<std::string>(ctx.options().teams[0])
                                                                     : std::nullopt,
                                     ctx.profile());
    if (!outcome.ok() || outcome->holds || !outcome->counterexample) continue;
    const ExpectationOutcome& o = outcome.value();
    auto request = make_request(ctx.profile(), *o.counterexample);
    if (!request.ok()) continue;
    Location where = fallback_location(ctx);
    if (o.counterexample_allowed) {
      if (auto at = admitting_location(ctx, request.value(), {"sub", "aud"})) where = *at;
    } else if (o.decided_at.known()) {
      where.span = o.decided_at;
      where.pointer.clear();
      for (std::size_t i = 0; i < ctx.document().statements.size(); ++i) {
        if (ctx.document().statements[i].span.offset == o.decided_at.offset) where.pointer = "/Statement/" + std::to_string(i);
      }
    }
    const std::string cfg = shown_path(e.span.file) + ":" + std::to_string(e.span.line) + ":" + std::to_string(e.span.col);
    const std::string verdict = !o.only_when.empty() ? " can assume the role when its extra conditions hold"
                                : o.counterexample_allowed ? " can assume the role"
                                                           : " cannot assume the role";
    Finding f = ctx.make("TL502", "the expectation `" + e.text + "` (" + cfg + ") does not hold: " +
                                      describe_facts(*o.counterexample) + verdict,
                         where.span, where.pointer);
    Witness w;
    w.deployment = o.counterexample;
    w.allowed = o.counterexample_allowed;
    w.description = describe_facts(*o.counterexample) + verdict;
    f.witness = std::move(w);
    if (!o.decided_by.empty()) f.notes.push_back("decided by " + o.decided_by);
    if (!o.only_when.empty()) {
      std::string w2;
      for (const auto& c : o.only_when) w2 += (w2.empty() ? "" : "; ") + c;
      f.notes.push_back("only when: " + w2);
    }
    for (const auto& a : o.assumptions) f.notes.push_back("assuming " + a);
    ctx.add(std::move(f));  // not add_finding: two broken expectations may share a location
  }
}

}  // namespace trustlint::internal
