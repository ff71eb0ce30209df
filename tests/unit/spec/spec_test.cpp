// Spec files and expectations: the fixtures under fixtures/specs pass and fail as their comments
// say, every counterexample is replayed here through evaluate() and lies on the wrong side of
// its expectation, and invalid specs get located TL501 errors.
#include <doctest/doctest.h>

#include "trustlint/engine.h"
#include "trustlint/sources.h"
#include "trustlint/spec.h"

namespace {

using namespace trustlint;

const std::string kRoot = TRUSTLINT_SOURCE_DIR;

struct Checked {
  std::vector<ExpectationOutcome> outcomes;
};

Checked check_spec(const std::string& name) {
  auto spec = load_spec(kRoot + "/fixtures/specs/" + name);
  REQUIRE_MESSAGE(spec.ok(), name);
  auto found = find_trust_policies(spec->policy_path);
  REQUIRE(found.ok());
  const PolicySource* role = &found->front();
  for (const auto& r : found.value()) {
    if (r.resource == spec->resource) role = &r;
  }
  auto compiled = compile(role->policy.value());
  REQUIRE(compiled.ok());
  auto set = allowed_set(compiled.value(), vercel_profile());
  REQUIRE(set.ok());
  Checked out;
  for (const auto& e : spec->expect) {
    auto o = check_expectation(compiled.value(), set.value(), e, spec->team, vercel_profile());
    REQUIRE(o.ok());
    if (!o->holds) {
      // The counterexample, replayed: allowed for deny/only, denied for allow (unless it gets in
      // only under extra conditions, which a request without those keys cannot show).
      REQUIRE(o->counterexample.has_value());
      auto request = make_request(vercel_profile(), *o->counterexample);
      REQUIRE(request.ok());
      const bool allowed = evaluate(compiled.value(), request.value()).allowed();
      CHECK(allowed == o->counterexample_allowed);
      if (o->only_when.empty()) CHECK(allowed == (e.kind != Expectation::Kind::allow));
      else CHECK_FALSE(allowed);
    }
    out.outcomes.push_back(o.value());
  }
  return out;
}

}  // namespace

TEST_CASE("spec::passing fixture: every expectation holds") {
  const auto c = check_spec("passing.trustspec.yaml");
  REQUIRE(c.outcomes.size() == 6);
  for (const auto& o : c.outcomes) CHECK(o.holds);
}

TEST_CASE("spec::failing fixture: acme* lets in other teams, preview is not allowed") {
  const auto c = check_spec("failing.trustspec.yaml");
  REQUIRE(c.outcomes.size() == 5);
  CHECK(c.outcomes[0].holds);
  CHECK_FALSE(c.outcomes[1].holds);
  CHECK(c.outcomes[1].counterexample->team == "acme-evil");
  CHECK(c.outcomes[1].decided_by.find("statement #1 (Allow, line 4) lets it in") != std::string::npos);
  CHECK_FALSE(c.outcomes[2].holds);
  CHECK(c.outcomes[2].counterexample->environment == "preview");
  CHECK(c.outcomes[2].decided_by == "no Allow statement applies (implicit deny)");
  CHECK_FALSE(c.outcomes[3].holds);
  CHECK(c.outcomes[3].counterexample->team != "acme");
  CHECK(c.outcomes[4].holds);
}

TEST_CASE("spec::conditional fixture: a SourceIp condition breaks deny and allow, not only") {
  const auto c = check_spec("conditional.trustspec.yaml");
  REQUIRE(c.outcomes.size() == 3);
  CHECK_FALSE(c.outcomes[0].holds);
  CHECK(c.outcomes[0].only_when == std::vector<std::string>{"aws:SourceIp IpAddress 203.0.113.0/24"});
  CHECK_FALSE(c.outcomes[1].holds);
  CHECK(c.outcomes[2].holds);
}

TEST_CASE("spec::a role of a template, chosen by resource") {
  const auto c = check_spec("iac.trustspec.yaml");
  for (const auto& o : c.outcomes) CHECK(o.holds);
}

TEST_CASE("spec::invalid specs are located TL501 errors") {
  auto r = load_spec(kRoot + "/fixtures/specs/invalid/unknown-keys.trustspec.yaml");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 6);
  for (const auto& d : r.diagnostics()) {
    CHECK(d.code == "TL501");
    CHECK(d.span.line > 0);
  }
  CHECK(r.diagnostics()[0].span.line == 2);  // teams:
  CHECK(r.diagnostics()[0].span.col == 1);
  auto none = load_spec(kRoot + "/fixtures/specs/invalid/no-expect.trustspec.yaml");
  REQUIRE_FALSE(none.ok());
  CHECK(none.diagnostics()[0].message.find("no expectation") != std::string::npos);
}

TEST_CASE("spec::a selector over everything: allow fails for a pinned policy, only holds") {
  auto doc = load_policy_file(kRoot + "/fixtures/good/vercel-docs-production.json");
  REQUIRE(doc.ok());
  auto compiled = compile(doc.value());
  REQUIRE(compiled.ok());
  auto set = allowed_set(compiled.value(), vercel_profile());
  REQUIRE(set.ok());
  Expectation everything;
  everything.kind = Expectation::Kind::only;
  CHECK(check_expectation(compiled.value(), set.value(), everything, std::nullopt, vercel_profile())->holds);
  everything.kind = Expectation::Kind::deny;
  CHECK_FALSE(check_expectation(compiled.value(), set.value(), everything, std::nullopt, vercel_profile())->holds);
  everything.kind = Expectation::Kind::allow;
  auto o = check_expectation(compiled.value(), set.value(), everything, std::nullopt, vercel_profile());
  CHECK_FALSE(o->holds);
  CHECK_FALSE(o->counterexample_allowed);
}
