// The batch's fast path (the scanner, the plain-line answer written straight into the buffer)
// against its reference (nlohmann's reader, make_request, render_can_json): byte for byte the
// same answers, statuses, messages and columns, on generated lines (plain ones, and every kind
// of oddity: escapes, numbers, null, non-ASCII, repeated and unknown keys, bad names, broken
// JSON), over every fixture policy that compiles, with and without --issuer and assumptions, full
// and compact answers.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "batch/request_batch_impl.h"
#include "batch/request_line_json.h"
#include "trustlint/batch.h"
#include "trustlint/engine.h"

TEST_SUITE_BEGIN("batch");

using namespace trustlint;

namespace {

namespace fs = std::filesystem;

// JSON texts for each field: plain strings, then values only the general path reads.
const std::vector<std::string> kTeams = {R"("acme")", R"("globex")", R"("acme-evil")", R"("")", R"("Acme")",
                                         R"("ac\u006de")", R"("acm\u00e9")", R"("a:b")", "7", "null",
                                         "\"acm\xC3\xA9\"", "\"acm\xE9\"", "\"a\x7F\"", "\"a\tb\""};
const std::vector<std::string> kProjects = {R"("web")", R"("api")", R"("web.app_1")", R"("a---b")", R"("Web")",
                                            R"("web\n")", R"("docs")", "true"};
const std::vector<std::string> kEnvironments = {R"("production")", R"("preview")", R"("development")",
                                                R"("staging")", R"("PROD")", R"("")", "[1]"};
const std::vector<std::string> kIssuers = {R"("global")", R"("team")", R"("bogus")", R"("Global")", "1"};
const std::vector<std::string> kAuds = {R"("https://vercel.com/acme")", R"("sts.amazonaws.com")", R"("x\"y")",
                                        R"("\u00e9")"};
const std::vector<std::string> kClaims = {
    "{}", R"({"amr":["a","b"]})", R"({"x":1})", R"({"x":true})", R"({"x" : [true, false, "t"]})",
    R"({"sub":"owner:acme:project:web:environment:production"})", R"({"AMR":"a","amr":"b"})", R"({"x":null})",
    R"({"x":1.5})", R"({"aws:TagKeys":["team","env"]})", R"({"b":"1","a":"2"})", R"({"x":[]})", R"({"x":truex})",
    R"({"x":"a","x":"b"})", "{\"x\":\"\xC3\xA9\"}", "{\"\xFF\":\"a\"}", R"({"oidc.vercel.com:aud":"https://vercel.com/acme"})", R"([])", R"("c")"};
const std::vector<std::string> kSpaces = {"", " ", "\t", "  "};

std::string generate_line(std::mt19937& rng) {
  auto pick = [&](const std::vector<std::string>& pool, double plain_share, std::size_t plain_count) {
    std::uniform_real_distribution<double> u(0, 1);
    const std::size_t n = u(rng) < plain_share ? std::min(plain_count, pool.size()) : pool.size();
    return pool[std::uniform_int_distribution<std::size_t>(0, n - 1)(rng)];
  };
  auto chance = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  std::vector<std::pair<std::string, std::string>> members;
  if (chance(50)) members.emplace_back("team", pick(kTeams, 0.8, 3));
  if (chance(95)) members.emplace_back("project", pick(kProjects, 0.8, 3));
  if (chance(95)) members.emplace_back("environment", pick(kEnvironments, 0.8, 4));
  if (chance(40)) members.emplace_back("issuer", pick(kIssuers, 0.8, 2));
  if (chance(15)) members.emplace_back("aud", pick(kAuds, 0.7, 2));
  if (chance(15)) members.emplace_back("claims", pick(kClaims, 0.3, 2));
  if (chance(3)) members.emplace_back("colour", R"("red")");
  // Keys that start like a field's (the scanner compares a field's "KEY": whole first).
  if (chance(4)) members.emplace_back(pick({"teams", "tea", "t", "Team", "projects", "environ", "issuers", "au", "aud\\u0020"}, 1, 9), R"("acme")");
  if (chance(3) && !members.empty()) members.push_back(members.front());
  std::shuffle(members.begin(), members.end(), rng);
  auto space = [&] { return pick(kSpaces, 0.7, 1); };
  std::string line = space() + "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) line += space() + ",";
    line += space() + "\"" + members[i].first + "\"" + space() + ":" + space() + members[i].second;
  }
  line += space() + "}" + space();
  if (chance(5)) line += "\r";
  if (chance(2)) line += "x";
  if (chance(2)) line.pop_back();
  if (chance(1)) line = "\xEF\xBB\xBF" + line;
  if (chance(1)) line.insert(line.size() / 2, std::string(1, '\0'));
  return line;
}

std::vector<CompiledPolicy> fixture_policies() {
  std::vector<CompiledPolicy> out;
  for (const char* dir : {"good", "risky"}) {
    for (const auto& e : fs::directory_iterator(fs::path(TRUSTLINT_SOURCE_DIR) / "fixtures" / dir)) {
      if (e.path().extension() != ".json") continue;
      auto doc = load_policy_file(e.path().string());
      if (!doc.has_value()) continue;
      auto compiled = compile(doc.value());
      if (compiled.ok()) out.push_back(std::move(compiled).value());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("batch::fast path answers as the reference path, on generated lines and every fixture") {
  const auto policies = fixture_policies();
  REQUIRE(policies.size() > 10);
  std::mt19937 rng(20261206);
  std::size_t fast_answers = 0, lines = 0;
  for (const auto& policy : policies) {
    for (int variant = 0; variant < 4; ++variant) {
      BatchOptions options;
      options.source_name = "requests.jsonl";
      if (variant == 1) options.issuer = IssuerMode::global;
      if (variant == 2) options.assumptions = {"role R: the only role in t.yaml that trusts Vercel", "x\ty"};
      options.compact = variant == 3;
      const RequestBatch batch(policy, options);
      for (int i = 0; i < 150; ++i) {
        const std::string line = generate_line(rng);
        std::string fast = "prefix\n", reference = "prefix\n";
        const LineOutcome a = batch.decide_line(line, 7, fast);
        const LineOutcome b = RequestBatchAccess::decide_line_reference(batch, line, 7, reference);
        ++lines;
        CHECK_MESSAGE(fast == reference, line);
        CHECK_MESSAGE(a.status == b.status, line);
        CHECK_MESSAGE(a.error == b.error, line);
        CHECK_MESSAGE(a.column == b.column, line);
        // The public reader: the same facts or the same located error as nlohmann's.
        RequestLine x, y;
        const auto ex = parse_request_line(line, x);
        const auto ey = internal::parse_request_line_json(line, y);
        REQUIRE_MESSAGE(ex.has_value() == ey.has_value(), line);
        if (ex) {
          CHECK(ex->message == ey->message);
          CHECK(ex->column == ey->column);
        } else {
          ++fast_answers;
          CHECK_MESSAGE((x.facts.team == y.facts.team && x.facts.project == y.facts.project &&
                         x.facts.environment == y.facts.environment && x.facts.audience == y.facts.audience &&
                         x.facts.extra_context == y.facts.extra_context && x.multi_claims == y.multi_claims &&
                         x.team_given == y.team_given && x.issuer == y.issuer),
                        line);
        }
      }
    }
  }
  // The generator reaches both paths.
  CHECK(fast_answers > lines / 4);
  CHECK(fast_answers < lines);
}

TEST_SUITE_END();
