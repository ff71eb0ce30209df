// ProverContext: domains from the provider profile.
#include "prove/prover_context.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace trustlint::internal {

namespace {

// The domains of a profile depend only on the profile, so they are built once per profile and
// copied into each computation (their glob caches start empty; each computation owns its copy).
std::vector<SegmentDomain> base_domains(const ProviderProfile& p) {
  static std::mutex mutex;
  static std::map<const ProviderProfile*, std::vector<SegmentDomain>> built;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = built.find(&p);
  if (it == built.end()) {
    static StateBudget unlimited{SIZE_MAX, SIZE_MAX};  // a handful of small fixed automata
    std::vector<SegmentDomain> domains;
    for (const char* name : {"team", "project", "environment"}) {
      const SegmentSpec* spec = p.segment(name);
      domains.push_back(spec ? SegmentDomain::from_spec(*spec, unlimited) : SegmentDomain::free_text(name, unlimited));
    }
    it = built.emplace(&p, std::move(domains)).first;
  }
  return it->second;
}

}  // namespace

ProverContext::ProverContext(const ProviderProfile& p, const WhoOptions& o) : profile(p), options(o) {
  budget.max_states = o.limits.max_automaton_states;
  domains = base_domains(p);
  for (auto& d : domains) d.budget = &budget;
  domains[kTeam].preferred_examples = {"other-team", "acme", "team"};
  domains[kProject].preferred_examples = {"web", "api", "other-project"};
  domains[kEnvironment].preferred_examples = {"staging"};
  if (o.any_audience) {
    domains.push_back(SegmentDomain::free_text("audience", budget));
    domains[kAudience].preferred_examples = {"sts.amazonaws.com"};
  }
  sub_pieces = parse_template(p.sub_template);
  aud_pieces = parse_template(p.aud_template);
}

Box ProverContext::everything() const {
  Box b;
  for (const auto& d : domains) b.dims.push_back(ValueSet::all(d));
  return b;
}

Box ProverContext::only(std::size_t d, ValueSet set) const {
  Box b = everything();
  b.dims[d] = std::move(set);
  return b;
}

void ProverContext::blame(const Span& where) {
  if (budget.exceeded && !exceeded_at) exceeded_at = where;
}

void ProverContext::note(const std::string& n) {
  if (std::find(notes.begin(), notes.end(), n) == notes.end()) notes.push_back(n);
}

}  // namespace trustlint::internal
