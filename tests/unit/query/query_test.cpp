// The query layer (trustlint/query.h) as the bindings call it, on inputs in memory: the role
// chosen or refused (TL015), the gate (TL016 error or note, the TL069 cut of DiagnosticSink), the
// facts completed with their assumptions, lint reports that carry their source and allowed set,
// a diff of two inputs, --fail-on.
#include <doctest/doctest.h>

#include <string>

#include "trustlint/query.h"
#include "trustlint/test_report.h"

TEST_SUITE_BEGIN("query");

namespace {

using namespace trustlint;

std::string statement(const std::string& team, const std::string& env, const std::string& extra = "") {
  return R"({"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/)" + team +
         R"("}, "Action": "sts:AssumeRoleWithWebIdentity", )" + extra + R"("Condition": {"StringEquals": {"oidc.vercel.com/)" +
         team + R"(:aud": "https://vercel.com/)" + team + R"("}, "StringLike": {"oidc.vercel.com/)" + team +
         R"(:sub": "owner:)" + team + R"(:project:*:environment:)" + env + R"("}}})";
}

std::string policy(const std::string& team, const std::string& env, const std::string& extra = "") {
  return R"({"Version": "2012-10-17", "Statement": [)" + statement(team, env, extra) + "]}";
}

std::string template_with(const std::vector<std::pair<std::string, std::string>>& roles) {
  std::string out = R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {)";
  for (std::size_t i = 0; i < roles.size(); ++i) {
    out += (i ? ", " : "") + ("\"" + roles[i].first + "\": {\"Type\": \"AWS::IAM::Role\", \"Properties\": {\"AssumeRolePolicyDocument\": " +
                              roles[i].second + "}}");
  }
  return out + "}}";
}

CanQuestion ask(std::optional<std::string> team, const std::string& project, const std::string& environment) {
  CanQuestion q;
  q.team = std::move(team);
  q.project = project;
  q.environment = environment;
  return q;
}

bool has_code(const Diagnostics& ds, const std::string& code, Severity severity) {
  for (const auto& d : ds) {
    if (d.code == code && d.severity == severity) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("query::open_input keeps the text and names stdin as given") {
  auto opened = open_input(Input::from_text("\xEF\xBB\xBF" + policy("acme", "preview"), "p.json"));
  REQUIRE(opened.has_value());
  CHECK(opened.value().plain());
  CHECK(opened.value().text == policy("acme", "preview"));  // byte-order mark removed
  CHECK(opened.value().name == "p.json");
  CHECK(Input::file("-").kind == Input::Kind::standard_input);
  CHECK(Input::standard_input().given() == "-");
  CHECK(Input::standard_input().span_name() == "<stdin>");

  auto broken = open_input(Input::from_text("{\"Version\": ", "bad.json"));
  REQUIRE_FALSE(broken.has_value());
  CHECK(has_code(broken.diagnostics(), "TL004", Severity::error));
  CHECK(broken.diagnostics().back().code == "TL016");
  CHECK(render_query_diagnostics({broken.diagnostics().back()}) ==
        "trustlint: bad.json is not a valid trust policy; fix the errors above (see: trustlint lint bad.json)\n");
}

TEST_CASE("query::choose_role: --resource, the only Vercel role, or a TL015 that lists the candidates") {
  const std::string two = template_with({{"Web", policy("acme", "preview")}, {"Api", policy("acme", "production")}});
  auto opened = open_input(Input::from_text(two, "t.json"));
  REQUIRE(opened.has_value());
  auto none = choose_role(opened.value(), "");
  REQUIRE_FALSE(none.has_value());
  REQUIRE(none.diagnostics().size() == 1);
  CHECK(none.diagnostics()[0].code == "TL015");
  CHECK(none.diagnostics()[0].message == "t.json holds 2 roles that trust Vercel; choose one with --resource: Web, Api");
  CHECK(render_query_diagnostics(none.diagnostics()) ==
        "trustlint: error: t.json holds 2 roles that trust Vercel; choose one with --resource: Web, Api\n");

  auto api = choose_role(opened.value(), "Api");
  REQUIRE(api.has_value());
  CHECK(api.value().resource == "Api");
  CHECK(api.value().form == "cloudformation");

  auto missing = choose_role(opened.value(), "Nope");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.diagnostics()[0].message == "t.json has no role \"Nope\"; its roles: Web, Api");

  const std::string one = template_with({{"Only", policy("acme", "preview")}});
  auto only = open_role(Input::from_text(one, "one.json"), "");
  REQUIRE(only.has_value());
  REQUIRE_FALSE(only.value().assumptions.empty());
  CHECK(only.value().assumptions.front() ==
        "role Only: the only role in one.json that trusts Vercel (give --resource to choose another)");

  auto plain = open_role(Input::from_text(policy("acme", "preview"), "p.json"), "Web");
  REQUIRE_FALSE(plain.has_value());
  CHECK(plain.diagnostics()[0].code == "TL015");
}

TEST_CASE("query::prepare_role: the gate lets through only errors that keep the meaning (lint's list)") {
  // An unknown statement key could mean anything: no answer, the errors then TL016.
  auto doubtful = open_role(Input::from_text(policy("acme", "preview", R"("Efect": "Allow", )"), "d.json"), "");
  REQUIRE_FALSE(doubtful.has_value());
  CHECK(has_code(doubtful.diagnostics(), "TL016", Severity::error));
  // The same error list as lint: every error shown to the gate is one lint says changes the meaning.
  bool any_stopping = false;
  for (const auto& d : doubtful.diagnostics()) {
    if (d.code != "TL016" && d.severity == Severity::error) any_stopping = any_stopping || !meaning_preserved_despite(d);
  }
  CHECK(any_stopping);

  // A Principal "*" beside the federated one (TL042) keeps the meaning: answered, with a TL016 note.
  const std::string star = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity"}]})";
  auto kept = open_role(Input::from_text(star, "s.json"), "");
  REQUIRE(kept.has_value());
  for (const auto& d : kept.diagnostics()) {
    if (d.severity == Severity::error) CHECK(meaning_preserved_despite(d));
  }
  CHECK(has_code(kept.diagnostics(), "TL016", Severity::note));
}

TEST_CASE("query::prepare_role cuts the errors shown at max_errors with DiagnosticSink's TL069") {
  std::string statements;
  for (int i = 0; i < 4; ++i) statements += std::string(i ? ", " : "") + statement("acme", "preview", R"("Efect": 1, )");
  const std::string text = R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}";
  LoadOptions load;
  load.limits.max_errors = 1;
  auto role = open_role(Input::from_text(text, "many.json"), "", load);
  REQUIRE_FALSE(role.has_value());
  std::size_t errors = 0;
  const Diagnostic* more = nullptr;
  for (const auto& d : role.diagnostics()) {
    if (d.severity == Severity::error && d.code != "TL016") ++errors;
    if (d.code == "TL069") more = &d;
  }
  CHECK(errors == 1);
  REQUIRE(more != nullptr);
  CHECK(more->message.ends_with("not shown (the limit is 1)"));
  CHECK(more->span.file == "many.json");
}

TEST_CASE("query::can completes team and issuer from the policy and says so") {
  auto role = open_role(Input::from_text(policy("acme", "preview"), "p.json"), "");
  REQUIRE(role.has_value());
  auto yes = can(role.value(), ask(std::nullopt, "web", "preview"));
  REQUIRE(yes.has_value());
  CHECK(yes.value().decision.allowed());
  CHECK(yes.value().query.facts.team == "acme");
  REQUIRE(yes.value().query.assumptions.size() == 2);
  CHECK(yes.value().query.assumptions[0] == "team acme: the only team this policy names");
  CHECK(yes.value().query.assumptions[1] == "issuer team: the mode of the policy's federated principal");

  auto no = can(role.value(), ask("globex", "web", "preview"));
  REQUIRE(no.has_value());
  CHECK_FALSE(no.value().decision.allowed());

  auto refused = can(role.value(), ask("", "web", "preview"));
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.diagnostics()[0].code == "TL090");
  CHECK_FALSE(refused.diagnostics()[0].span.known());

  const std::string two_teams = R"({"Version": "2012-10-17", "Statement": [)" + statement("acme", "preview") + ", " +
                                statement("globex", "preview") + "]}";
  auto both = open_role(Input::from_text(two_teams, "two.json"), "");
  REQUIRE(both.has_value());
  auto unsettled = can(both.value(), ask(std::nullopt, "web", "preview"));
  REQUIRE_FALSE(unsettled.has_value());
  CHECK(unsettled.diagnostics()[0].code == "TL015");
  CHECK(unsettled.diagnostics()[0].message == "--team is required: the policy names 2 teams (acme, globex)");
}

TEST_CASE("query::lint_input: every report carries the text it was read from and its allowed set") {
  LintOptions options;
  auto reports = lint_input(Input::from_text(policy("acme", "preview"), "p.json"), options);
  REQUIRE(reports.size() == 1);
  REQUIRE(reports[0].source != nullptr);
  CHECK(*reports[0].source == policy("acme", "preview"));
  REQUIRE(reports[0].allowed != nullptr);
  CHECK_FALSE(reports[0].allowed->parts.empty());
  // The snapshot renderers quote is the report's own text, shared, not read again.
  const SourceSnapshot snapshot = SourceSnapshot::of(reports[0]);
  CHECK(snapshot.text("p.json") == reports[0].source.get());

  // A role the Vercel rules skip carries a set only when asked for (Markdown's matrix).
  const std::string service = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})";
  CHECK(lint_input(Input::from_text(service, "s.json"), options)[0].allowed == nullptr);
  options.prove_every_role = true;
  auto proven = lint_input(Input::from_text(service, "s.json"), options);
  REQUIRE(proven[0].allowed != nullptr);
  CHECK(proven[0].allowed->parts.empty());
}

TEST_CASE("query::diff of two inputs in memory: what NEW lets in") {
  auto old_input = open_input(Input::from_text(policy("acme", "production"), "old.json"));
  auto new_input = open_input(Input::from_text(policy("acme", "*"), "new.json"));
  REQUIRE(old_input.has_value());
  REQUIRE(new_input.has_value());
  auto answer = diff(old_input.value(), new_input.value(), "");
  REQUIRE(answer.has_value());
  REQUIRE(answer.value().answered);
  REQUIRE(answer.value().roles.size() == 1);
  CHECK(grants_new_access(answer.value().roles));
  auto back = diff(new_input.value(), old_input.value(), "");
  REQUIRE(back.value().answered);
  CHECK_FALSE(grants_new_access(back.value().roles));
}

TEST_CASE("query::fails: --fail-on thresholds") {
  LintReport report;
  Finding warning;
  warning.rule = "TL101";
  warning.severity = Severity::warning;
  report.findings.push_back(warning);
  CHECK_FALSE(fails(report, FailOn::error));
  CHECK(fails(report, FailOn::warning));
  CHECK(fails(report, FailOn::note));
  CHECK_FALSE(fails(report, FailOn::never));
  report.findings[0].suppressed = true;
  CHECK_FALSE(fails(report, FailOn::note));
  CHECK(parse_fail_on("warning") == FailOn::warning);
  CHECK_FALSE(parse_fail_on("warn").has_value());
  for (FailOn f : {FailOn::error, FailOn::warning, FailOn::note, FailOn::never}) CHECK(parse_fail_on(fail_on_name(f)) == f);
}

TEST_CASE("query::can: a multi-valued claim (ForAllValues/ForAnyValue), each value checked, the key once") {
  std::string text = policy("acme", "preview");
  text.replace(text.find("\"Condition\": {\"StringEquals\""), std::string("\"Condition\": {").size(),
               R"("Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}, "ForAnyValue:StringEquals": {"aws:PrincipalOrgPaths": ["mfa"]}, )");
  auto role = open_role(Input::from_text(text, "tags.json"), "");
  REQUIRE(role.has_value());
  auto with = [&](std::vector<std::pair<std::string, std::vector<std::string>>> multi) {
    CanQuestion q = ask("acme", "web", "preview");
    q.multi_claims = std::move(multi);
    return can(role.value(), q);
  };
  auto yes = with({{"aws:TagKeys", {"team", "env"}}, {"aws:PrincipalOrgPaths", {"pwd", "mfa"}}});
  REQUIRE(yes.has_value());
  CHECK(yes.value().decision.allowed());
  const ContextEntry* amr = yes.value().query.request.find("aws:PrincipalOrgPaths");  // a claim of the provider other than sub/aud is refused (TL092)
  REQUIRE(amr != nullptr);
  CHECK(amr->multi_valued);
  CHECK(amr->values == std::vector<std::string>{"pwd", "mfa"});
  auto owner = with({{"aws:TagKeys", {"team", "owner"}}, {"aws:PrincipalOrgPaths", {"mfa"}}});  // owner is not listed
  REQUIRE(owner.has_value());
  CHECK_FALSE(owner.value().decision.allowed());
  auto no_mfa = with({{"aws:TagKeys", {}}, {"aws:PrincipalOrgPaths", {"pwd"}}});  // ForAnyValue: no value matches
  REQUIRE(no_mfa.has_value());
  CHECK_FALSE(no_mfa.value().decision.allowed());

  CanQuestion twice = ask("acme", "web", "preview");
  twice.claims = {{"AWS:TagKeys", "team"}};
  twice.multi_claims = {{"aws:tagkeys", {"env"}}};
  auto refused = can(role.value(), twice);
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.diagnostics()[0].code == "TL015");
  CHECK(refused.diagnostics()[0].message.find("is given twice") != std::string::npos);
  auto contradicts = with({{"sub", {"owner:acme:project:web:environment:preview", "owner:acme:project:api:environment:preview"}}});
  REQUIRE_FALSE(contradicts.has_value());
  CHECK(contradicts.diagnostics()[0].code == "TL092");
  CHECK_FALSE(contradicts.diagnostics()[0].span.known());
}

TEST_CASE("query::check_expected_teams: lint's --team, the first name Vercel never issues") {
  CHECK_FALSE(check_expected_teams({}).has_value());
  CHECK_FALSE(check_expected_teams({"acme", "acme-evil", "a1"}).has_value());
  for (const std::string bad : {"", "Acme", "acm\xC3\xA9", "a:b"}) {
    CAPTURE(bad);
    auto d = check_expected_teams({"acme", bad});
    REQUIRE(d.has_value());
    CHECK(d->code == "TL090");
    CHECK(d->severity == Severity::error);
    CHECK(d->message.rfind("--team: ", 0) == 0);
    CHECK_FALSE(d->span.known());
  }
}

TEST_CASE("query::test_exit_code: 2 unusable or nothing found, 1 a failure, 0 all hold") {
  SpecResult holds, fails, broken;
  holds.results.push_back({Expectation{}, ExpectationOutcome{}});
  holds.results.back().outcome.holds = true;
  fails.results.push_back({Expectation{}, ExpectationOutcome{}});
  fails.results.back().outcome.holds = false;
  broken.error = "cannot open input";
  CHECK(test_exit_code({holds}, false) == 0);
  CHECK(test_exit_code({holds, fails}, false) == 1);
  CHECK(test_exit_code({holds, fails, broken}, false) == 2);
  CHECK(test_exit_code({holds}, true) == 2);
  CHECK(test_exit_code({}, false) == 2);
  CHECK(no_spec_found().message == "no *.trustspec.yaml file found");
  const std::string json = render_test_json({holds, fails}, 1);
  CHECK(json.find("\"passed\": 1,\n  \"failed\": 1,\n  \"errors\": 0,\n  \"exit_code\": 1") != std::string::npos);
}

TEST_SUITE_END();
