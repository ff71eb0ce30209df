// read_json: trees and spans of valid JSON, located TL004 for every kind of malformed input,
// duplicate keys, and the limits (depth, nodes, string length) on hostile inputs.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "source/diagnostic_sink.h"
#include "source/json_scan.h"
#include "source/read_tree.h"

TEST_SUITE_BEGIN("source");

using namespace trustlint::internal;
using trustlint::Limits;

namespace {

// Compact test-only dump: {key=value,...}, [a,b], "string", numbers and literals as written.
std::string dump(const Node& n) {
  switch (n.kind) {
    case NodeKind::null: return "null";
    case NodeKind::boolean:
    case NodeKind::number: return n.text;
    case NodeKind::string: return quote(n.text, 1000);
    case NodeKind::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? "," : "") + dump(n.items[i]);
      return out + "]";
    }
    case NodeKind::object: {
      std::string out = "{";
      for (std::size_t i = 0; i < n.members.size(); ++i) {
        out += (i ? "," : "") + n.members[i].key + "=" + dump(n.members[i].value);
      }
      return out + "}";
    }
  }
  return "?";
}

trustlint::Result<Node> parse(const std::string& text, const Limits& limits = {}) {
  return read_json(SourceFile("t.json", text), limits);
}

const char* kPolicy = R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "VercelProduction",
      "Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "oidc.vercel.com/acme:aud": "https://vercel.com/acme",
          "oidc.vercel.com/acme:sub": ["owner:acme:project:web:environment:production", "x\u00e9\ud83d\ude00"]
        },
        "NumericLessThan": {"aws:EpochTime": 1.5e10},
        "Bool": {"aws:SecureTransport": true},
        "Null": {"x": null}
      }
    }
  ]
}
)";

}  // namespace

TEST_CASE("source::read_json trees") {
  struct Case {
    const char* json;
    const char* dump;
  };
  const Case cases[] = {
      {"{}", "{}"},
      {"[]", "[]"},
      {" \t\r\n{ } ", "{}"},
      {R"({"a":1,"b":[true,false,null],"c":"x"})", R"({a=1,b=[true,false,null],c="x"})"},
      {"[0,-0,1.50,1e10,-2.5E-3,2e+2]", "[0,-0,1.50,1e10,-2.5E-3,2e+2]"},
      {"[123456789012345678901234567890, -0.000000000000000000000000000001e-400]",
       "[123456789012345678901234567890,-0.000000000000000000000000000001e-400]"},
      {R"(["\"\\\/\b\f\n\r\t"])", R"(["\"\\/\u0008\u000C\n\r\t"])"},
      {R"(["\u00e9\u20AC","\ud83d\ude00"])", R"(["é€","😀"])"},
      {R"(["\u0000"])", R"(["\u0000"])"},
      {R"("just a string")", R"("just a string")"},
      {R"({"a":{"b":{"c":[[],{}]}}})", R"({a={b={c=[[],{}]}}})"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    auto r = parse(c.json);
    REQUIRE(r.ok());
    CHECK(dump(r.value()) == c.dump);
  }
}

TEST_CASE("source::read_json spans of values and keys") {
  auto r = parse("{\n  \"Effect\": \"Allow\",\n  \"A\": [1, \"x\"]\n}");
  REQUIRE(r.ok());
  const Node& root = r.value();
  CHECK(root.span.line == 1);
  CHECK(root.span.col == 1);
  CHECK(root.span.end_line == 4);
  CHECK(root.span.end_col == 2);
  const Member& effect = root.members[0];
  CHECK(effect.key_span.line == 2);
  CHECK(effect.key_span.col == 3);
  CHECK(effect.key_span.end_col == 11);  // just past the closing quote
  CHECK(effect.value.span.col == 13);
  CHECK(effect.value.span.end_col == 20);
  const Node& array = root.members[1].value;
  CHECK(array.span.line == 3);
  CHECK(array.span.col == 8);
  CHECK(array.items[1].span.col == 12);
  CHECK(array.items[1].span.offset == 34);
}

TEST_CASE("source::read_json columns with CRLF line endings and multi-byte text") {
  auto r = parse("{\r\n  \"é€\": [\"😀\", 2]\r\n}\r\n");
  REQUIRE(r.ok());
  const Member& m = r.value().members[0];
  CHECK(m.key_span.line == 2);
  CHECK(m.key_span.col == 3);
  CHECK(m.value.items[1].span.line == 2);
  CHECK(m.value.items[1].span.col == 15);
  auto bad = parse("{\r\n  \"a\": x\r\n}");
  REQUIRE(bad.diagnostics().size() == 1);
  CHECK(bad.diagnostics()[0].span.line == 2);
  CHECK(bad.diagnostics()[0].span.col == 8);
}

TEST_CASE("source::read_json malformed input is a located TL004") {
  struct Case {
    std::string json;
    std::uint32_t line, col;
    const char* message;
  };
  const Case cases[] = {
      {"", 1, 1, "empty input"},
      {"  \n ", 2, 2, "empty input"},
      {R"({"a":1,})", 1, 7, "trailing comma before '}'"},
      {"[1,]", 1, 3, "trailing comma before ']'"},
      {R"({"a" 1})", 1, 6, "expected ':'"},
      {R"({"a":1 "b":2})", 1, 8, "missing ','"},
      {"{a:1}", 1, 2, "double quotes"},
      {"{'a':1}", 1, 2, "double quotes"},
      {R"({"a":'x'})", 1, 6, "double quotes"},
      {R"({"a":Allow})", 1, 6, "strings must be in double quotes"},
      {R"({"a":True})", 1, 6, "lower case"},
      {R"({"a":01})", 1, 6, "leading zeros"},
      {R"({"a":-x})", 1, 7, "expected a digit after '-'"},
      {R"({"a":1.})", 1, 8, "expected a digit after '.'"},
      {R"({"a":1e+})", 1, 9, "expected a digit after the exponent"},
      {R"({"a":.5})", 1, 6, "expected a value"},
      {R"({"a":"x\qy"})", 1, 8, "invalid escape '\\q'"},
      {R"({"a":"\u12G4"})", 1, 7, "four hex digits"},
      {R"({"a":"ok\ud83d"})", 1, 9, "lone high surrogate"},
      {R"({"a":"\ude00"})", 1, 7, "lone low surrogate"},
      {R"({"a":"\ud83d\u0041"})", 1, 7, "lone high surrogate"},
      {"{\"a\":\"x\ny\"}", 1, 8, "line break inside a string"},
      {"{\"a\":\"x\ty\"}", 1, 8, "control character U+0009"},
      {std::string("{\"a\":\"x\0y\"}", 11), 1, 8, "NUL byte inside a string"},
      {std::string("{\0}", 3), 1, 2, "NUL byte"},
      {R"({"a":1}x)", 1, 8, "after the end of the JSON value"},
      {R"({"a":1}})", 1, 8, "after the end of the JSON value"},
      {"// comment\n{}", 1, 1, "comments are not allowed"},
      {R"({"a":[1,2})", 1, 10, "expected ',' or ']'"},
      {R"({"a":})", 1, 6, "expected a value"},
      {"\xC2\xA0{}", 1, 1, "U+00A0"},
      {"{\n  \"a\": 1,\n  \"b\": [1 2]\n}", 3, 11, "expected ',' or ']'"},
      // Truncated input: located at the end, saying what was expected.
      {R"({"a":1)", 1, 7, "unexpected end of input, expected ',' or '}'"},
      {"{", 1, 2, "unexpected end of input, expected a string key or '}'"},
      {R"({"a":1,)", 1, 8, "unexpected end of input, expected a string key"},
      {R"({"a")", 1, 5, "unexpected end of input, expected ':'"},
      {R"({"a":)", 1, 6, "unexpected end of input, expected a value for \"a\""},
      {"[", 1, 2, "unexpected end of input, expected a value or ']'"},
      {R"({"a":"abc)", 1, 10, "unexpected end of input inside a string"},
      {R"({"a":tr)", 1, 8, "unexpected end of input, expected 'true'"},
      {R"({"a":-)", 1, 7, "unexpected end of input, expected a digit after '-'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.json);
    auto r = parse(c.json);
    CHECK_FALSE(r.has_value());
    REQUIRE(r.diagnostics().size() == 1);
    const auto& d = r.diagnostics()[0];
    CHECK(d.code == "TL004");
    CHECK(d.span.line == c.line);
    CHECK(d.span.col == c.col);
    CHECK_MESSAGE(d.message.find(c.message) != std::string::npos, d.message);
  }
}

TEST_CASE("source::read_json says where the unclosed container or string opened") {
  auto r = parse("{\n  \"a\": [1,\n");
  REQUIRE(r.diagnostics().size() == 1);
  REQUIRE(r.diagnostics()[0].notes.size() == 1);
  CHECK(r.diagnostics()[0].notes[0] == "the array opened at line 2, column 8 is not closed");
  auto s = parse("{\"a\": \"xyz");
  REQUIRE(s.diagnostics()[0].notes.size() == 1);
  CHECK(s.diagnostics()[0].notes[0] == "the string starts at line 1, column 7");
}

TEST_CASE("source::read_json truncated at every byte of a real policy") {
  for (const std::string& policy : {std::string(kPolicy), [] {
         std::string crlf;
         for (char c : std::string(kPolicy)) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
         return crlf;
       }()}) {
    REQUIRE(parse(policy).ok());
    const std::size_t end = policy.rfind('}') + 1;
    for (std::size_t n = 0; n < end; ++n) {
      const std::string prefix = policy.substr(0, n);
      SourceFile file("t.json", prefix);
      auto r = read_json(file, {});
      CAPTURE(n);
      REQUIRE_FALSE(r.has_value());
      REQUIRE(r.diagnostics().size() == 1);
      const auto& d = r.diagnostics()[0];
      CHECK(d.code == "TL004");
      // Everything before the cut is valid, so the error is at the end of the input.
      const auto at_end = file.point(n);
      CHECK(d.span.line == at_end.line);
      CHECK(d.span.col == at_end.col);
    }
  }
}

TEST_CASE("source::read_json duplicate keys are TL006 at the second key, both kept") {
  auto r = parse("{\n  \"Effect\": \"Allow\",\n  \"Effect\": \"Deny\"\n}");
  REQUIRE(r.has_value());
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics().size() == 1);
  const auto& d = r.diagnostics()[0];
  CHECK(d.code == "TL006");
  CHECK(d.span.line == 3);
  CHECK(d.span.col == 3);
  CHECK(d.message == "duplicate key \"Effect\" (first at line 2, column 3)");
  REQUIRE(r.value().members.size() == 2);
  CHECK(r.value().get("Effect")->text == "Allow");
  CHECK(r.value().members[1].value.text == "Deny");
  // The same key in different objects is not a duplicate.
  CHECK(parse(R"([{"a":1},{"a":2}])").ok());
}

TEST_CASE("source::read_json keeps at most max_errors errors and counts the rest") {
  std::string json = "{";
  for (int i = 0; i < 25; ++i) json += std::string(i ? "," : "") + "\"k\":" + std::to_string(i);
  json += "}";
  auto r = parse(json);
  REQUIRE(r.has_value());
  REQUIRE(r.diagnostics().size() == 11);
  CHECK(r.diagnostics()[9].code == "TL006");
  CHECK(r.diagnostics()[10].code == "TL069");
  CHECK(r.diagnostics()[10].severity == trustlint::Severity::note);
  CHECK(r.diagnostics()[10].message == "14 more errors not shown (the limit is 10)");
}

TEST_CASE("source::read_json depth limit (TL007) without recursion") {
  Limits limits;
  SUBCASE("exactly max_depth levels parse") {
    std::string ok = std::string(limits.max_depth, '[') + std::string(limits.max_depth, ']');
    CHECK(parse(ok, limits).ok());
    auto r = parse("[" + ok + "]", limits);
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "TL007");
    CHECK(r.diagnostics()[0].span.col == limits.max_depth + 1);
  }
  SUBCASE("100,000 levels fail at once") {
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& open : {std::string("["), std::string("{\"a\":")}) {
      std::string deep;
      for (int i = 0; i < 100000; ++i) deep += open;
      auto r = parse(deep, limits);
      REQUIRE_FALSE(r.has_value());
      REQUIRE(r.diagnostics().size() == 1);
      CHECK(r.diagnostics()[0].code == "TL007");
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  }
}

TEST_CASE("source::read_json node limit (TL008)") {
  Limits limits;
  limits.max_nodes = 5;
  CHECK(parse("[1,2,3,4]", limits).ok());
  auto r = parse("[1,2,3,4,5]", limits);
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].code == "TL008");
  CHECK(r.diagnostics()[0].span.col == 10);
}

TEST_CASE("source::read_json string length limit (TL009)") {
  Limits limits;
  limits.max_string_length = 3;
  CHECK(parse(R"(["abc","é€😀"])", limits).ok());  // code points, not bytes
  auto r = parse(R"({"k": "abcd"})", limits);
  REQUIRE(r.has_value());
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].code == "TL009");
  CHECK(r.diagnostics()[0].span.col == 7);
  auto key = parse(R"({"long key": 1})", limits);
  REQUIRE(key.diagnostics().size() == 1);
  CHECK(key.diagnostics()[0].code == "TL009");
  CHECK(key.diagnostics()[0].span.col == 2);
}

TEST_CASE("source::read_json a 10 MB string is TL009, quickly") {
  const auto start = std::chrono::steady_clock::now();
  std::string json = "{\"Sid\": \"" + std::string(10u << 20, 'a') + "\"}";
  auto r = parse(json);
  REQUIRE(r.diagnostics().size() == 1);
  CHECK(r.diagnostics()[0].code == "TL009");
  CHECK(r.diagnostics()[0].message == "string of 10,485,760 characters is longer than the limit of 4,096");
  CHECK(r.diagnostics()[0].span.col == 9);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
}

TEST_SUITE_END();

TEST_CASE("source::decode_unicode_escape, the one \\uXXXX decoder") {
  using Problem = UnicodeEscape::Problem;
  struct Case {
    std::string text;
    Problem problem;
    char32_t code_point;
    std::size_t length;
  };
  const Case cases[] = {
      {R"(\u0041)", Problem::kNone, U'A', 6},
      {R"(\u00e9x)", Problem::kNone, 0xE9, 6},
      {R"(\uD83D\uDE00)", Problem::kNone, 0x1F600, 12},  // a surrogate pair is one code point
      {R"(\ud83d\ude00")", Problem::kNone, 0x1F600, 12},
      {R"(\uDE00)", Problem::kLoneLow, 0xDE00, 6},
      {R"(\uD83Dx")", Problem::kLoneHigh, 0xD83D, 6},
      {R"(\uD83D\n")", Problem::kLoneHigh, 0xD83D, 6},
      {R"(\uD83D\u0041")", Problem::kLoneHigh, 0xD83D, 6},  // the escape after it is no low surrogate
      {R"(\uD83D)", Problem::kTruncated, 0, 0},              // the text ends where the low half belongs
      {R"(\uD83D\uDE)", Problem::kTruncated, 0, 0},
      {R"(\u00)", Problem::kTruncated, 0, 0},
      {R"(\u00G1)", Problem::kBadHex, 0, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const UnicodeEscape u = decode_unicode_escape(c.text, 0);
    CHECK(u.problem == c.problem);
    CHECK(u.length == c.length);
    if (c.length != 0) CHECK(u.code_point == c.code_point);
  }
}
