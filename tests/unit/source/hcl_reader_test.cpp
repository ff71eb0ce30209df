// The HCL native-syntax reader (engine/source/hcl) and Terraform source roles: spans, templates,
// heredocs, directives, the hostile-input table extended to HCL, and what .tf evaluation resolves.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "source/hcl/hcl_syntax.h"
#include "trustlint/sources.h"

TEST_SUITE_BEGIN("source");

using namespace trustlint;
using namespace trustlint::internal;

namespace {

Result<HclBody> parse(const std::string& text, Limits limits = {}) { return read_hcl(SourceFile("t.tf", text), limits); }

std::string first_code(const Result<HclBody>& r) { return r.diagnostics().empty() ? "" : r.diagnostics()[0].code; }

// The decoded text of a template attribute made only of literal parts.
std::string literal_of(const HclBody& body, const std::string& name) {
  std::string out;
  for (const HclTemplatePart& p : body.attribute(name)->expr->parts) out += p.literal.text;
  return out;
}

const char* kRole = R"(resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = { StringLike = { "oidc.vercel.com/acme:sub" = "owner:acme:project:${var.p}:*" } }
    }]
  })
}
variable "p" { default = "web" }
)";

}  // namespace

TEST_CASE("source::hcl blocks, attributes and byte-exact spans") {
  const std::string text = "a = 1\nblock \"x\" y {\n  b = [1, 2,]\n  inner { c = \"v\" }\n}\n";
  Result<HclBody> r = parse(text);
  REQUIRE(r.has_value());
  const HclBody& body = r.value();
  REQUIRE(body.attributes.size() == 1);
  CHECK(body.attributes[0].expr->value.text == "1");
  REQUIRE(body.blocks.size() == 1);
  const HclBlock& b = body.blocks[0];
  CHECK(b.type == "block");
  CHECK(b.labels == std::vector<std::string>{"x", "y"});
  CHECK(text.substr(b.begin, b.end - b.begin).back() == '}');
  const HclAttribute* list = b.body.attribute("b");
  REQUIRE(list != nullptr);
  CHECK(list->expr->items.size() == 2);
  CHECK(text.substr(list->expr->begin, list->expr->end - list->expr->begin) == "[1, 2,]");
  CHECK(b.body.blocks[0].body.attribute("c") != nullptr);
}

TEST_CASE("source::hcl templates: escapes, $${, heredocs and <<- indentation") {
  Result<HclBody> r = parse("q = \"a\\n\\\"\\u00e9$${x}%%{y}\"\nh = <<EOF\n  one\n two\nEOF\nf = <<-EOT\n    one\n      two\n    EOT\n");
  REQUIRE(r.has_value());
  CHECK(literal_of(r.value(), "q") == "a\n\"\xC3\xA9${x}%{y}");
  CHECK(literal_of(r.value(), "h") == "  one\n two\n");
  CHECK(literal_of(r.value(), "f") == "one\n  two\n");
}

TEST_CASE("source::hcl expressions: operators, conditionals, for, calls, splats, comments") {
  Result<HclBody> r = parse(
      "# c1\n// c2\n/* c3\n */ a = !x || y && 1 + 2 * 3 >= 4 ? f(1, [for k, v in m : v if k != \"z\"]...) : {for s in l : s => s...}\n"
      "b = a.b[0].c[*].d\nc = provider::aws::arn_parse(\"x\")\n");
  REQUIRE(r.has_value());
  const HclExpr& a = *r.value().attribute("a")->expr;
  CHECK(a.kind == HclExprKind::conditional);
  CHECK(a.items[0]->kind == HclExprKind::binary);
  CHECK(a.items[0]->name == "||");
  CHECK(a.items[1]->kind == HclExprKind::call);
  CHECK(a.items[1]->expand);
  CHECK(a.items[1]->items[1]->kind == HclExprKind::for_tuple);
  CHECK(a.items[2]->kind == HclExprKind::for_object);
  CHECK(r.value().attribute("b")->expr->kind == HclExprKind::get_attr);
  CHECK(r.value().attribute("c")->expr->name == "provider::aws::arn_parse");
}

TEST_CASE("source::hcl template directives parse with strip markers") {
  Result<HclBody> r = parse("t = \"%{ for x in l ~} ${x} %{~ endfor }%{if a}y%{else}n%{endif}\"\n");
  REQUIRE(r.has_value());
  const auto& parts = r.value().attribute("t")->expr->parts;
  REQUIRE(parts.size() == 2);
  CHECK(parts[0].kind == HclTemplatePart::Kind::for_directive);
  CHECK(parts[1].kind == HclTemplatePart::Kind::if_directive);
  CHECK(parts[1].else_body.size() == 1);
}

// The hostile-input table, HCL rows: each is a located error (or a fast success), never a crash.
TEST_CASE("source::hcl hostile inputs") {
  struct Row {
    const char* name;
    std::string text;
    const char* code;  // "" = parses
  };
  std::string deep = "a = ";
  for (int i = 0; i < 100000; ++i) deep += "[";
  std::string deep_blocks;
  for (int i = 0; i < 100000; ++i) deep_blocks += "b {\n";
  std::string big = "a = <<EOF\n" + std::string(10u * 1024u * 1024u, 'x') + "\nEOF\n";
  std::string big_quoted = "a = \"" + std::string(10u * 1024u * 1024u, 'y') + "${b}\"\n";
  const Row rows[] = {
      {"unterminated heredoc", "a = <<EOF\nx\n", "TL078"},
      {"unterminated string", "a = \"abc\n", "TL078"},
      {"unterminated block comment", "/* x", "TL078"},
      {"unterminated interpolation", "a = \"${b\"\n", "TL078"},
      {"unclosed block", "b {\n a = 1\n", "TL078"},
      {"deep nesting of expressions", deep, "TL007"},
      {"deep nesting of blocks", deep_blocks, "TL007"},
      {"invalid UTF-8", "a = \"\xC3\x28\"\n", "TL003"},
      {"attribute defined twice", "a = 1\na = 2\n", "TL078"},
      {"if without endif", "a = \"%{if x}y\"\n", "TL078"},
      {"unknown escape", "a = \"\\q\"\n", "TL078"},
      {"10 MB heredoc", big, ""},
      {"10 MB template with interpolation", big_quoted, ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto start = std::chrono::steady_clock::now();
    Limits limits;
    Result<HclBody> r = parse(row.text, limits);
    CHECK(first_code(r) == row.code);
    CHECK(r.has_value() == (std::string(row.code).empty()));
    for (const Diagnostic& d : r.diagnostics()) CHECK(d.span.known());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
}

TEST_CASE("source::terraform source: jsonencode policy located at the .tf values, variables resolved") {
  Result<std::vector<PolicySource>> found = find_trust_policies_text(kRole, "main.tf");
  REQUIRE(found.has_value());
  REQUIRE(found.value().size() == 1);
  const PolicySource& s = found.value()[0];
  CHECK(s.resource == "aws_iam_role.r");
  CHECK(s.form == "terraform");
  REQUIRE(s.policy.has_value());
  const Statement& st = s.policy.value().statements.at(0);
  REQUIRE(st.conditions.size() == 1);
  CHECK(st.conditions[0].values.at(0).text == "owner:acme:project:web:*");
  CHECK(st.conditions[0].values.at(0).span.line == 8);
  REQUIRE(s.assumptions.size() == 1);
  CHECK(s.assumptions[0].find("var.p = \"web\"") != std::string::npos);
}

TEST_CASE("source::terraform source: --tf-var overrides a default; unknown values are TL080 placeholders") {
  LoadOptions options;
  options.tf_vars = {"p=docs"};
  Result<std::vector<PolicySource>> found = find_trust_policies_text(kRole, "main.tf", options);
  REQUIRE(found.has_value());
  CHECK(found.value()[0].policy.value().statements.at(0).conditions[0].values.at(0).text == "owner:acme:project:docs:*");
  std::string unknown = kRole;
  unknown.replace(unknown.find("var.p"), 5, "aws_s3_bucket.b.id");
  Result<std::vector<PolicySource>> u = find_trust_policies_text(unknown, "main.tf");
  REQUIRE(u.has_value());
  const auto& d = u.value()[0].policy.diagnostics();
  REQUIRE(!d.empty());
  CHECK(d[0].code == "TL080");
  CHECK(u.value()[0].policy.value().statements.at(0).conditions[0].values.at(0).text ==
        "owner:acme:project:UNRESOLVED-aws_s3_bucket.b.id:*");
}

TEST_CASE("source::terraform source: count over a literal gives one role per index; heredoc spans inside the heredoc") {
  const std::string text = std::string("resource \"aws_iam_role\" \"r\" {\n  count = 2\n  assume_role_policy = <<-EOF\n") +
                           "    {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Federated\": "
                           "\"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme\"}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", "
                           "\"Condition\": {\"StringEquals\": {\"oidc.vercel.com/acme:sub\": \"owner:acme:project:p${count.index}:environment:production\"}}}]}\n"
                           "  EOF\n}\n";
  Result<std::vector<PolicySource>> found = find_trust_policies_text(text, "main.tf");
  REQUIRE(found.has_value());
  REQUIRE(found.value().size() == 2);
  CHECK(found.value()[1].resource == "aws_iam_role.r[1]");
  const ConditionValue& v = found.value()[1].policy.value().statements.at(0).conditions.at(0).values.at(0);
  CHECK(v.text == "owner:acme:project:p1:environment:production");
  CHECK(v.span.line == 4);
  CHECK(text.substr(v.span.offset, 7) == "\"owner:");
}

TEST_SUITE_END();
