// Property test for lint: on random policies (several statements, Allow and Deny, team and
// global issuers, GitHub and wildcard principals, qualifiers, negations, wrong prefixes, broad
// actions) lint never fails, every finding is located inside the policy, and every witness it
// prints is decided by the evaluator exactly as the finding says (README "lint").
#include <doctest/doctest.h>

#include "property/lint_gen.h"
#include "trustlint/trustlint.h"

namespace {

using namespace trustlint;
using trustlint::testing::LintGen;

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::lint witnesses replay and findings are located on random policies") {
  LintGen g(1129);
  g.extras = true;  // conditional parts too: their findings name the conditions instead of a witness
  std::size_t witnesses = 0, findings = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string text = g.policy();
    auto doc = load_policy_text(text, "random.json");
    REQUIRE_MESSAGE(doc.has_value(), text);
    auto compiled = compile(doc.value());
    REQUIRE_MESSAGE(compiled.ok(), text);
    LintOptions options;
    if (g.chance(50)) options.teams = {"acme"};
    auto report = lint(doc.value(), compiled.value(), options);
    REQUIRE_MESSAGE(report.ok(), text);
    for (const auto& f : report.value().findings) {
      ++findings;
      CHECK_MESSAGE(f.span.known(), text << "\n" << f.rule << " " << f.message);
      CHECK_MESSAGE(f.message.find("internal error") == std::string::npos, text);
      for (const auto& n : f.notes) CHECK_MESSAGE(n.find("internal error") == std::string::npos, text << "\n" << n);
      if (!f.witness) continue;
      auto request = f.witness->request ? Result<Request>(*f.witness->request)
                                        : make_request(vercel_profile(), *f.witness->deployment);
      REQUIRE(request.ok());
      CHECK_MESSAGE(evaluate(compiled.value(), request.value()).allowed() == f.witness->allowed,
                    text << "\n" << f.rule << ": " << f.witness->description);
      ++witnesses;
    }
  }
  MESSAGE("findings: " << findings << ", witnesses replayed: " << witnesses);
  CHECK(witnesses > 1000);
}

TEST_SUITE_END();
