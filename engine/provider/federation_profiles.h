// Profiles of the federated providers other than Vercel, as data: rules/providers/*.yaml files
// with a `subject:` section (github.yaml: issuers, claims, the grammar of `sub` and what a
// wildcard in each of its segments admits), and rules/providers/aws-builtin.yaml (the built-in
// web-identity domains and SAML, each with the key that ties a role to the customer's app).
// The lint rules TL410–TL421 read them. Loaded once from the embedded copies; immutable;
// safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace trustlint::internal {

struct SubjectSegment {
  std::string name;
  std::string ends_before;     // characters that end the segment in a value ("/@:")
  std::string example;         // a value of another tenant, for witnesses
  std::string wildcard_rule;   // rule reported for a wildcard in this segment ("" = none)
  std::string wildcard_means;  // what such a wildcard admits, for the message
};

struct SubjectPin {
  std::string claim;
  std::string first_segment_end;  // the literal after the template's first segment ("/"; "" = whole value)
  bool callee = false;  // names the called workflow's owner, not the caller's (job_workflow_ref)
};

// A subject written for a custom template (GitHub's OIDC customization): which first fields
// anchor it to one owner, and the rule for one that does not.
struct CustomTemplate {
  std::string rule;                    // "" = the provider has no custom templates
  std::vector<std::string> anchored_by;  // first fields that name the owner: repo, repository_owner, ...
  std::string key_characters;          // what a template key is made of
  std::string means;                   // {key}: the value's first field
};

struct FederationProfile {
  std::string name;           // "github"
  std::string display_name;   // "GitHub Actions"
  std::string global_provider;      // "token.actions.githubusercontent.com"
  std::string enterprise_provider;  // "token.actions.githubusercontent.com/{enterprise}"
  std::vector<std::string> claims;
  std::vector<std::string> multi_valued_claims;
  std::string default_audience;
  std::string subject_claim;     // "sub"
  std::string subject_template;  // "repo:{owner}/{repo}:{context}"
  std::string fix_value;         // suggested value for a missing subject condition
  std::string missing_rule;      // "TL410"
  std::string missing_means;
  std::vector<SubjectSegment> segments;
  std::vector<SubjectPin> pins;
  std::string callee_rule;   // "TL107": the owner is pinned only by a callee pin
  std::string callee_means;  // who else gets such a token
  CustomTemplate custom_template;

  // "global" or "enterprise" (with the enterprise in `tenant`) when `provider` is one of this
  // profile's issuers (case-insensitive), else nullopt.
  std::optional<std::string> mode_of(const std::string& provider, std::string* tenant = nullptr) const;
};

struct BuiltinProvider {
  std::string provider;      // "cognito-identity.amazonaws.com" (SAML: empty)
  std::string display_name;  // "Amazon Cognito"
  std::string key;           // "cognito-identity.amazonaws.com:aud"
  std::string pins;          // "the identity pool ID"
  std::string example;       // a value of the key, for fixes
  std::vector<std::string> multi_valued_claims;
};

struct BuiltinFederation {
  std::vector<BuiltinProvider> web_identity;
  BuiltinProvider saml;
  const BuiltinProvider* find(const std::string& domain) const;  // case-insensitive
};

const std::vector<FederationProfile>& federation_profiles();
const BuiltinFederation& builtin_federation();

}  // namespace trustlint::internal
