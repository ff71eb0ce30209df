// No fixture that `who` proves safe gets a security finding: when the exact allowed set holds
// only the teams the policy names, named projects and environments (no wildcard), no
// development, and (with any audience) only Vercel's default audiences, lint reports no
// TL1xx-TL3xx finding at warning or error. (Notes may remain: TL202 and a shadowed statement
// say how a policy is written, not who gets in.)
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "trustlint/allowed_set.h"
#include "trustlint/vercel_policy.h"
#include "unit/lint/lint_test_util.h"

TEST_SUITE_BEGIN("lint");

namespace {

using namespace trustlint;
using namespace trustlint::testing;

bool plain(const GlobSet& g) {
  for (const auto& m : g.match) {
    if (m.find_first_of("*?") != std::string::npos) return false;
  }
  return true;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Safe by who's answer alone.
bool proven_safe(const std::string& path) {
  auto doc = load_policy_file(path);
  if (!doc.ok()) return false;
  auto compiled = compile(doc.value());
  if (!compiled.ok()) return false;
  const auto teams = teams_named(doc.value(), vercel_profile());
  auto set = allowed_set(compiled.value(), vercel_profile());
  WhoOptions any;
  any.any_audience = true;
  auto any_set = allowed_set(compiled.value(), vercel_profile(), any);
  if (!set.ok() || !any_set.ok() || set.value().empty()) return false;
  for (const auto& p : set.value().parts) {
    if (!plain(p.team) || !plain(p.project) || !plain(p.environment)) return false;
    for (const auto& t : p.team.match) {
      if (!contains(teams, t)) return false;
    }
    if (contains(p.environment.match, "development")) return false;
  }
  for (const auto& p : any_set.value().parts) {
    if (!p.audience || !plain(*p.audience)) return false;
    for (const auto& a : p.audience->match) {
      if (a.rfind("https://vercel.com/", 0) != 0) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("lint::no fixture that who proves safe gets a security finding") {
  std::size_t safe = 0;
  for (const char* dir : {"fixtures/good", "fixtures/risky", "fixtures/bad"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/" + dir)) {
      const std::string path = entry.path().string();
      if (!proven_safe(path)) continue;
      ++safe;
      CAPTURE(path);
      const auto findings = lint_file(path, {}).findings;
      // A key or action that does not exist (TL060, TL064) may kill a Deny without changing who
      // gets in: TL205 then reports the hole, which who cannot see.
      const bool unknown_name = std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
        return f.rule == "TL060" || f.rule == "TL064";
      });
      for (const auto& f : findings) {
        // Who answers for Vercel deployments; TL4xx are about other providers' statements.
        if (!is_security_finding(f) || f.rule[2] == '4' || (unknown_name && f.rule == "TL205")) continue;
        CHECK_MESSAGE(f.severity == Severity::note, f.rule << ": " << f.message);
      }
    }
  }
  CHECK(safe >= 8);  // most of good/
}

TEST_SUITE_END();
