// evaluate() without a trace (EvaluateOptions::trace = false, what `can --requests` uses) against
// the full trace: the same outcome, deciding statement and notes on every decision case
// (tests/cases) and on every fixture × a pool of deployments; and the compact `can` JSON line,
// written without nlohmann, byte for byte what nlohmann prints for the full document.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "trustlint/engine.h"
#include "trustlint/provider.h"
#include "trustlint/report.h"
#include "unit/cases/decision_case_loader.h"
#include "unit/policy/hostile_inputs.h"

TEST_SUITE_BEGIN("eval");

using namespace trustlint;

namespace {

namespace fs = std::filesystem;

void check_same(const CompiledPolicy& policy, const Request& request, const std::string& what) {
  const Decision full = evaluate(policy, request);
  const Decision fast = evaluate(policy, request, EvaluateOptions{.trace = false});
  CHECK_MESSAGE(fast.outcome == full.outcome, what);
  CHECK_MESSAGE(fast.deciding_statement == full.deciding_statement, what);
  CHECK_MESSAGE(fast.notes == full.notes, what);
  CHECK_MESSAGE(fast.statements.size() == (full.deciding_statement ? 1u : 0u), what);
}

// The compact line against nlohmann's compact dump of the indented document minus "statements".
void check_json(const CompiledPolicy& policy, const CanQuery& q, const std::string& what) {
  nlohmann::ordered_json expected = nlohmann::ordered_json::parse(render_can_json(evaluate(policy, q.request), q, false));
  expected.erase("statements");
  const std::string line = render_can_json(evaluate(policy, q.request, EvaluateOptions{.trace = false}), q, true);
  CHECK_MESSAGE(line == expected.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), what);
}

std::vector<std::string> case_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(TRUSTLINT_SOURCE_DIR) / "tests" / "cases")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("eval::evaluate without a trace decides as with it, on every decision case") {
  std::size_t compared = 0;
  for (const auto& file : case_files()) {
    const auto loaded = cases::load_decision_case(file);
    REQUIRE_MESSAGE(loaded.ok(), file);
    const auto& c = *loaded.value;
    const std::string text = c.inline_policy() ? c.policy_text : test::read_fixture(c.fixture);
    LoadOptions options;
    options.format = c.policy_format;
    const auto doc = load_policy_text(text, c.inline_policy() ? c.policy_name() : c.fixture, options);
    if (!doc.has_value()) continue;
    const auto compiled = compile(doc.value());
    if (!compiled.ok()) continue;
    for (const auto& r : c.requests) {
      Request request;
      if (r.context) {
        request = *r.context;
      } else {
        auto made = make_request(vercel_profile(), *r.facts);
        if (!made.ok()) continue;
        request = made.value();
        check_json(compiled.value(), CanQuery{*r.facts, request, {"team acme: assumed"}}, c.where(r));
      }
      check_same(compiled.value(), request, c.where(r));
      ++compared;
    }
  }
  CHECK(compared > 400);
}

TEST_CASE("eval::evaluate without a trace decides as with it, on every fixture") {
  std::size_t compared = 0;
  for (const char* dir : {"good", "risky"}) {
    for (const auto& e : fs::directory_iterator(fs::path(TRUSTLINT_SOURCE_DIR) / "fixtures" / dir)) {
      const auto doc = load_policy_file(e.path().string());
      if (!doc.has_value()) continue;
      const auto compiled = compile(doc.value());
      if (!compiled.ok()) continue;
      for (const char* team : {"acme", "acme-evil", "globex"}) {
        for (const char* project : {"web", "api", "web-legacy"}) {
          for (const char* env : {"production", "preview", "development", "staging"}) {
            for (IssuerMode mode : {IssuerMode::team, IssuerMode::global}) {
              DeploymentFacts facts{team, project, env, mode, std::nullopt, {{"aws:UserAgent", "mfa"}}};
              const Request request = make_request(vercel_profile(), facts).value();
              check_same(compiled.value(), request, e.path().string());
              check_json(compiled.value(), CanQuery{facts, request, {}}, e.path().string());
              ++compared;
            }
          }
        }
      }
    }
  }
  CHECK(compared > 1000);
}

TEST_CASE("eval::the compact can line escapes like nlohmann, and hands invalid UTF-8 to it") {
  const auto doc = load_policy_file(std::string(TRUSTLINT_SOURCE_DIR) + "/fixtures/good/vercel-docs-production.json");
  const auto compiled = compile(doc.value());
  for (const std::string& value : {std::string("quote \" backslash \\ tab \t nl \n cr \r ff \f bs \b"), std::string("\x01\x1f\x7f"),
                                  std::string("é ü 日本 \xF0\x9F\x98\x80"), std::string("bad \xFF byte"), std::string("cut \xC3")}) {
    DeploymentFacts facts{"acme", "web", "production", IssuerMode::team, std::nullopt, {{"aws:SourceIp", value}, {"aws:UserAgent", value}}};
    const Request request = make_request(vercel_profile(), facts).value();
    check_json(compiled.value(), CanQuery{facts, request, {value}}, value);
  }
}

TEST_SUITE_END();
