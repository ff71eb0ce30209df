// Property test: TL205's per-statement question ("does the policy without statement i allow the
// same deployments, with the default audience and with every audience?") answered on the main
// proof's regions agrees with the reference that proves every variant again, on random policies
// (policy_generator.h, some with a statement repeated so that shadowing is common). And the
// answer is checked both ways against the prover and the evaluator:
//   - "changes nothing": the policy without i has the same allowed sets (both audience modes),
//     and random deployments replayed through evaluate() are decided the same;
//   - "changes something": a deployment in one allowed set and not the other exists, and (when
//     it needs no extra condition) evaluate() decides it differently for the two policies.
#include <doctest/doctest.h>

#include "lint/deployment_sets.h"
#include "lint/no_effect_regions.h"
#include "lint/rules.h"
#include "property/policy_generator.h"
#include "trustlint/trustlint.h"
#include "trustlint/vercel_policy.h"

namespace {

using namespace trustlint;
using trustlint::internal::LintContext;

bool allowed(const CompiledPolicy& policy, const DeploymentFacts& d) {
  auto request = make_request(vercel_profile(), d);
  REQUIRE(request.ok());
  return evaluate(policy, request.value()).allowed();
}

struct Counts {
  std::size_t statements = 0, by_regions = 0, unchanged = 0, changed = 0, replayed = 0;
};

bool conditional(const AllowedSet& set) {
  return std::any_of(set.parts.begin(), set.parts.end(), [](const AllowedPart& p) { return !p.extra_conditions.empty(); });
}

struct Difference {
  internal::DeploymentExample example;
  bool replayable = true;  // neither set has parts under extra conditions (aws:SourceIp, ...),
                           // which a deployment's request alone cannot decide
};

// A deployment allowed by exactly one of the two sets (either direction, either audience mode).
std::optional<Difference> difference(LintContext& ctx, const Document& rest_doc) {
  for (bool any : {false, true}) {
    const AllowedSet* full = any ? ctx.allowed_any_audience() : &ctx.allowed();
    if (full == nullptr) continue;
    auto rest = ctx.prove(rest_doc, any);
    if (!rest) continue;
    const bool replayable = !conditional(*full) && !conditional(*rest);
    if (auto e = internal::example_not_in(ctx, *full, *rest)) return Difference{*e, replayable};
    if (auto e = internal::example_not_in(ctx, *rest, *full)) return Difference{*e, replayable};
  }
  return std::nullopt;
}

void check_policy(const Document& doc, trustlint_property::Gen& g, Counts& n) {
  auto compiled = compile(doc);
  if (!compiled.ok()) return;
  const LintOptions options;
  for (const auto& st : doc.statements) {
    // A lint run has one work budget for all its proofs, so each answer and each check gets a
    // fresh context (a run) of its own; an answer given after that budget ran out is skipped.
    LintContext fast_ctx(compiled.value(), options, vercel_profile());
    LintContext ctx(compiled.value(), options, vercel_profile());
    Diagnostics problems;
    if (!fast_ctx.prove_policy(problems) || !ctx.prove_policy(problems)) return;
    ++n.statements;
    const bool fast = internal::changes_nothing(fast_ctx, st, /*reference=*/false);
    if (internal::unchanged_without(*fast_ctx.regions(false), st.index, fast_ctx.prover().budget)) ++n.by_regions;
    const bool reference = internal::changes_nothing(ctx, st, /*reference=*/true);
    if (fast_ctx.prover().budget.exceeded || ctx.prover().budget.exceeded) continue;
    CHECK_MESSAGE(fast == reference, "statement " << st.index << ": regions say " << fast << ", re-proof " << reference);

    Document rest_doc = doc;
    rest_doc.statements.erase(rest_doc.statements.begin() + static_cast<std::ptrdiff_t>(st.index));
    auto rest_compiled = compile(rest_doc);
    REQUIRE(rest_compiled.ok());
    if (fast) {
      ++n.unchanged;
      for (bool any : {false, true}) {
        const AllowedSet* full = any ? ctx.allowed_any_audience() : &ctx.allowed();
        auto rest = ctx.prove(rest_doc, any);
        if (full == nullptr || !rest) continue;
        CHECK_MESSAGE(internal::same_deployments(ctx, *full, *rest), "statement " << st.index << " any " << any);
      }
      // Without the any-audience proof (the work limit) the answer is about the default audience.
      const bool any_known = ctx.allowed_any_audience() != nullptr;
      for (int i = 0; i < 40; ++i) {
        const DeploymentFacts d = g.deployment(/*any_audience=*/any_known);
        CHECK_MESSAGE(allowed(compiled.value(), d) == allowed(rest_compiled.value(), d),
                      "removing statement " << st.index << " changes " << d.team << "/" << d.project << "/"
                                            << d.environment << " aud " << d.audience.value_or("default"));
      }
    } else {
      auto diff = difference(ctx, rest_doc);
      // A proof gave up (the rule reports nothing then either), or the difference is under
      // conditions only: no replay.
      if (ctx.prover().budget.exceeded) continue;
      CHECK_MESSAGE(diff.has_value(), "statement " << st.index << " changes something, yet no deployment differs");
      if (!diff) continue;
      ++n.changed;
      if (!diff->replayable) continue;
      ++n.replayed;
      const DeploymentFacts& d = diff->example.facts;
      CHECK_MESSAGE(allowed(compiled.value(), d) != allowed(rest_compiled.value(), d),
                    "statement " << st.index << " changes " << d.team << "/" << d.project << "/" << d.environment
                                 << " aud " << d.audience.value_or("default") << " by the prover, not by evaluate");
    }
  }
  // Every TL205 a statement gets is a statement that changes nothing.
  auto report = lint(doc, compiled.value(), options);
  if (!report.ok()) return;
  for (const auto& f : report.value().findings) {
    if (f.rule != "TL205" || f.message.rfind("nobody can assume", 0) == 0) continue;
    const auto slash = f.pointer.rfind('/');
    const std::size_t index = f.pointer == "/Statement" ? 0 : std::stoul(f.pointer.substr(slash + 1));
    LintContext ctx(compiled.value(), options, vercel_profile());
    Diagnostics problems;
    if (!ctx.prove_policy(problems)) continue;
    const bool unchanged = internal::changes_nothing(ctx, doc.statements[index], /*reference=*/true);
    if (!ctx.prover().budget.exceeded) CHECK_MESSAGE(unchanged, f.message);
  }
}

void run(unsigned seed, bool extras, Counts& n) {
  trustlint_property::Gen g(seed, extras);
  for (int i = 0; i < 250; ++i) {
    const std::string text = g.policy();
    INFO(text);
    auto doc = load_policy_text(text, "random.json");
    REQUIRE(doc.has_value());
    Document d = doc.value();
    // Half the policies repeat one of their statements (shadowing is then certain).
    if (g.chance(50)) {
      Statement copy = d.statements[g.below(d.statements.size())];
      copy.index = d.statements.size();
      copy.sid.reset();
      d.statements.push_back(copy);
    }
    check_policy(d, g, n);
  }
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::TL205 on the proof's regions agrees with re-proving every variant") {
  Counts n;
  run(1805, /*extras=*/false, n);
  run(1806, /*extras=*/true, n);
  MESSAGE("statements " << n.statements << ", decided by regions " << n.by_regions << ", unchanged " << n.unchanged
                        << ", changed " << n.changed << " (replayed " << n.replayed << ")");
  // Both answers and both paths were exercised, so the test can fail.
  CHECK(n.by_regions > 200);
  CHECK(n.unchanged > 50);
  CHECK(n.changed > 200);
  CHECK(n.replayed > 100);
}

// The Deny paths of the regions: a Deny repeated (each copy inside the other: decided by subset
// tests alone), a Deny that refuses a point some Allow admits (refuted by a point), and a Deny
// that refuses only what no Allow admits; each answer the re-proof's.
TEST_CASE("TL205 on the regions: repeated, effective and idle Denies agree with the re-proof") {
  const std::string principal =
      R"("Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com"},)"
      R"("Action":"sts:AssumeRoleWithWebIdentity",)";
  auto statement = [&](const char* effect, const char* sub) {
    return std::string(R"({"Effect":")") + effect + R"(",)" + principal +
           R"("Condition":{"StringLike":{"oidc.vercel.com:sub":")" + sub +
           R"(","oidc.vercel.com:aud":"https://vercel.com/*"}}})";
  };
  const std::string text = R"({"Version":"2012-10-17","Statement":[)" +
                           statement("Allow", "owner:acme*:project:*:environment:*") + "," +
                           statement("Deny", "owner:acme-*:project:web-*:environment:prod*") + "," +
                           statement("Deny", "owner:acme-*:project:web-*:environment:prod*") + "," +
                           statement("Deny", "owner:acme:project:api:environment:preview") + "," +
                           statement("Deny", "owner:other:project:*:environment:*") + "]}";
  auto doc = load_policy_text(text, "denies.json");
  REQUIRE(doc.has_value());
  auto compiled = compile(doc.value());
  REQUIRE(compiled.ok());
  const bool expected[] = {false, true, true, false, true};
  const LintOptions options;  // a LintContext keeps a reference to its options
  for (const auto& st : doc.value().statements) {
    INFO("statement " << st.index);
    LintContext fast_ctx(compiled.value(), options, vercel_profile());
    LintContext ctx(compiled.value(), options, vercel_profile());
    Diagnostics problems;
    REQUIRE(fast_ctx.prove_policy(problems));
    REQUIRE(ctx.prove_policy(problems));
    const auto by_regions = internal::unchanged_without(*fast_ctx.regions(false), st.index, fast_ctx.prover().budget);
    REQUIRE(by_regions.has_value());
    CHECK(*by_regions == expected[st.index]);
    CHECK(internal::changes_nothing(ctx, st, /*reference=*/true) == expected[st.index]);
    CHECK_FALSE(ctx.prover().budget.exceeded);
  }
}

TEST_SUITE_END();
