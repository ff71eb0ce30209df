// build_model through load_policy_text: one row per grammar diagnostic, each with its exact
// code, line and column. Statement-level rows put the element under test on line 2.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "trustlint/engine.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;

namespace {

const std::string kHead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\n";  // the statement's '{' is 1:38
const std::string kTail = "\n}]}";
const std::string kE = R"("Effect":"Allow")";
const std::string kP = R"("Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"})";
const std::string kA = R"("Action":"sts:AssumeRoleWithWebIdentity")";
const std::string kStatement = "{" + kE + "," + kP + "," + kA + "}";

// A one-statement policy: `line2` on line 2, then `line3` (by default a complete statement).
std::string st(const std::string& line2, const std::string& line3 = kE + "," + kP + "," + kA) {
  return kHead + line2 + (line3.empty() ? "" : ",\n" + line3) + kTail;
}

struct Row {
  std::string json;
  const char* code;
  std::uint32_t line, col;
  const char* message;  // a fragment the message must contain ("" = not checked)
  Severity severity = Severity::error;
};

const Diagnostic* find(const Diagnostics& ds, const char* code) {
  for (const auto& d : ds) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

void check_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row.json);
    auto r = load_policy_text(row.json, "t.json");
    const Diagnostic* d = find(r.diagnostics(), row.code);
    REQUIRE_MESSAGE(d != nullptr, "no ", row.code);
    CHECK(d->span.file == "t.json");
    CHECK(d->span.line == row.line);
    CHECK(d->span.col == row.col);
    CHECK(d->severity == row.severity);
    CHECK_MESSAGE(d->message.find(row.message) != std::string::npos, d->message);
    // A value whenever the root is an object; ok() only without errors.
    CHECK(r.has_value() == (std::string(row.code) != "TL020"));
    if (row.severity != Severity::error && r.has_value()) CHECK(r.ok() == !has_errors(r.diagnostics()));
  }
}

}  // namespace

TEST_CASE("policy::build_model a well-formed Vercel trust policy has no diagnostics") {
  auto r = load_policy_text(kHead + kE + "," + kP + "," + kA + R"(,"Condition":{"StringEquals":{)" +
                                R"("oidc.vercel.com/acme:aud":"https://vercel.com/acme",)" +
                                R"("oidc.vercel.com/acme:sub":"owner:acme:project:web:environment:production"}})" + kTail,
                            "t.json");
  CHECK(r.ok());
  CHECK(r.diagnostics().empty());
}

TEST_CASE("policy::build_model document and Statement shape (docs/semantics.md#document, docs/semantics.md#statement)") {
  check_rows({
      {"[1]", "TL020", 1, 1, "must be a JSON object, found an array"},
      {"\"policy\"", "TL020", 1, 1, "found a string"},
      {R"({"Version":"2012-10-17","Statment":[]})", "TL021", 1, 25, "unknown top-level key \"Statment\"; did you mean \"Statement\"?"},
      {R"({"version":"2012-10-17","Statement":)" + kStatement + "}", "TL021", 1, 2, "(keys are case-sensitive); did you mean \"Version\"?"},
      {R"({"Version":"2012-10-17"})", "TL023", 1, 1, "no Statement"},
      {R"({"Version":"2012-10-17","Statement":[]})", "TL024", 1, 37, "empty array"},
      {R"({"Version":"2012-10-17","Statement":"x"})", "TL025", 1, 37, "Statement must be an object or an array of objects"},
      {R"({"Version":"2012-10-17","Statement":[)" + kStatement + ",1]}", "TL025", 1, static_cast<std::uint32_t>(38 + kStatement.size() + 1),
       "statement #2 must be an object, found a number"},
  });
}

TEST_CASE("policy::build_model Version and Id (docs/semantics.md#version, docs/semantics.md#id-element)") {
  check_rows({
      {R"({"Statement":)" + kStatement + "}", "TL026", 1, 1, "policy variables", Severity::warning},
      {R"({"Version":"2008-10-17","Statement":)" + kStatement + "}", "TL027", 1, 12, "2008-10-17", Severity::warning},
      {R"({"Version":"2012-10-18","Statement":)" + kStatement + "}", "TL028", 1, 12, "invalid Version \"2012-10-18\""},
      {R"({"Version":20121017,"Statement":)" + kStatement + "}", "TL028", 1, 12, "invalid Version a number"},
      {R"({"Version":"2012-10-17","Id":5,"Statement":)" + kStatement + "}", "TL029", 1, 30, "Id must be a string"},
  });
}

TEST_CASE("policy::build_model statement keys, Sid and Effect (docs/semantics.md#sid, docs/semantics.md#effect)") {
  check_rows({
      {st(R"("Efect":"Allow")", kP + "," + kA), "TL022", 2, 1, "unknown statement key \"Efect\"; did you mean \"Effect\"?"},
      {st(R"("principal":{"AWS":"x"})", kE + "," + kP + "," + kA), "TL022", 2, 1, "did you mean \"Principal\"?"},
      {st(R"("Sid":5)"), "TL030", 2, 7, "Sid must be a string"},
      {st(R"("Sid":"vercel-prod")"), "TL031", 2, 7, "contains '-'", Severity::warning},
      {st(R"("Sid":"")"), "TL033", 2, 7, "empty Sid", Severity::note},
      {R"({"Version":"2012-10-17","Statement":[)" "\n" R"({"Sid":"A",)" + kE + "," + kP + "," + kA + "},\n" +
           R"({"Sid":"A",)" + kE + "," + kP + "," + kA + "}]}",
       "TL032", 3, 8, "duplicate Sid \"A\" (first at line 2, column 8)", Severity::warning},
      {st(kP, kA), "TL034", 1, 38, "statement #1 has no Effect"},
      {st(R"("Effect":"allow")", kP + "," + kA), "TL035", 2, 10,
       "found \"allow\" (Effect is case-sensitive); did you mean \"Allow\"?"},
      {st(R"("Effect":"Alow")", kP + "," + kA), "TL035", 2, 10, "did you mean \"Allow\"?"},
      {st(R"("Effect":true)", kP + "," + kA), "TL035", 2, 10, "found a boolean"},
  });
}

TEST_CASE("policy::build_model Principal and NotPrincipal (docs/semantics.md#principal, docs/semantics.md#access-analyzer-checks)") {
  check_rows({
      {st(kE, kA), "TL036", 1, 38, "has no Principal"},
      {st(R"("Sid":"S1")", kE + "," + kA), "TL036", 1, 38, "statement S1 has no Principal"},
      {st(R"("NotPrincipal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"})", kE + "," + kA),
       "TL037", 2, 1, "NotPrincipal is not allowed in role trust policies"},
      {st(R"("NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"})"), "TL038", 2, 1, "both Principal and NotPrincipal"},
      {st(R"("Principal":"arn:aws:iam::123456789012:root")", kE + "," + kA), "TL039", 2, 13, "Principal must be \"*\" or an object"},
      {st(R"("Principal":["*"])", kE + "," + kA), "TL039", 2, 13, "found an array"},
      {st(R"("Principal":{})", kE + "," + kA), "TL039", 2, 13, "empty object"},
      {st(R"("Principal":{"Federated":5})", kE + "," + kA), "TL039", 2, 26, "Principal Federated must be a string or an array of strings"},
      {st(R"("Principal":{"Federated":[]})", kE + "," + kA), "TL039", 2, 26, "empty array"},
      {st(R"("Principal":{"Federated":["arn:aws:iam::123456789012:oidc-provider/x",null]})", kE + "," + kA), "TL039", 2, 71,
       "values must be strings, found null"},
      {st(R"("Principal":{"Federate":"arn:aws:iam::123456789012:oidc-provider/x"})", kE + "," + kA), "TL040", 2, 14,
       "unknown principal type \"Federate\"; did you mean \"Federated\"?"},
      {st(R"("Principal":{"aws":"arn:aws:iam::123456789012:root"})", kE + "," + kA), "TL040", 2, 14,
       "(principal types are case-sensitive); did you mean \"AWS\"?"},
      {st(R"("Principal":{"AWS":"arn:aws:iam::123456789012:role/ci-*"})", kE + "," + kA), "TL041", 2, 20,
       "wildcard inside principal \"arn:aws:iam::123456789012:role/ci-*\""},
      {st(R"("Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/*"})", kE + "," + kA), "TL041", 2, 26,
       "wildcard inside principal"},
      {st(R"("Principal":"*")", kE + "," + kA), "TL042", 2, 13, "\"Principal\": \"*\" trusts every principal"},
      {st(R"("Principal":{"AWS":"*"})", kE + "," + kA), "TL042", 2, 20, "{\"AWS\": \"*\"} trusts every principal"},
      {st(R"("Principal":{"AWS":["arn:aws:iam::123456789012:root","*"]})", kE + "," + kA), "TL042", 2, 54, "trusts every principal"},
      {st(R"("Principal":{"Federated":"oidc.vercel.com/acme"})", kE + "," + kA), "TL043", 2, 26,
       "an OIDC provider is named by its ARN, e.g. arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
      {st(R"("Principal":{"Federated":"arn:aws:iam::12345:oidc-provider/oidc.vercel.com"})", kE + "," + kA), "TL043", 2, 26,
       "the account must be 12 digits"},
      {st(R"("Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/https://oidc.vercel.com"})", kE + "," + kA), "TL043",
       2, 26, "without https://"},
      {st(R"("Principal":{"Federated":"arn:aws:sts::123456789012:oidc-provider/oidc.vercel.com"})", kE + "," + kA), "TL043", 2, 26,
       "the service must be iam"},
      {st(R"("Principal":{"Federated":"arn:aws:iam::123456789012:role/x"})", kE + "," + kA), "TL043", 2, 26,
       "oidc-provider/NAME or saml-provider/NAME"},
      {st(R"("Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/"})", kE + "," + kA), "TL043", 2, 26,
       "the provider name is empty"},
      {st(R"("Principal":{"Federated":"arn:azure:iam::123456789012:oidc-provider/x"})", kE + "," + kA), "TL043", 2, 26,
       "unknown partition"},
      {st(R"("Principal":{"Federated":"arn:aws:iam::123456789012:saml-provider/okta"})", kE + "," + kA), "TL044", 3, 27,
       "sts:AssumeRoleWithWebIdentity cannot be used by the SAML provider"},
      {st(R"("Principal":{"Federated":"accounts.google.com"})", kE + R"(,"Action":["sts:AssumeRoleWithSAML"])"), "TL044", 3, 28,
       "sts:AssumeRoleWithSAML cannot be used by the web-identity provider \"accounts.google.com\""},
  });
}

TEST_CASE("policy::build_model TL042's note says what each wildcard principal admits") {
  const auto note_of = [](const std::string& principal) {
    auto r = load_policy_text(st(principal, kE + "," + kA), "t.json");
    const Diagnostic* d = find(r.diagnostics(), "TL042");
    REQUIRE(d != nullptr);
    REQUIRE(!d->notes.empty());
    return d->notes.front();
  };
  // AWS and Federated wildcards: read as admitting any web-identity caller (the safe reading).
  CHECK(note_of(R"("Principal":{"AWS":"*"})").find("admitting any web-identity caller") != std::string::npos);
  CHECK(note_of(R"("Principal":{"Federated":"*"})").find("admitting any web-identity caller") != std::string::npos);
  // Service and CanonicalUser never match a web-identity caller: the note must not say they do.
  for (const char* p : {R"("Principal":{"Service":"*"})", R"("Principal":{"CanonicalUser":"*"})"}) {
    CAPTURE(p);
    const std::string note = note_of(p);
    CHECK(note.find("any web-identity caller") == std::string::npos);
    CHECK(note.find("never matches a web-identity caller") != std::string::npos);
  }
}

TEST_CASE("policy::build_model TL042 in a Deny says the wildcard restricts, not trusts") {
  const std::string deny = R"("Effect":"Deny")";
  for (const char* p : {R"("Principal":"*")", R"("Principal":{"AWS":"*"})"}) {
    CAPTURE(p);
    // Principal before Effect: the message must not depend on the members' order.
    for (const std::string& members : {std::string(p) + "," + deny + "," + kA, deny + "," + kA + "," + p}) {
      auto r = load_policy_text("{\"Version\":\"2012-10-17\",\"Statement\":[{" + members + "}]}", "t.json");
      const Diagnostic* d = find(r.diagnostics(), "TL042");
      REQUIRE(d != nullptr);
      CHECK(d->message.find("trusts every principal") == std::string::npos);
      CHECK(d->message.find("in this Deny it restricts every caller") != std::string::npos);
      REQUIRE(!d->notes.empty());
      CHECK(d->notes.front().find("this Deny applies to every caller") != std::string::npos);
    }
  }
}

TEST_CASE("policy::build_model Action and Resource (docs/semantics.md#action, docs/semantics.md#resource)") {
  check_rows({
      {st(kE, kP), "TL045", 1, 38, "has no Action"},
      {st(R"("NotAction":"sts:TagSession")"), "TL046", 2, 1, "both Action and NotAction"},
      {st(R"("Action":"sts AssumeRole")", kE + "," + kP), "TL047", 2, 10, "malformed action \"sts AssumeRole\""},
      {st(R"("Action":"AssumeRoleWithWebIdentity")", kE + "," + kP), "TL047", 2, 10, "service:name"},
      {st(R"("Action":"sts:")", kE + "," + kP), "TL047", 2, 10, "the action name is empty"},
      {st(R"("Action":["sts:AssumeRoleWithWebIdentity",5])", kE + "," + kP), "TL047", 2, 43, "Action values must be strings"},
      {st(R"("Action":{})", kE + "," + kP), "TL047", 2, 10, "Action must be a string or an array of strings"},
      {st(R"("Action":[])", kE + "," + kP), "TL047", 2, 10, "Action is an empty array"},
      {st(R"("Resource":"*")"), "TL048", 2, 1, "Resource is not allowed in role trust policies"},
      {st(R"("NotResource":["*"])"), "TL048", 2, 1, "NotResource is not allowed"},
  });
}

TEST_CASE("policy::build_model Condition (docs/semantics.md#condition-block)") {
  check_rows({
      {st(R"("Condition":"x")"), "TL049", 2, 13, "Condition must be an object of operators, found a string"},
      {st(R"("Condition":{"oidc.vercel.com/acme:sub":"owner:acme"})"), "TL049", 2, 14,
       "Condition is missing the operator level: \"oidc.vercel.com/acme:sub\" is not an operator"},
      {st(R"("Condition":{"StringEquals":"x"})"), "TL049", 2, 29, "operator StringEquals must map condition keys to values"},
      {st(R"("Condition":{"stringEquals":{"k":"v"}})"), "TL050", 2, 14,
       "stringEquals: IAM operator names are case-sensitive; did you mean StringEquals?"},
      {st(R"("Condition":{"StringEqual":{"k":"v"}})"), "TL050", 2, 14,
       "unknown condition operator \"StringEqual\"; did you mean StringEquals?"},
      {st(R"("Condition":{"ForAllValue:StringLike":{"k":"v"}})"), "TL050", 2, 14, "did you mean ForAllValues:StringLike?"},
      {st(R"("Condition":{"Frobnicate":{"k":"v"}})"), "TL050", 2, 14, "unknown condition operator \"Frobnicate\""},
      {st(R"("Condition":{"NullIfExists":{"k":"true"}})"), "TL051", 2, 14, "Null cannot take IfExists"},
      {st(R"("Condition":{"ForAllValues:NullIfExists":{"k":"true"}})"), "TL051", 2, 14, "Null cannot take IfExists"},
      {st(R"("Condition":{"StringEquals":{"k":{"a":1}}})"), "TL052", 2, 34, "found an object"},
      {st(R"("Condition":{"StringEquals":{"k":null}})"), "TL052", 2, 34, "found null"},
      {st(R"("Condition":{"StringEquals":{"k":["a",["b"]]}})"), "TL052", 2, 39, "found an array inside the array"},
      {st(R"("Condition":{"StringEquals":{"k":["a",null]}})"), "TL052", 2, 39, "found null"},
      {st(R"("Condition":{"StringEquals":{"aud":"a","AUD":"b"}})"), "TL053", 2, 40,
       "keys \"aud\" and \"AUD\" differ only in case within StringEquals"},
      {st(R"("Condition":{})"), "TL054", 2, 13, "empty Condition object", Severity::note},
      {st(R"("Condition":{"StringEquals":{}})"), "TL054", 2, 29, "empty StringEquals block", Severity::note},
      {st(R"("Condition":{"StringEquals":{"k":[]}})"), "TL055", 2, 34, "empty value array of \"k\"", Severity::warning},
  });
}

TEST_CASE("policy::build_model reader diagnostics come through: duplicate keys (docs/semantics.md#document)") {
  check_rows({
      {st(R"("Effect":"Deny")"), "TL006", 3, 1, "duplicate key \"Effect\" (first at line 2, column 1)"},
  });
}

TEST_CASE("policy::build_model characters IAM does not accept, raw, escaped and in keys (docs/semantics.md#document)") {
  check_rows({
      {st(R"("Sid":"a’b")"), "TL059", 2, 9, "character U+2019 is not allowed in an IAM policy document"},
      {st(R"("Sid":"a\u2019b")"), "TL059", 2, 9, "character U+2019"},
      {st(R"("Sid":"a\ud83d\ude00")"), "TL059", 2, 9, "character U+1F600"},
      {st(R"("Sid":"a\u0001")"), "TL059", 2, 9, "character U+0001"},
      {st(R"("Sid":"a\fb")"), "TL059", 2, 9, "character U+000C"},
      {st(R"("Condition":{"StringEquals":{"k€":"v"}})"), "TL059", 2, 32, "character U+20AC"},
  });
}

TEST_CASE("policy::build_model operator IfExists is accepted everywhere but on Null (docs/semantics.md#condition-block)") {
  auto ok = load_policy_text(st(R"("Condition":{"ForAnyValue:StringLikeIfExists":{"k":"v"},"Null":{"k":"false"}})"), "t.json");
  CHECK(ok.ok());
}

TEST_CASE("policy::build_model NullIfExists is TL051 but stays in the model as Null with IfExists (docs/semantics.md#condition-block, docs/semantics.md#absent-keys)") {
  // TL051 leaves the meaning intact (can/who/lint answer despite it), so the condition must not
  // vanish: it is evaluated as IfExists reads every operator (docs/differential.md).
  auto r = load_policy_text(st(R"("Condition":{"ForAnyValue:NullIfExists":{"k":"false"},"StringEquals":{"a":"b"}})"), "t.json");
  REQUIRE(r.has_value());
  CHECK(find(r.diagnostics(), "TL051") != nullptr);
  const auto& conditions = r.value().statements[0].conditions;
  REQUIRE(conditions.size() == 2);
  CHECK(conditions[0].op_text == "ForAnyValue:NullIfExists");
  CHECK(conditions[0].op.kind == MatchKind::null_check);
  CHECK(conditions[0].op.if_exists);
  CHECK(conditions[0].op.qualifier == Qualifier::for_any_value);
  CHECK(conditions[1].op.kind == MatchKind::string_equals);
}

TEST_CASE("policy::build_model limits: statements and values") {
  LoadOptions options;
  SUBCASE("max_statements (TL056)") {
    options.limits.max_statements = 2;
    const std::string json = R"({"Version":"2012-10-17","Statement":[)" + kStatement + "," + kStatement + "," + kStatement + "]}";
    auto r = load_policy_text(json, "t.json", options);
    REQUIRE(r.has_value());
    CHECK(r.value().statements.size() == 2);
    const Diagnostic* d = find(r.diagnostics(), "TL056");
    REQUIRE(d != nullptr);
    CHECK(d->span.col == 38 + 2 * (kStatement.size() + 1));
    CHECK(d->message == "more than 2 statements; the rest are not read");
  }
  SUBCASE("max_values (TL057)") {
    options.limits.max_values = 2;
    auto r = load_policy_text(st(R"("Condition":{"StringEquals":{"k":["a","b","c"]}})"), "t.json", options);
    REQUIRE(r.has_value());
    REQUIRE(r.value().statements[0].conditions.size() == 1);
    CHECK(r.value().statements[0].conditions[0].values.size() == 2);
    const Diagnostic* d = find(r.diagnostics(), "TL057");
    REQUIRE(d != nullptr);
    CHECK(d->span.line == 2);
    CHECK(d->span.col == 43);
  }
}

TEST_CASE("policy::build_model keeps going up to max_errors, then counts") {
  std::string json = R"({"Version":"2012-10-17","Statement":[)";
  for (int i = 0; i < 30; ++i) json += std::string(i ? "," : "") + R"({"Effect":"allow",)" + kP + "," + kA + "}";
  json += "]}";
  LoadOptions options;
  options.quota.characters = 100000;  // the size check is not under test here
  auto r = load_policy_text(json, "t.json", options);
  REQUIRE(r.has_value());
  CHECK(r.value().statements.size() == 30);
  CHECK(count_errors(r.diagnostics()) == 10);
  const Diagnostic& last = r.diagnostics().back();
  CHECK(last.code == "TL069");
  CHECK(last.message == "20 more errors not shown (the limit is 10)");
  SUBCASE("errors of the reader and of the model share the limit") {
    std::string both = R"({"Version":"2012-10-17","Version":"2012-10-17","Version":"2012-10-17","Statement":[)";
    for (int i = 0; i < 12; ++i) both += std::string(i ? "," : "") + R"({"Effect":"allow",)" + kP + "," + kA + "}";
    both += "]}";
    auto b = load_policy_text(both, "t.json", options);
    CHECK(count_errors(b.diagnostics()) == 10);
    CHECK(b.diagnostics()[0].code == "TL006");
    CHECK(b.diagnostics().back().message == "4 more errors not shown (the limit is 10)");
  }
}

TEST_SUITE_END();
