// Property test: lint derives the any-audience allowed set from its main (default-audience)
// proof instead of proving the policy a second time (any_audience_from, proof_memo.h). On random
// policies (policy_generator.h, with and without extra conditions, some with a statement
// repeated) the derived answer equals the second proof's, which stays as the reference
// (allowed_set_with_regions with WhoOptions::any_audience): the same rendered answer (parts,
// audiences, examples, nearest denied, reasons, notes in order) and the same statement regions
// (TL205 decides on them), box by box; and the main proof's answer is the plain `who` answer.
#include <doctest/doctest.h>

#include "lint/lint_context.h"
#include "prove/proof_memo.h"
#include "prove/statement_regions.h"
#include "property/policy_generator.h"
#include "trustlint/report.h"
#include "trustlint/trustlint.h"
#include "trustlint/vercel_policy.h"

namespace {

using namespace trustlint;
using trustlint::internal::LintContext;
using trustlint::internal::PolicyRegions;

// The regions written out exactly: glob lists in order, per dimension, per box, per statement.
std::string written(const PolicyRegions& r) {
  auto boxes = [](const internal::BoxSet& set) {
    std::string out;
    for (const auto& b : set) {
      out += "  box";
      for (const auto& d : b.dims) out += " [" + internal::globs_key(d.match()) + " - " + internal::globs_key(d.except()) + "]";
      out += "\n";
    }
    return out;
  };
  std::string out;
  for (const auto& c : r.classes) {
    out += std::string("class ") + issuer_mode_name(c.mode) + "\n";
    for (const auto& s : c.statements) {
      out += " statement " + std::to_string(s.index) + (s.effect == Effect::allow ? " allow" : " deny");
      for (const auto& e : s.extras) out += " extra " + e;
      out += "\n" + boxes(s.boxes) + " left\n" + boxes(s.left);
    }
  }
  return out;
}

std::string notes_of(const AllowedSet& set) {
  std::string out;
  for (const auto& n : set.notes) out += n + "\n";
  for (const auto& n : set.nobody_reasons) out += "reason: " + n + "\n";
  return out;
}

struct Counts {
  std::size_t policies = 0, compared = 0, nonempty = 0, replayed = 0, over_budget = 0;
};

void check_policy(const Document& doc, Counts& n) {
  auto compiled = compile(doc);
  if (!compiled.ok()) return;
  ++n.policies;
  const LintOptions options;
  LintContext ctx(compiled.value(), options, vercel_profile());
  Diagnostics problems;
  if (!ctx.prove_policy(problems)) {
    ++n.over_budget;
    return;
  }
  // The main proof is the plain `who` answer (its context now has room for the audience).
  WhoOptions plain;
  plain.limits = options.limits;
  auto who = allowed_set(compiled.value(), vercel_profile(), plain);
  REQUIRE(who.ok());
  const WhoQuery default_query{"random.json", false};
  CHECK(render_who_json(ctx.allowed(), default_query) == render_who_json(who.value(), default_query));
  CHECK(notes_of(ctx.allowed()) == notes_of(who.value()));

  const AllowedSet* one = ctx.allowed_any_audience();
  const auto& memo = ctx.regions(false)->memo;
  const std::size_t reused = memo ? memo->conditions_reused : 0;
  // The reference: the policy proved again with every audience, as lint did before.
  WhoOptions any = plain;
  any.any_audience = true;
  internal::StateBudget budget;
  budget.max_states = options.limits.max_automaton_states;
  PolicyRegions reference_regions;
  auto two = internal::allowed_set_with_regions(compiled.value(), vercel_profile(), any, budget, &reference_regions);
  if (one == nullptr || !two.ok()) {
    // Only the work limit may stop either; the derived answer does less work, never more.
    ++n.over_budget;
    CHECK_MESSAGE(!two.ok(), "the second proof answered, the derived one did not");
    return;
  }
  ++n.compared;
  if (!one->empty()) ++n.nonempty;
  if (reused > 0) ++n.replayed;
  const WhoQuery any_query{"random.json", true};
  CHECK(render_who_json(*one, any_query) == render_who_json(two.value(), any_query));
  CHECK(render_who_text(*one, any_query) == render_who_text(two.value(), any_query));
  CHECK(notes_of(*one) == notes_of(two.value()));
  const PolicyRegions* derived_regions = ctx.regions(true);
  REQUIRE(derived_regions != nullptr);
  CHECK(written(*derived_regions) == written(reference_regions));
}

void run(unsigned seed, bool extras, int policies, Counts& n) {
  trustlint_property::Gen g(seed, extras);
  for (int i = 0; i < policies; ++i) {
    const std::string text = g.policy();
    INFO(text);
    auto doc = load_policy_text(text, "random.json");
    REQUIRE(doc.has_value());
    Document d = doc.value();
    if (g.chance(30)) {  // a statement repeated: shadowing, as TL205 sees it
      Statement copy = d.statements[g.below(d.statements.size())];
      copy.index = d.statements.size();
      copy.sid.reset();
      d.statements.push_back(copy);
    }
    check_policy(d, n);
  }
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::lint's any-audience answer derived from the main proof equals a second proof") {
  Counts n;
  run(1801, /*extras=*/false, 1000, n);
  run(1802, /*extras=*/true, 1000, n);
  MESSAGE("policies " << n.policies << ", compared " << n.compared << " (non-empty " << n.nonempty
                      << ", derived from kept regions " << n.replayed << "), over the work limit " << n.over_budget);
  // Both kinds of answer were compared, most through kept condition regions.
  CHECK(n.compared > 1500);
  CHECK(n.nonempty > 500);
  CHECK(n.replayed > 1000);
}

TEST_SUITE_END();
