// Terraform JSON configuration syntax (*.tf.json, engine/iac/tf_json.cpp): blocks in their JSON
// shapes, strings read as HCL templates with every location mapped through the JSON escapes back
// to the .tf.json file, and the hostile-input table's rows for it (located errors, never a crash).
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "iac/tf_json.h"
#include "trustlint/sources.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint;
using namespace trustlint::internal;

namespace {

Result<HclBody> parse(const std::string& text) {
  TfJsonStrings strings;
  return read_tf_json(SourceFile("main.tf.json", text), Limits{}, false, strings);
}

std::string first_code(const Result<HclBody>& r) { return r.diagnostics().empty() ? "" : r.diagnostics()[0].code; }

// A role whose policy is a JSON string literal (the heredoc of HCL) with escaped quotes.
const char* kLiteralRole = R"({"resource": {"aws_iam_role": {"r": {"assume_role_policy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {\"StringLike\": {\"oidc.vercel.com/acme:sub\": \"owner:acme:project:${var.p}:*\"}}}]}"}}},
 "variable": {"p": {"default": "web"}}}
)";

}  // namespace

TEST_CASE("iac::tf.json blocks: labels as keys, arrays of bodies, comments") {
  Result<HclBody> r = parse(R"({"//": "generated", "resource": {"aws_iam_role": {"a": {"name": "x"}, "b": [{"name": "y"}]}},
    "data": {"aws_iam_policy_document": {"d": {"statement": [{"effect": "Allow"}, {"effect": "Deny"}]}}},
    "locals": [{"team": "acme"}, {"statement": "not a block here"}], "variable": {"v": {"default": {"k": [1, true, null]}}}})");
  REQUIRE(r.has_value());
  const HclBody& b = r.value();
  CHECK(b.attributes.empty());  // "//" is a comment
  REQUIRE(b.blocks.size() == 6);
  CHECK(b.blocks[0].type == "resource");
  CHECK(b.blocks[0].labels == std::vector<std::string>{"aws_iam_role", "a"});
  CHECK(b.blocks[1].labels == std::vector<std::string>{"aws_iam_role", "b"});
  CHECK(b.blocks[2].body.blocks.size() == 2);  // two statement blocks
  CHECK(b.blocks[2].body.blocks[1].type == "statement");
  CHECK(b.blocks[4].body.attribute("statement") != nullptr);  // a local named statement stays an attribute
  CHECK(b.blocks[5].body.attribute("default")->expr->kind == HclExprKind::object);
}

TEST_CASE("iac::tf.json arrays at label levels are read as HCL reads them (objects merged, [] = no block)") {
  Result<HclBody> r = parse(R"({"resource": [{"aws_iam_role": {"a": {"name": "x"}}}, {"aws_iam_role": [{"b": {"name": "y"}}]}]})");
  REQUIRE(r.has_value());
  REQUIRE(r.value().blocks.size() == 2);
  CHECK(r.value().blocks[0].labels == std::vector<std::string>{"aws_iam_role", "a"});
  CHECK(r.value().blocks[1].labels == std::vector<std::string>{"aws_iam_role", "b"});
  Result<HclBody> empty = parse(R"({"resource": []})");
  REQUIRE(empty.has_value());
  CHECK(empty.value().blocks.empty());
  CHECK(empty.diagnostics().empty());
}

TEST_CASE("iac::tf.json strings are templates located through the JSON escapes") {
  const std::string text = R"({"a": "\"q\" ${var.x} \u0041"})";
  Result<HclBody> r = parse(text);
  REQUIRE(r.has_value());
  const HclExpr& e = *r.value().attribute("a")->expr;
  REQUIRE(e.parts.size() == 3);
  CHECK(e.parts[0].literal.text == "\"q\" ");
  CHECK(e.parts[0].literal.origin_of(1) == text.find("q"));  // the q after the escaped quote
  REQUIRE(e.parts[1].expr);
  CHECK(text.substr(e.parts[1].expr->begin, e.parts[1].expr->end - e.parts[1].expr->begin) == "var.x");
  CHECK(e.parts[2].literal.text == " A");
  CHECK(e.parts[2].literal.origin_of(1) == text.find("\\u0041"));
}

TEST_CASE("iac::tf.json role: the policy in a JSON string literal is located inside it, variables resolved") {
  Result<std::vector<PolicySource>> found = find_trust_policies_text(kLiteralRole, "main.tf.json");
  REQUIRE(found.has_value());
  REQUIRE(found.value().size() == 1);
  const PolicySource& s = found.value()[0];
  CHECK(s.resource == "aws_iam_role.r");
  CHECK(s.form == "terraform");
  REQUIRE(s.policy.has_value());
  const ConditionValue& v = s.policy.value().statements.at(0).conditions.at(0).values.at(0);
  CHECK(v.text == "owner:acme:project:web:*");
  CHECK(v.span.line == 1);
  CHECK(std::string(kLiteralRole).substr(v.span.offset, 8) == "\\\"owner:");
  REQUIRE(s.assumptions.size() == 1);
  CHECK(s.assumptions[0].find("var.p = \"web\"") != std::string::npos);
}

TEST_CASE("iac::tf.json: an unknown value's placeholder is named as HCL writes it, without JSON escapes") {
  const std::string text = R"({"resource": {"aws_iam_role": {"r": {"assume_role_policy": "${lookup(var.m, \"k\")}"}}}})";
  Result<std::vector<PolicySource>> found = find_trust_policies_text(text, "main.tf.json");
  REQUIRE(found.has_value());
  bool named = false;
  // As `lookup(var.m, "k")` in a .tf file names it; the JSON text would add a dash per backslash.
  for (const std::string& a : found.value().at(0).assumptions) named = named || a.find("\"UNRESOLVED-lookup-var.m---k--\"") != std::string::npos;
  CHECK(named);
}

TEST_CASE("iac::tf.json hostile inputs: located errors") {
  struct Row {
    const char* name;
    std::string text;
    const char* code;  // "" = parses
  };
  std::string deep = "{\"locals\": {\"a\": ";
  for (int i = 0; i < 100000; ++i) deep += "[";
  std::string deep_template = "{\"locals\": {\"a\": \"${";
  for (int i = 0; i < 1000; ++i) deep_template += "[";
  deep_template += "\"}}";
  const std::string big = "{\"locals\": {\"a\": \"" + std::string(10u * 1024u * 1024u, 'y') + "${b}\"}}";
  const Row rows[] = {
      {"deep JSON nesting", deep, "TL007"},
      {"deep nesting inside a template", deep_template, "TL007"},
      {"invalid UTF-8", "{\"locals\": {\"a\": \"\xC3\x28\"}}", "TL003"},
      {"unterminated interpolation", R"({"locals": {"a": "\"x\" ${b"}})", "TL078"},
      {"a resource that is a string", R"({"resource": "aws_iam_role"})", "TL066"},
      {"a block body that is a number", R"({"resource": {"aws_iam_role": {"r": 1}}})", "TL066"},
      {"a file that is an array", "[]", "TL066"},
      // HCL's JSON decoder (hashicorp/hcl json/structure.go, collectDeepAttrs) takes an object or
      // an array of objects at every label level: an empty array is zero blocks, as Terraform
      // reads it; anything else in that place is an error.
      {"a resource that is null", R"({"resource": null})", "TL066"},
      {"a resource array holding a number", R"({"resource": [1]})", "TL066"},
      {"a resource array holding an array", R"({"resource": [[]]})", "TL066"},
      {"a resource label array holding a string", R"({"resource": {"aws_iam_role": ["r"]}})", "TL066"},
      {"an empty resource array (zero blocks)", R"({"resource": []})", ""},
      {"an empty label array (zero blocks)", R"({"resource": {"aws_iam_role": []}})", ""},
      {"duplicate key", R"({"locals": {"a": "1", "a": "2"}})", "TL006"},
      {"10 MB template with interpolation", big, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto start = std::chrono::steady_clock::now();
    Result<HclBody> r = parse(row.text);
    CHECK(first_code(r) == row.code);
    CHECK(r.has_value() == std::string(row.code).empty());
    for (const Diagnostic& d : r.diagnostics()) {
      CHECK(d.span.known());
      CHECK(d.span.file == "main.tf.json");
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
  // The unterminated interpolation is located in the file, past the escaped quotes.
  Result<HclBody> r = parse(R"({"locals": {"a": "\"x\" ${b"}})");
  REQUIRE(!r.diagnostics().empty());
  CHECK(r.diagnostics()[0].span.offset >= std::string(R"({"locals": {"a": "\"x\" )").size());
}

TEST_SUITE_END();
