// Proven expectations about a trust policy (`trustlint test`, and `expect:` in .trustlint.yaml):
// `allow` (every deployment the selector describes gets in), `deny` (none of them does) and
// `only` (everything that gets in lies inside the selector). Each is decided on the exact
// allowed set, quantified over everything the selector leaves open, never by sampling; a
// failure comes with a counterexample replayed through evaluate() and the statement that
// decided it. Spec files (*.trustspec.yaml) name a policy and list expectations.
//
// Example:
//   auto spec = trustlint::load_spec("prod.trustspec.yaml");
//   auto set = trustlint::allowed_set(policy.value(), trustlint::vercel_profile());
//   for (const trustlint::Expectation& e : spec.value().expect) {
//     auto out = trustlint::check_expectation(policy.value(), set.value(), e, spec.value().team, trustlint::vercel_profile());
//     std::cout << e.text << ": " << (out.ok() && out.value().holds ? "holds" : "fails") << "\n";
//   }
//
// Ownership: Selector, Expectation, Spec and ExpectationOutcome are plain values owning their
// strings; check_expectation() reads the policy, set and profile only during the call.
// Thread safety: the functions may run from several threads at once (also on one policy and
// set); the values are safe to copy and read between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/allowed_set.h"
#include "trustlint/diagnostic.h"
#include "trustlint/engine.h"
#include "trustlint/result.h"

namespace trustlint {

inline constexpr const char* kSpecSuffix = ".trustspec.yaml";

// A set of deployments: each dimension a list of values or IAM globs; nullopt = any value.
struct Selector {
  std::optional<IssuerMode> issuer;
  std::optional<std::vector<std::string>> team, project, environment;
};

struct Expectation {
  enum class Kind { allow, deny, only } kind = Kind::allow;
  Selector where;
  Span span;         // the list item ("- allow: …")
  std::string text;  // "allow {project: web, environment: production}"
};

const char* expectation_kind_name(Expectation::Kind k);  // "allow", "deny", "only"

struct Spec {
  std::string file;
  std::string policy;  // path as written (relative to the spec's directory)
  std::string policy_path;  // resolved against the spec's directory
  Span policy_span;
  std::string resource;
  std::optional<std::string> team;  // the team of `allow` expectations that name none
  std::vector<Expectation> expect;
};

// Reads and validates a spec file. Errors: TL001 (unreadable), TL005 (not YAML), TL501 (unknown
// key, wrong type, bad value, no policy, no expectations), each located.
Result<Spec> load_spec(const std::string& path);

struct ExpectationOutcome {
  bool holds = true;
  // When it fails: a deployment that breaks it, its decision by the evaluator (allowed = true
  // for deny/only, false for allow), and what decided it.
  std::optional<DeploymentFacts> counterexample;
  bool counterexample_allowed = false;
  // "statement AllowPreview (line 12) lets it in" / "statement #2 (Deny, line 20) keeps it out"
  // / "no Allow statement applies (implicit deny)"; with its location when there is one.
  std::string decided_by;
  Span decided_at;
  // The counterexample gets in only when these conditions on other keys hold (it is still a
  // counterexample: the policy lets it in whenever they do).
  std::vector<std::string> only_when;
  // What was assumed because the expectation leaves it open ("issuer team: ...").
  std::vector<std::string> assumptions;
};

// Decides one expectation against the policy and its exact allowed set (computed with
// `options`; any_audience is not supported by selectors and must be false). `default_team`
// fills the team of an `allow` that names none.
Result<ExpectationOutcome> check_expectation(const CompiledPolicy& policy, const AllowedSet& set,
                                             const Expectation& expectation,
                                             const std::optional<std::string>& default_team,
                                             const ProviderProfile& profile, const WhoOptions& options = {});

}  // namespace trustlint
