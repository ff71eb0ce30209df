// PolicyDiff: what a new version of a trust policy grants that the old one did not ("gained")
// and what it takes away ("lost"), exactly: set differences of the two allowed sets computed
// on their automata (`trustlint diff`), never by sampling. Each part is written like a part of
// `who` (IAM globs per dimension) with an example deployment replayed through evaluate() on
// both sides.
//
// Example:
//   auto d = trustlint::diff_policies(old_policy.value(), new_policy.value(), trustlint::vercel_profile());
//   if (!d.ok()) return;  // TL095: the automata outgrew the limits
//   for (const trustlint::DiffPart& p : d.value().gained)
//     std::cout << "now gets in: " << trustlint::describe_facts(p.example) << "\n";
//   std::cout << trustlint::render_diff_text({{.diff = d.value()}}, {.old_input = "a", .new_input = "b"});
//
// Ownership: DiffPart, PolicyDiff, RoleDiff and DiffQuery are plain values owning their
// strings; diff_allowed_sets() reads the policies it is given (nullptr: no replay on that side)
// only during the call and keeps no pointer.
// Thread safety: the functions may run from several threads at once, also on the same
// policies; the values are safe to copy and read between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/allowed_set.h"

namespace trustlint {

struct DiffPart {
  IssuerMode issuer = IssuerMode::team;
  GlobSet team, project, environment;
  std::optional<GlobSet> audience;  // only with WhoOptions::any_audience
  // The conditions on keys that are not Vercel claims under which this side lets the part in
  // (NEW's for a gained part, OLD's for a lost one). Empty = unconditionally.
  std::vector<std::string> extra_conditions;
  // The other side lets some of these deployments in too, but only under these extra
  // conditions; the part is gained (lost) only when they do not hold.
  std::vector<std::string> other_side_conditions;
  // Every deployment of the part is let in on both sides, under different extra conditions:
  // the difference lies only in conditions on other keys, compared as written (trustlint does
  // not decide whether one such condition implies another).
  bool conditions_only = false;
  DeploymentFacts example;
  // The evaluator's answers for the example on each side (a request without extra keys);
  // nullopt when the side has no policy (an added or removed role).
  std::optional<bool> old_allows, new_allows;
};

struct PolicyDiff {
  std::vector<DiffPart> gained, lost;
  std::vector<std::string> notes;
  bool same() const { return gained.empty() && lost.empty(); }
};

// The difference between two allowed sets computed with the same options. `old_policy` or
// `new_policy` may be null (a role added or removed; its set is then empty): examples are
// replayed on the sides that have a policy. Fails (TL095) when an automaton would exceed
// options.limits.max_automaton_states.
Result<PolicyDiff> diff_allowed_sets(const AllowedSet& old_set, const CompiledPolicy* old_policy,
                                     const AllowedSet& new_set, const CompiledPolicy* new_policy,
                                     const ProviderProfile& profile, const WhoOptions& options = {});

// Computes both allowed sets, then diff_allowed_sets.
Result<PolicyDiff> diff_policies(const CompiledPolicy& old_policy, const CompiledPolicy& new_policy,
                                 const ProviderProfile& profile, const WhoOptions& options = {});

// ---- reports (engine/report/diff_*.cpp) --------------------------------------------------------

// One role compared: a plain policy on both sides has an empty `resource`.
struct RoleDiff {
  std::string resource;
  enum class Status { compared, added, removed } status = Status::compared;
  PolicyDiff diff;
};

struct DiffQuery {
  std::string old_input, new_input;  // as given: a path, "-", or git:REV:PATH
  bool any_audience = false;
};

// Does NEW let in anything OLD kept out (in any role)?
bool grants_new_access(const std::vector<RoleDiff>& roles);

std::string render_diff_text(const std::vector<RoleDiff>& roles, const DiffQuery& query);
// Schema trustlint/diff/v1 (README "diff --format json").
std::string render_diff_json(const std::vector<RoleDiff>& roles, const DiffQuery& query);
// A gained/lost table for a pull-request comment or $GITHUB_STEP_SUMMARY.
std::string render_diff_markdown(const std::vector<RoleDiff>& roles, const DiffQuery& query);

}  // namespace trustlint
