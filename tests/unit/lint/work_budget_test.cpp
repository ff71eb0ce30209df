// One work budget per lint run: every proof lint makes (the policy, its any-audience twin, the
// variants of the no-effect rule) draws on the prover context's budget, and a run that runs out
// reports a located TL095 error instead of passing with findings missing.
#include <doctest/doctest.h>

#include "lint/lint_context.h"
#include "unit/lint/lint_test_util.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

const std::string kTeamProvider = "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme";

std::string statement(const std::string& effect, const std::string& conditions) {
  return R"({"Effect": ")" + effect + R"(", "Principal": {"Federated": ")" + kTeamProvider +
         R"("}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {)" + conditions + "}}";
}

const std::string kPinned = R"("StringEquals": {"oidc.vercel.com/acme:sub": "owner:acme:project:web:environment:production"})";

// Cheap with the default audience (no Vercel default audience holds an 'A', so the pattern is
// decided without automata); with every requestable audience it needs 2^15 states.
const std::string kHeavyAudience =
    R"({"Version": "2012-10-17", "Statement": [)" + statement("Allow", kPinned) + ", " +
    statement("Deny", R"("StringLike": {"oidc.vercel.com/acme:aud": "*A??????????????"})") + "]}";

const std::string kSimple = R"({"Version": "2012-10-17", "Statement": [)" +
                            statement("Allow", kPinned + R"(, "StringLike": {"oidc.vercel.com/acme:aud": "https://vercel.com/acme"})") +
                            "]}";

struct Loaded {
  Document doc;
  CompiledPolicy policy;
};

Loaded load(const std::string& text) {
  auto doc = load_policy_text(text, "budget.json");
  REQUIRE(doc.has_value());
  auto compiled = compile(doc.value());
  REQUIRE(compiled.ok());
  return {doc.value(), std::move(compiled).value()};
}

}  // namespace

TEST_CASE("the proofs of one lint run spend from one budget") {
  const Loaded l = load(kSimple);
  LintOptions options;
  internal::LintContext ctx(l.policy, options, vercel_profile());
  Diagnostics problems;
  REQUIRE(ctx.prove_policy(problems));
  const std::size_t first = ctx.prover().budget.spent;
  CHECK(first > 0);
  REQUIRE(ctx.allowed_any_audience() != nullptr);
  const std::size_t second = ctx.prover().budget.spent;
  CHECK(second > first);
  REQUIRE(ctx.prove(l.doc, /*any_audience=*/false).has_value());
  CHECK(ctx.prover().budget.spent > second);
  CHECK_FALSE(ctx.incomplete().has_value());

  // The budget spent: the next proof stops at once, and the run says where.
  ctx.prover().budget.spent = ctx.prover().budget.total();
  CHECK_FALSE(ctx.prove(l.doc, /*any_audience=*/true).has_value());
  const auto stop = ctx.incomplete();
  REQUIRE(stop.has_value());
  CHECK(stop->code == "TL095");
  CHECK(stop->severity == Severity::error);
  CHECK(stop->span.line > 0);
}

TEST_CASE("lint's own set computations running out is TL095, not a note") {
  const Loaded l = load(kSimple);
  LintOptions options;
  internal::LintContext ctx(l.policy, options, vercel_profile());
  Diagnostics problems;
  REQUIRE(ctx.prove_policy(problems));
  CHECK_FALSE(ctx.incomplete().has_value());
  ctx.prover().budget.exceeded = true;  // as a value-set question past the budget leaves it
  const auto stop = ctx.incomplete();
  REQUIRE(stop.has_value());
  CHECK(stop->code == "TL095");
  CHECK(stop->span.line == l.doc.statements.front().span.line);
}

TEST_CASE("an any-audience proof that runs out is reported (TL095), never read as nothing") {
  using trustlint::testing::describe;
  using trustlint::testing::has_rule;
  const Loaded l = load(kHeavyAudience);
  // The premise: at this limit the default-audience proof fits, the any-audience one does not.
  WhoOptions who;
  who.limits.max_automaton_states = 20'000;
  REQUIRE(allowed_set(l.policy, vercel_profile(), who).ok());
  WhoOptions any = who;
  any.any_audience = true;
  REQUIRE_FALSE(allowed_set(l.policy, vercel_profile(), any).ok());

  LintOptions options;
  options.limits.max_automaton_states = 20'000;
  const LintReport report = trustlint::testing::lint_policy(kHeavyAudience, options);
  CHECK_MESSAGE(has_rule(report, "TL095"), describe(report));
  bool error = false;
  for (const auto& f : report.findings) {
    if (f.rule == "TL095") error = f.severity == Severity::error && f.span.line > 0;
  }
  CHECK(error);
  // With a limit that fits, the same run finishes: no TL095, and the unchecked audience is found.
  LintOptions roomy;
  roomy.limits.max_automaton_states = 2'000'000;
  const LintReport full = trustlint::testing::lint_policy(kHeavyAudience, roomy);
  CHECK_MESSAGE(!has_rule(full, "TL095"), describe(full));
  CHECK_MESSAGE(has_rule(full, "TL305"), describe(full));
}
