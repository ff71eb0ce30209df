// LintContext: what every security rule of one lint() run shares: the policy, what it is
// expected to admit, its allowed set (proved once; the any-audience set derived from that
// proof on first use), the prover's segment domains for value-set questions, re-proofs of
// policy variants, and the findings collected so far. Owned by one lint() call on one thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "prove/prover_context.h"
#include "prove/statement_regions.h"
#include "trustlint/allowed_set.h"
#include "trustlint/finding.h"
#include "trustlint/lint.h"

namespace trustlint::internal {

// A condition key "PROVIDER:claim" read against the provider profile.
struct ClaimKey {
  std::string provider;  // as written, before the last ':'
  std::string claim;     // folded, after the last ':'
  bool oidc = false;     // the prefix looks like an OIDC provider name (has '.' or '/')
  bool vercel = false;   // the global provider or a team provider of this profile
  std::optional<IssuerMode> mode;  // for vercel keys
  std::string team;                // team of a team-provider key
};

class LintContext {
 public:
  LintContext(const CompiledPolicy& policy, const LintOptions& options, const ProviderProfile& profile);
  // The context keeps references: a temporary's would dangle (ASan: stack-use-after-scope).
  LintContext(const CompiledPolicy& policy, LintOptions&& options, const ProviderProfile& profile) = delete;
  LintContext(const CompiledPolicy&& policy, const LintOptions& options, const ProviderProfile& profile) = delete;

  const Document& document() const { return policy_.document(); }
  const CompiledPolicy& policy() const { return policy_; }
  const LintOptions& options() const { return options_; }
  const ProviderProfile& profile() const { return profile_; }
  ProverContext& prover() { return *prover_; }
  const SegmentDomain& domain(std::size_t dim) const {
    return dim == kAudience ? audience_ : prover_->domains[dim];
  }

  // Proves the policy's allowed set; false (with TL095 in diagnostics) when the prover gave up.
  bool prove_policy(Diagnostics& diagnostics);
  const AllowedSet& allowed() const { return *allowed_; }
  // The proven set, moved out once the rules are done with it.
  AllowedSet take_allowed() { return std::move(*allowed_); }
  // With WhoOptions::any_audience, derived from the main proof on first use (any_audience_from,
  // no second proof); nullptr when the prover gave up (then
  // incomplete() says so: a rule that skips on nullptr is reported as not checked).
  const AllowedSet* allowed_any_audience();
  // The statement regions the proofs above built (any_audience: proving that set first if
  // needed); nullptr when that proof gave up.
  PolicyRegions* regions(bool any_audience);
  // Allowed set of a variant of this policy (a statement removed, an operator changed), with the
  // default audience or (any_audience) with every audience a deployment may request.
  // nullopt when the variant does not compile or the run's work budget is spent.
  std::optional<AllowedSet> prove(const Document& variant, bool any_audience = false) const;
  // TL095 (located) when some proof or set computation of this run stopped at the work budget:
  // every proof of a lint run draws on one budget, prover().budget. nullopt when all finished.
  std::optional<Diagnostic> incomplete() const;

  // What the policy is expected to admit (options, else the policy's own literal names).
  const std::vector<std::string>& expected_teams() const { return teams_; }
  const std::vector<std::string>& named_projects() const { return projects_; }
  const std::vector<std::string>& named_environments() const { return environments_; }
  bool environments_configured() const { return !options_.environments.empty(); }

  ClaimKey claim_key(const std::string& key) const;
  bool is_vercel_provider(const std::string& name) const;
  // Does the statement's principal admit some Vercel token (a Vercel provider, "*", NotPrincipal)?
  bool admits_vercel(const Statement& st) const;
  // Providers named by Federated entries that are not Vercel's (GitHub, Google, ...).
  std::vector<std::string> foreign_providers(const Statement& st) const;
  bool wildcard_principal(const Statement& st) const;  // "*", {"AWS": "*"} or NotPrincipal

  // Builds a finding of `rule` with the catalogue's name, default severity and fix.
  Finding make(const std::string& rule, std::string message, const Span& span, std::string pointer) const;
  void add(Finding f) { findings_.push_back(std::move(f)); }
  std::vector<Finding>& findings() { return findings_; }
  bool has(const std::string& rule) const;

 private:
  const CompiledPolicy& policy_;
  const LintOptions& options_;
  const ProviderProfile& profile_;
  // (regions: also keep the statement regions the proof built, statement_regions.h.)
  Result<AllowedSet> bounded_proof(const CompiledPolicy& policy, const WhoOptions& who,
                                   PolicyRegions* regions = nullptr) const;
  // Remembers the first TL095 of a proof that ran out of work (incomplete()).
  void note_out_of_work(const Result<AllowedSet>& set) const;

  std::unique_ptr<ProverContext> prover_;
  mutable std::optional<Diagnostic> out_of_work_;  // the first proof that ran out of work
  SegmentDomain audience_;  // the audiences of any-audience parts (free text)
  std::optional<AllowedSet> allowed_;
  std::optional<std::optional<AllowedSet>> any_audience_;
  PolicyRegions regions_, any_regions_;
  std::vector<std::string> teams_, projects_, environments_;
  std::vector<Finding> findings_;
};

// A sub value's literal segments, read left to right until a wildcard: {team, project,
// environment}, each empty when not literal. Used only to learn the names a policy mentions.
struct NamedSegments {
  std::string team, project, environment;
  bool complete = false;  // all three read and the value ended exactly there
  bool shape_ok = true;   // the literal labels (owner:, :project:, :environment:) were where expected
};
NamedSegments read_sub_literal(const ProviderProfile& profile, const std::string& value);

// JSON pointers (RFC 6901) of parts of a statement.
std::string statement_pointer(const Document& document, const Statement& st);
std::string condition_pointer(const Document& document, const Statement& st, const Condition& c);
std::string value_pointer(const Document& document, const Statement& st, const Condition& c, std::size_t value);
std::string principal_pointer(const Document& document, const Statement& st, const PrincipalEntry* entry);

}  // namespace trustlint::internal
