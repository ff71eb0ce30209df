// Hostile inputs through load_policy_text, one row per line of the README's "Hostile inputs"
// table: what each input gets (the first error's code and location, or a clean load), and for every row that
// nothing crashes, every diagnostic is located and no message carries more than a few hundred
// bytes of the input. Reader-level tests of the same inputs live in tests/unit/source/.
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "unit/policy/hostile_inputs.h"

TEST_SUITE_BEGIN("policy");

using namespace trustlint;
using namespace trustlint::test;

namespace {

struct Row {
  const char* name;
  std::function<std::string()> make;
  const char* file;  // its extension picks the reader
  const char* code;  // the first error's code; "" = loads without errors
  std::uint32_t line = 0, col = 0;
};

const std::string kBig(10u << 20, 'a');  // 10 MB

std::vector<Row> rows() {
  const std::string J = json_policy(), Y = yaml_policy();
  return {
      {"JSON nested 100,000 arrays deep", [] { return std::string(100'000, '['); }, "p.json", "TL007", 1, 65},
      {"JSON nested 100,000 objects deep", [] { return repeat("{\"a\":", 100'000); }, "p.json", "TL007", 1, 321},
      {"YAML nested 100,000 flow sequences deep", [] { return std::string(100'000, '['); }, "p.yaml", "TL007", 1, 65},
      {"YAML nested 100,000 block sequences deep", [] { return repeat("- ", 100'000) + "x\n"; }, "p.yaml", "TL007", 1, 129},
      {"YAML billion laughs (10^9 nodes once expanded)", billion_laughs, "p.yaml", "TL008", 7, 8},
      {"JSON 10 MB string (a Sid)", [] { return R"({"Version":"2012-10-17","Statement":[{"Sid":")" + kBig + "\"}]}"; }, "p.json", "TL009", 1, 45},
      {"YAML 10 MB plain scalar (a Sid)", [] { return "Version: '2012-10-17'\nStatement:\n- Sid: " + kBig + "\n"; }, "p.yaml", "TL009", 3, 8},
      {"YAML 10 MB condition value", [=] { return insert_before(Y, "owner:acme:project:web:environment:production", kBig); }, "p.yaml", "TL009"},
      {"JSON stray continuation byte 0x80", [=] { return insert_before(J, "acme", "\x80"); }, "p.json", "TL003", 7, 79},
      {"JSON truncated sequence C3", [=] { return insert_before(J, "acme", "\xC3"); }, "p.json", "TL003", 7, 79},
      {"JSON overlong '/' C0 AF", [=] { return insert_before(J, "acme", "\xC0\xAF"); }, "p.json", "TL003", 7, 79},
      {"JSON overlong 3-byte E0 80 AF", [=] { return insert_before(J, "acme", "\xE0\x80\xAF"); }, "p.json", "TL003", 7, 79},
      {"JSON overlong 4-byte F0 80 80 AF", [=] { return insert_before(J, "acme", "\xF0\x80\x80\xAF"); }, "p.json", "TL003", 7, 79},
      {"JSON UTF-16 surrogate ED A0 80", [=] { return insert_before(J, "acme", "\xED\xA0\x80"); }, "p.json", "TL003", 7, 79},
      {"JSON past U+10FFFF F4 90 80 80", [=] { return insert_before(J, "acme", "\xF4\x90\x80\x80"); }, "p.json", "TL003", 7, 79},
      {"JSON byte FF", [=] { return insert_before(J, "acme", "\xFF"); }, "p.json", "TL003", 7, 79},
      {"YAML overlong '/' C0 AF", [=] { return insert_before(Y, "acme", "\xC0\xAF"); }, "p.yaml", "TL003", 2, 32},
      {"YAML UTF-16 surrogate ED A0 80", [=] { return insert_before(Y, "acme", "\xED\xA0\x80"); }, "p.yaml", "TL003", 2, 32},
      {"JSON NUL inside a string", [=] { return insert_before(J, "acme", std::string(1, '\0')); }, "p.json", "TL004", 7, 79},
      {"JSON NUL between tokens", [=] { return insert_before(J, "\"Statement\"", std::string(1, '\0')); }, "p.json", "TL004", 3, 3},
      {"YAML NUL", [=] { return insert_before(Y, "acme", std::string(1, '\0')); }, "p.yaml", "TL005", 2, 32},
      {"JSON UTF-8 BOM", [=] { return "\xEF\xBB\xBF" + J; }, "p.json", ""},
      {"YAML UTF-8 BOM", [=] { return "\xEF\xBB\xBF" + Y; }, "p.yaml", ""},
      {"JSON two UTF-8 BOMs", [=] { return "\xEF\xBB\xBF\xEF\xBB\xBF" + J; }, "p.json", "TL004", 1, 1},
      {"JSON BOM between tokens", [=] { return insert_before(J, "\"Statement\"", "\xEF\xBB\xBF"); }, "p.json", "TL004", 3, 3},
      {"JSON UTF-16LE BOM", [=] { return "\xFF\xFE" + J; }, "p.json", "TL003", 1, 1},
      {"JSON UTF-16BE BOM", [=] { return "\xFE\xFF" + J; }, "p.json", "TL003", 1, 1},
      {"JSON CRLF line endings", [=] { return with_line_endings(J, "\r\n"); }, "p.json", ""},
      {"JSON CRLF, error located as with LF", [=] { return with_line_endings(insert_before(J, "Allow", "X"), "\r\n"); }, "p.json", "TL035", 5, 17},
      {"JSON CR-only line endings", [=] { return with_line_endings(J, "\r"); }, "p.json", ""},
      {"YAML CRLF line endings", [=] { return with_line_endings(Y, "\r\n"); }, "p.yaml", ""},
      {"JSON duplicate key", [=] { return insert_before(J, "\"Version\"", "\"Version\": \"2008-10-17\",\n  "); }, "p.json", "TL006", 3, 3},
      {"YAML duplicate key", [=] { return "Version: '2012-10-17'\n" + Y; }, "p.yaml", "TL006", 4, 1},
      {"JSON number 2^64 in NumericLessThan", [] { return policy_with_condition("NumericLessThan", "aws:MultiFactorAuthAge", "18446744073709551616"); }, "p.json", ""},
      {"JSON number -2^63-1 in NumericGreaterThan", [] { return policy_with_condition("NumericGreaterThan", "aws:MultiFactorAuthAge", "-9223372036854775809"); }, "p.json", ""},
      {"JSON 1,000,000-digit number as the document", [] { return std::string(1'000'000, '9'); }, "p.json", "TL020", 1, 1},
  };
}

void check_located(const Diagnostics& diagnostics, const std::string& file) {
  for (const auto& d : diagnostics) {
    CHECK(d.span.file == file);
    if (d.code != "TL069") CHECK_MESSAGE(d.span.known(), d.code << " " << d.message);
    CHECK(d.message.size() < 400);
    for (const auto& n : d.notes) CHECK(n.size() < 400);
  }
}

const Diagnostic* first_error(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("policy::hostile inputs through load_policy_text (README \"Hostile inputs\")") {
  for (const Row& row : rows()) {
    const std::string name = row.name;
    CAPTURE(name);
    const std::string text = row.make();
    const auto r = load_policy_text(text, row.file);
    check_located(r.diagnostics(), row.file);
    const Diagnostic* e = first_error(r.diagnostics());
    if (*row.code == '\0') {
      CHECK(r.ok());
      continue;
    }
    REQUIRE(e != nullptr);
    CHECK(e->code == row.code);
    if (row.line != 0) {
      CHECK(e->span.line == row.line);
      CHECK(e->span.col == row.col);
    }
  }
}

TEST_CASE("policy::hostile numbers beyond 64 bits compare exactly, and 1e400 is a located TL070") {
  auto big = load_policy_text(policy_with_condition("NumericLessThan", "aws:MultiFactorAuthAge", "18446744073709551616"), "n.json");
  REQUIRE(big.ok());
  auto compiled = compile(big.value());
  REQUIRE(compiled.ok());
  for (const auto& [value, allowed] : {std::pair{"18446744073709551615", true}, std::pair{"18446744073709551616", false},
                                       std::pair{"99999999999999999999999", false}, std::pair{"-1e3", false}}) {
    DeploymentFacts facts{"acme", "web", "production", IssuerMode::team, std::nullopt, {{"aws:MultiFactorAuthAge", value}}};
    auto request = make_request(vercel_profile(), facts);
    REQUIRE(request.ok());
    CHECK_MESSAGE(evaluate(compiled.value(), request.value()).allowed() == allowed, value);
  }
  const std::string huge_text = policy_with_condition("NumericLessThan", "aws:MultiFactorAuthAge", "1e400");
  auto huge = load_policy_text(huge_text, "n.json");
  REQUIRE(huge.ok());  // a JSON number; IAM's Numeric operators take no exponent
  auto failed = compile(huge.value());
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.diagnostics()[0].code == "TL070");
  CHECK(failed.diagnostics()[0].span.col == huge_text.find("1e400") + 1);
}

TEST_CASE("policy::hostile truncated at every byte: located errors, never a crash") {
  for (const auto& [file, text] : {std::pair{std::string("p.json"), json_policy()}, std::pair{std::string("p.yaml"), yaml_policy()},
                                   std::pair{std::string("p.json"), read_fixture("fixtures/good/two-teams.json")}}) {
    const std::size_t end = text.find_last_not_of(" \n\r\t") + 1;
    for (std::size_t n = 0; n < text.size(); ++n) {
      CAPTURE(file);
      CAPTURE(n);
      const auto r = load_policy_text(std::string_view(text).substr(0, n), file);
      check_located(r.diagnostics(), file);
      if (file == "p.json" && n < end) CHECK_FALSE(r.ok());  // no proper prefix of a JSON object is JSON
      if (!r.has_value()) CHECK(has_errors(r.diagnostics()));
    }
  }
}

TEST_SUITE_END();
