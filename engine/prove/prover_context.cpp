// ProverContext: domains from the provider profile.
#include "prove/prover_context.h"

#include <algorithm>
#include <map>
#include <mutex>

namespace trustlint::internal {

namespace {

// What the domains are built from: every field of the three segment specs, each length-prefixed
// (so no two different specs give one key). Keyed by content, not by the profile's address: a
// profile freed and another built at the same address (bindings, long-lived processes) must not
// get the first one's domains; two profiles with the same segments share them.
std::string domain_key(const ProviderProfile& p) {
  std::string key;
  const auto add = [&key](const std::string& s) { key += std::to_string(s.size()) + ":" + s; };
  for (const char* name : {"team", "project", "environment"}) {
    const SegmentSpec* spec = p.segment(name);
    if (spec == nullptr) {
      key += "-";
      continue;
    }
    key += "+";
    for (const std::string* s : {&spec->name, &spec->pattern, &spec->alphabet, &spec->description}) add(*s);
    add(std::to_string(spec->min_length) + "," + std::to_string(spec->max_length));
    add(std::to_string(spec->forbidden_substrings.size()));
    for (const auto& f : spec->forbidden_substrings) add(f);
    add(std::to_string(spec->known_values.size()));
    for (const auto& v : spec->known_values) add(v);
  }
  return key;
}

// The domains of a profile depend only on its segments, so they are built once per distinct set
// of segments and copied into each computation (their glob caches start empty; each computation
// owns its copy). At most kKept sets are kept, so a process that makes profiles forever does not
// grow without bound.
std::vector<SegmentDomain> base_domains(const ProviderProfile& p) {
  constexpr std::size_t kKept = 32;
  static std::mutex mutex;
  static std::map<std::string, std::vector<SegmentDomain>> built;
  const std::string key = domain_key(p);
  std::lock_guard<std::mutex> lock(mutex);
  auto it = built.find(key);
  if (it == built.end()) {
    if (built.size() >= kKept) built.clear();
    static StateBudget unlimited{SIZE_MAX, SIZE_MAX};  // a handful of small fixed automata
    std::vector<SegmentDomain> domains;
    for (const char* name : {"team", "project", "environment"}) {
      const SegmentSpec* spec = p.segment(name);
      domains.push_back(spec ? SegmentDomain::from_spec(*spec, unlimited) : SegmentDomain::free_text(name, unlimited));
    }
    it = built.emplace(key, std::move(domains)).first;
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
