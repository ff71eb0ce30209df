// The state of one `who` computation: the provider's segment domains, its claim templates split
// into pieces, and the automaton budget. Owned by one computation on one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "prove/box.h"
#include "provider/templates.h"
#include "trustlint/allowed_set.h"
#include "trustlint/provider.h"

namespace trustlint::internal {

// Dimensions of a deployment, in Box order.
enum Dim : std::size_t { kTeam = 0, kProject = 1, kEnvironment = 2, kAudience = 3 };

struct ProverContext {
  ProverContext(const ProviderProfile& p, const WhoOptions& o);
  ProverContext(const ProverContext&) = delete;  // value sets point into `domains`
  ProverContext& operator=(const ProverContext&) = delete;

  const ProviderProfile& profile;
  WhoOptions options;
  StateBudget budget;
  std::vector<SegmentDomain> domains;  // team, project, environment[, audience]
  std::vector<TemplatePiece> sub_pieces, aud_pieces;
  std::vector<std::string> notes;
  // Where the budget ran out: the condition or statement being worked on (TL095 points there).
  std::optional<Span> exceeded_at;

  std::size_t dims() const { return domains.size(); }
  Box everything() const;
  // A box with `set` in dimension d and everything elsewhere.
  Box only(std::size_t d, ValueSet set) const;
  void note(const std::string& n);
  // Records `where` as the place the budget ran out, if it has run out and none is recorded.
  void blame(const Span& where);
};

// allowed_set() drawing on `budget` (the one budget of a lint run): the work already spent
// there counts against this proof, and what the proof spends is added to it, so several proofs
// together do no more work than one limit allows. Fails with TL095 once the budget is spent.
Result<AllowedSet> allowed_set_within(const CompiledPolicy& policy, const ProviderProfile& profile,
                                      const WhoOptions& options, StateBudget& budget);

}  // namespace trustlint::internal
