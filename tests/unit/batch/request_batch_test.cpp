// The engine's `can --requests` batch (trustlint/batch.h): request lines read as `can` reads
// them, with located errors, and streams answered line by line through fixed buffers.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "trustlint/batch.h"
#include "trustlint/engine.h"

TEST_SUITE_BEGIN("batch");

using namespace trustlint;

namespace {

const char* kPolicy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
 "Action":"sts:AssumeRoleWithWebIdentity",
 "Condition":{"StringEquals":{"oidc.vercel.com/acme:aud":"https://vercel.com/acme"},
  "StringLike":{"oidc.vercel.com/acme:sub":["owner:acme:project:web:environment:*","owner:acme:project:a?i:environment:production"]}}}]})";

CompiledPolicy compiled_policy() {
  auto doc = load_policy_text(kPolicy, "policy.json");
  REQUIRE(doc.ok());
  auto compiled = compile(doc.value());
  REQUIRE(compiled.ok());
  return std::move(compiled).value();
}

}  // namespace

TEST_CASE("batch::parse_request_line") {
  SUBCASE("fields, claims as strings, integers, booleans and arrays (sorted by key)") {
    RequestLine r;
    REQUIRE_FALSE(parse_request_line(
        R"({"team":"acme","project":"web","environment":"preview","issuer":"global","aud":"x","claims":{"z":7,"b":true,"amr":["a",1,false]}})",
        r));
    CHECK(r.team_given);
    CHECK(r.facts.team == "acme");
    CHECK(r.facts.project == "web");
    CHECK(r.facts.environment == "preview");
    CHECK(r.issuer == std::optional<std::string>("global"));
    CHECK(r.facts.audience == std::optional<std::string>("x"));
    REQUIRE(r.facts.extra_context.size() == 2);
    CHECK(r.facts.extra_context[0] == std::pair<std::string, std::string>("b", "true"));
    CHECK(r.facts.extra_context[1] == std::pair<std::string, std::string>("z", "7"));
    REQUIRE(r.multi_claims.size() == 1);
    CHECK(r.multi_claims[0].first == "amr");
    CHECK(r.multi_claims[0].second == std::vector<std::string>{"a", "1", "false"});
  }
  SUBCASE("errors are located") {
    struct Bad {
      const char* line;
      std::size_t column;
      const char* starts;
    };
    const Bad bad[] = {
        {R"({"project":"web","project":"api"})", 18, "duplicate key \"project\""},
        {R"({"project":"web","colour":"red"})", 18, "unknown field \"colour\""},
        {R"({"project":7})", 2, "\"project\" must be a string"},
        {R"({"claims":{"AMR":"a","amr":"b"}})", 22, "claims \"AMR\" and \"amr\" are the same context key"},
        {R"({"claims":{"x":1.5}})", 12, "claim \"x\" is a fractional number"},
        {R"({"claims":{"x":null}})", 12, "claim \"x\" is null"},
        {R"({"claims":{"x":[[1]]}})", 12, "claim \"x\": an item of a multi-valued key"},
        {R"(["project"])", 1, "not a JSON object"},
        {R"({"project":no})", 13, "not valid JSON: syntax error"},
    };
    for (const auto& b : bad) {
      RequestLine r;
      const auto e = parse_request_line(b.line, r);
      REQUIRE_MESSAGE(e.has_value(), std::string(b.line));
      CHECK_MESSAGE(e->column == b.column, std::string(b.line));
      CHECK_MESSAGE(e->message.rfind(b.starts, 0) == 0, b.line << " → " << e->message);
    }
  }
}

TEST_CASE("batch::decide_line") {
  const CompiledPolicy policy = compiled_policy();
  BatchOptions options;
  options.source_name = "reqs.jsonl";
  options.assumptions = {"role R: the only one"};
  const RequestBatch batch(policy, options);
  std::string out;
  auto r = batch.decide_line(R"({"project":"web","environment":"preview"})", 1, out);
  CHECK(r.status == LineStatus::allowed);
  CHECK(out.rfind(R"({"schema":"trustlint/can/v1","allowed":true,"decision":"allow","deployment":{"team":"acme","project":"web","environment":"preview","issuer":"team"},"assumptions":["role R: the only one","team acme: the only team this policy names","issuer team: the mode of the policy's federated principal"],)", 0) == 0);
  CHECK(out.back() == '\n');
  out.clear();
  r = batch.decide_line(" \t\r", 2, out);
  CHECK(r.status == LineStatus::blank);
  CHECK(out.empty());
  r = batch.decide_line(R"({"project":"api","environment":"preview"})", 3, out);
  CHECK(r.status == LineStatus::denied);
  out.clear();
  r = batch.decide_line(R"({"project":"Web\n","environment":"preview"})", 4, out);
  REQUIRE(r.status == LineStatus::error);
  CHECK(r.error.find("\\n") != std::string::npos);  // control characters escaped
  CHECK(out.rfind(R"({"line":4,"error":"project \"Web\\n\" contains 'W')", 0) == 0);
  CHECK(batch.error_message(r, 4).rfind("reqs.jsonl:4:1: error: project \"Web\\n\"", 0) == 0);
}

TEST_CASE("batch::decide_stream") {
  const CompiledPolicy policy = compiled_policy();
  const RequestBatch batch(policy);
  // Many lines (several read chunks and flushes), CRLF endings, a blank line, a line longer than
  // a read chunk, and a last line without '\n'.
  std::string input;
  const std::string allowed = R"({"project":"web","environment":"production"})";
  for (int i = 0; i < 3000; ++i) input += allowed + (i % 2 ? "\r\n" : "\n");
  input += "\n";
  input += R"({"project":"web","environment":"preview","claims":{"aws:UserAgent":")" + std::string(100000, 'x') + "\"}}\n";
  input += R"({"project":"nope","environment":"production"})";
  std::istringstream in(input);
  std::ostringstream out, errors;
  const BatchSummary s = decide_stream(batch, in, out, errors);
  CHECK(s.lines == 3003);
  CHECK(s.allowed == 3001);
  CHECK(s.denied == 1);
  CHECK(s.errors == 0);
  CHECK_FALSE(s.read_failed);
  CHECK(errors.str().empty());
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 3002);
  // Each answer is the one decide_line gives alone.
  std::string one;
  batch.decide_line(allowed, 1, one);
  CHECK(text.substr(0, one.size()) == one);
  std::string last;
  batch.decide_line(R"({"project":"nope","environment":"production"})", 3003, last);
  CHECK(text.substr(text.size() - last.size()) == last);
}

TEST_CASE("batch::decide_stream gives the same answers when errors go to the answers' stream") {
  // The answers' writing thread stays off when an error message could reach the same stream: the
  // lines then come out interleaved in order, as written.
  const CompiledPolicy policy = compiled_policy();
  const RequestBatch batch(policy);
  std::string input;
  for (int i = 0; i < 1000; ++i) input += i == 500 ? "{\"project\":7}\n" : R"({"project":"web","environment":"production"})" "\n";
  std::istringstream in1(input), in2(input);
  std::ostringstream separate_out, separate_errors, both;
  const BatchSummary a = decide_stream(batch, in1, separate_out, separate_errors);
  const BatchSummary b = decide_stream(batch, in2, both, both);
  CHECK(a.errors == 1);
  CHECK(b.errors == 1);
  CHECK(both.str().size() == separate_out.str().size() + separate_errors.str().size());
  std::string merged = both.str();
  const std::size_t at = merged.find(separate_errors.str());
  REQUIRE(at != std::string::npos);
  merged.erase(at, separate_errors.str().size());
  CHECK(merged == separate_out.str());
}

TEST_CASE("batch::decide_stream says when the input cannot be read to its end") {
  // A stream whose reads fail (EIO, a directory): istream turns the throw into badbit.
  struct FailingBuffer : std::streambuf {
    int underflow() override { throw std::runtime_error("read error"); }
  };
  const CompiledPolicy policy = compiled_policy();
  const RequestBatch batch(policy);
  FailingBuffer failing;
  std::istream in(&failing);
  std::ostringstream out, errors;
  const BatchSummary s = decide_stream(batch, in, out, errors);
  CHECK(s.read_failed);
  CHECK(s.lines == 0);
  CHECK(out.str().empty());
}

TEST_SUITE_END();
