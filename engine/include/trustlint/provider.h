// OIDC provider profiles (rules/providers/*.yaml, embedded in the binary) and the requests a
// provider's tokens produce. Vercel is the first profile: deployment facts (team, project,
// environment, issuer mode, audience) become the provider name, `sub` and `aud` exactly as
// Vercel forms them (docs/semantics.md#vercel).
//
// Example:
//   trustlint::DeploymentFacts facts{.team = "acme", .project = "web", .environment = "preview"};
//   facts.issuer = trustlint::IssuerMode::global;  // default: team
//   auto request = trustlint::make_request(trustlint::vercel_profile(), facts);
//   if (!request.ok()) return;  // TL090: not a name Vercel issues; TL092: a contradicting claim
//   bool in = trustlint::evaluate(policy.value(), request.value()).allowed();
//
// Ownership: SegmentSpec, ProviderProfile and DeploymentFacts are plain values owning their
// strings. vercel_profile() returns a reference to a profile built once that lives as long as
// the program. A profile passed to allowed_set() and the other provers must outlive the call.
// Thread safety: profiles are immutable once built (vercel_profile() builds its one
// thread-safely on first use); make_request() and check_segment() are pure.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trustlint/request.h"
#include "trustlint/result.h"

namespace trustlint {

enum class IssuerMode { global, team };
const char* issuer_mode_name(IssuerMode m);  // "global", "team"

// One named part of a token's subject (a "segment"): its alphabet and length, from the profile.
struct SegmentSpec {
  std::string name;          // "team", "project", "environment"
  std::string pattern;       // "[a-z0-9-]{1,48}": the regular expression the profile gives
  std::string alphabet;      // every character a value may contain, in example-preference order
  std::size_t min_length = 1;
  std::size_t max_length = 0;
  std::vector<std::string> forbidden_substrings;  // e.g. "---" for Vercel project names
  std::vector<std::string> known_values;          // e.g. production, preview, development
  std::string description;   // for messages: "lowercase letters, digits and '-', at most 48"
};

// A provider described as data. Templates use {segment} placeholders.
struct ProviderProfile {
  std::string name;                // "vercel"
  std::string global_provider;     // "oidc.vercel.com"
  std::string team_provider;       // "oidc.vercel.com/{team}"
  std::string issuer_url_prefix;   // "https://"
  std::string sub_template;        // "owner:{team}:project:{project}:environment:{environment}"
  std::string aud_template;        // "https://vercel.com/{team}"
  std::vector<SegmentSpec> segments;

  const SegmentSpec* segment(const std::string& name) const;
  // Provider name (the key prefix) for an issuer mode and team.
  std::string provider_name(IssuerMode mode, const std::string& team) const;
  // The audience a token of `team` carries by default ("https://vercel.com/acme"; a template
  // without {team}, such as "sts.amazonaws.com", is the same for every team).
  std::string default_audience(const std::string& team) const;
  // Every default audience as one IAM glob: {team} becomes '*' ("https://vercel.com/*").
  std::string default_audience_glob() const;
  // The team whose default audience `aud` is written like ("https://vercel.com/Acme" → "Acme",
  // not checked against the team alphabet), or nullopt when `aud` does not have the template's
  // form or the template names no team.
  std::optional<std::string> team_of_default_audience(const std::string& aud) const;
  // The text after the team provider's fixed part ("acme" for "oidc.vercel.com/acme"; not
  // checked against the team alphabet), or nullopt when `name` does not continue that part
  // ("oidc.vercel.com/" for "oidc.vercel.com/{team}") with at least one character. With
  // `any_case` the fixed part is compared ignoring ASCII case (key prefixes); the result is
  // taken from `name` as given.
  std::optional<std::string> team_of_provider(const std::string& name, bool any_case = false) const;
};

// The built-in Vercel profile, parsed from the embedded rules/providers/vercel.yaml.
const ProviderProfile& vercel_profile();

struct DeploymentFacts {
  std::string team;
  std::string project;
  std::string environment;
  IssuerMode issuer = IssuerMode::team;
  std::optional<std::string> audience;  // default: the profile's aud_template for the team
  std::vector<std::pair<std::string, std::string>> extra_context;  // KEY=VALUE; a key without ':' is a claim of the provider
};

// Checks each fact against the profile's alphabets (TL090) and builds the request: provider
// name, action sts:AssumeRoleWithWebIdentity, PROVIDER:sub and PROVIDER:aud, extra keys.
// An extra key no token of the deployment can carry is refused (TL092): another provider's
// claim, a claim of the provider other than sub and aud, an aws:/sts: key AWS does not define
// (aws:SoruceIp) -- every key the prover reads as absent --, a sub other than the deployment's
// own, an aud other than `audience` when that is given (without `audience`, an aud key chooses
// the audience). Multi-valued keys are set on the
// request afterwards (Request::set_multi), each value checked as a single key first.
Result<Request> make_request(const ProviderProfile& profile, const DeploymentFacts& facts);

// Why a value is not a valid segment of the profile, or nullopt when it is.
std::optional<std::string> check_segment(const SegmentSpec& spec, const std::string& value);

}  // namespace trustlint
