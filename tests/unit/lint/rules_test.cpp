// Each security rule on its triggering fixture and on a near miss (a policy one step away that
// must not trigger it), with the witness replayed through the evaluator and the location
// pointing into the policy. Equivalent policies get equal verdicts (findings are decided on the
// set of deployments, never on the text).
#include <doctest/doctest.h>

#include <filesystem>

#include "trustlint/trustlint.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

namespace {

using namespace trustlint;
using namespace trustlint::testing;

struct RuleCase {
  const char* rule;
  const char* trigger;    // fixture that must report the rule
  const char* near_miss;  // fixture that must not
};

const RuleCase kCases[] = {
    {"TL101", "fixtures/risky/owner-prefix-wildcard.json", "fixtures/good/two-teams.json"},
    {"TL102", "fixtures/risky/owner-any.json", "fixtures/risky/global-team-any-project.json"},
    {"TL103", "fixtures/risky/development-allowed.yaml", "fixtures/risky/allow-team-deny-development.json"},
    {"TL104", "fixtures/risky/project-any.yaml", "fixtures/good/multi-project.yaml"},
    {"TL105", "fixtures/risky/environment-prefix.json", "fixtures/good/custom-environment.yaml"},
    {"TL201", "fixtures/risky/deny-stringequals-wildcard.json", "fixtures/good/web-with-deny-development.yaml"},
    {"TL202", "fixtures/risky/stringlike-no-wildcard.yaml", "fixtures/good/vercel-docs-preview-production.json"},
    {"TL203", "fixtures/risky/wrong-prefix-positive.json", "fixtures/good/vercel-docs-production.json"},
    {"TL204", "fixtures/risky/impossible-values.json", "fixtures/good/team-web-production-preview.yaml"},
    {"TL205", "fixtures/risky/stringequals-wildcard-dead-allow.json", "fixtures/good/vercel-and-github.json"},
    {"TL206", "fixtures/risky/aud-sub-team-mismatch.json", "fixtures/good/global-renamed-team.json"},
    {"TL207", "fixtures/risky/aud-only-global.json", "fixtures/good/global-exact-owner.json"},
    {"TL301", "fixtures/risky/forallvalues-wrong-prefix.json", "fixtures/risky/forallvalues-sub.json"},
    {"TL302", "fixtures/risky/negated-only-global.json", "fixtures/risky/negated-only-team.json"},
    {"TL303", "fixtures/risky/principal-aws-star.yaml", "fixtures/risky/principal-star.json"},
    {"TL304", "fixtures/risky/sts-star.yaml", "fixtures/good/vercel-docs-production.json"},
    {"TL305", "fixtures/risky/no-condition-team.yaml", "fixtures/good/vercel-docs-production.json"},
    {"TL306", "fixtures/risky/wrong-prefix-negated.yaml", "fixtures/risky/negated-only-team.json"},
    {"TL401", "fixtures/risky/oidc-no-provider-key.json", "fixtures/good/oidc-circleci-pinned.json"},
    {"TL402", "fixtures/risky/oidc-aud-only.json", "fixtures/good/oidc-circleci-pinned.json"},
    {"TL403", "fixtures/risky/oidc-sub-star.json", "fixtures/good/oidc-circleci-pinned.json"},
    {"TL410", "fixtures/risky/github-aud-only.json", "fixtures/good/vercel-and-github.json"},
    {"TL410", "fixtures/risky/github-enterprise-no-sub.json", "fixtures/good/github-repo-branch.json"},
    {"TL411", "fixtures/risky/github-owner-wildcard.json", "fixtures/risky/github-org-wildcard.json"},
    {"TL411", "fixtures/risky/github-any-owner.json", "fixtures/good/github-repo-branch.json"},
    {"TL412", "fixtures/risky/github-org-wildcard.json", "fixtures/good/github-repo-branch.json"},
    {"TL420", "fixtures/risky/cognito-no-aud.json", "fixtures/good/cognito-pool-pinned.json"},
    {"TL421", "fixtures/risky/saml-no-aud.json", "fixtures/good/saml-aud.json"},
    {"TL060", "fixtures/bad/unknown-condition-key.json", "fixtures/good/source-ip-restricted.json"},
    {"TL061", "fixtures/bad/deprecated-condition-key.json", "fixtures/good/vercel-docs-production.json"},
    {"TL062", "fixtures/bad/forallvalues-source-ip.json", "fixtures/good/cognito-pool-pinned.json"},
    {"TL063", "fixtures/bad/private-source-ip.json", "fixtures/good/source-ip-restricted.json"},
    {"TL064", "fixtures/bad/sts-action-typo.json", "fixtures/good/vercel-docs-production.json"},
    {"TL065", "fixtures/bad/key-type-mismatch.json", "fixtures/good/source-ip-restricted.json"},
    {"TL044", "fixtures/bad/oidc-assume-role.json", "fixtures/good/vercel-docs-production.json"},
};

// Every witness (a deployment, or another provider's token) is allowed or denied exactly as the
// finding says.
void check_witnesses(const LintReport& report) {
  for (const auto& f : report.findings) {
    CAPTURE(f.rule);
    CAPTURE(f.message);
    CHECK(f.span.known());
    if (!f.witness || (!f.witness->deployment && !f.witness->request)) continue;
    auto request = f.witness->request ? Result<Request>(*f.witness->request)
                                      : make_request(vercel_profile(), *f.witness->deployment);
    REQUIRE(request.ok());
    auto doc = load_policy_file(report.file);
    REQUIRE(doc.has_value());
    auto compiled = compile(doc.value());
    REQUIRE(compiled.ok());
    CHECK(evaluate(compiled.value(), request.value()).allowed() == f.witness->allowed);
  }
}

}  // namespace

TEST_CASE("lint::each rule fires on its fixture and not on its near miss") {
  for (const auto& c : kCases) {
    CAPTURE(c.rule);
    const LintReport hit = lint_fixture(c.trigger);
    CHECK_MESSAGE(has_rule(hit, c.rule), c.trigger << describe(hit));
    check_witnesses(hit);
    const LintReport miss = lint_fixture(c.near_miss);
    CHECK_MESSAGE(!has_rule(miss, c.rule), c.near_miss << describe(miss));
  }
}

TEST_CASE("lint::TL101 names a concrete other team for owner:acme* (§4.10 ex. 5)") {
  LintOptions o;
  o.teams = {"acme"};
  const LintReport r = lint_fixture("fixtures/risky/owner-prefix-wildcard.json", o);
  const Finding* f = nullptr;
  for (const auto& x : r.findings) if (x.rule == "TL101") f = &x;
  REQUIRE(f != nullptr);
  REQUIRE(f->witness);
  CHECK(f->witness->deployment->team == "acme-evil");
  CHECK(f->witness->allowed);
  CHECK(f->span.line == 12);  // the owner:acme* value
  CHECK(f->pointer == "/Statement/0/Condition/StringLike/oidc.vercel.com:sub");
}

TEST_CASE("lint::--team decides which teams are other teams") {
  LintOptions o;
  o.teams = {"acme"};
  const LintReport r = lint_fixture("fixtures/good/two-teams.json", o);
  CHECK(has_rule(r, "TL101"));
  for (const auto& f : r.findings) {
    if (f.rule == "TL101") CHECK(f.witness->deployment->team == "globex");
  }
  CHECK_FALSE(has_rule(lint_fixture("fixtures/good/two-teams.json"), "TL101"));
}

TEST_CASE("lint::configured environments replace the built-in expectations") {
  LintOptions o;
  o.environments = {"production", "development"};
  const LintReport r = lint_fixture("fixtures/risky/development-allowed.yaml", o);
  CHECK_FALSE(has_rule(r, "TL103"));
  LintOptions prod;
  prod.environments = {"production"};
  const LintReport p = lint_fixture("fixtures/good/team-web-production-preview.yaml", prod);
  CHECK(has_rule(p, "TL105"));  // preview is not expected
}

TEST_CASE("lint::rules can be turned off and re-graded; suppressions keep the finding") {
  LintOptions o;
  o.rules["TL305"].off = true;
  o.rules["TL306"].severity = Severity::warning;
  o.suppressions.push_back({"TL306", "/Statement/0", "accepted: sandbox account"});
  const LintReport r = lint_fixture("fixtures/risky/no-condition-team.yaml", o);
  CHECK_FALSE(has_rule(r, "TL305"));
  bool seen = false;
  for (const auto& f : r.findings) {
    if (f.rule != "TL306") continue;
    seen = true;
    CHECK(f.severity == Severity::warning);
    CHECK(f.suppressed);
    CHECK(f.suppression_reason == "accepted: sandbox account");
  }
  CHECK(seen);
}

TEST_CASE("lint::every witness on every fixture replays through the evaluator") {
  for (const char* dir : {"fixtures/good", "fixtures/risky", "fixtures/bad"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/" + dir)) {
      CAPTURE(entry.path().string());
      check_witnesses(lint_file(entry.path().string(), {}));
    }
  }
}

TEST_SUITE_END();
