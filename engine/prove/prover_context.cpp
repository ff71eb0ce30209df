// ProverContext: domains from the provider profile.
#include "prove/prover_context.h"

#include <algorithm>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

namespace trustlint::internal {

namespace {

// Two segment specs that give the same domain: every field compared (the domain is built from
// the alphabet, the lengths and the forbidden substrings; the rest travels with it). Compared by
// content, not by the profile's address: a profile freed and another built at the same address
// (bindings, long-lived processes) must not get the first one's domains; two profiles with the
// same segments share them.
bool same_spec(const SegmentSpec* a, const SegmentSpec* b) {
  if (a == nullptr || b == nullptr) return a == b;
  return a->name == b->name && a->pattern == b->pattern && a->alphabet == b->alphabet &&
         a->description == b->description && a->min_length == b->min_length && a->max_length == b->max_length &&
         a->forbidden_substrings == b->forbidden_substrings && a->known_values == b->known_values;
}

constexpr const char* kSegments[] = {"team", "project", "environment"};

// The domains of a profile depend only on its segments, and its template pieces only on its
// templates, so they are built once per distinct set and copied into each computation (the
// domains' glob caches start empty; each computation owns its copy). At most kKept sets are
// kept, so a process that makes profiles forever does not grow without bound. Looked up by
// comparing the specs (no key is written out: this runs for every proof of every file).
struct Built {
  std::vector<std::optional<SegmentSpec>> specs;  // as given, in kSegments order
  std::string sub_template, aud_template;
  std::vector<SegmentDomain> domains;
  std::vector<TemplatePiece> sub_pieces, aud_pieces;

  bool matches(const ProviderProfile& p) const {
    if (p.sub_template != sub_template || p.aud_template != aud_template) return false;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (!same_spec(specs[i] ? &*specs[i] : nullptr, p.segment(kSegments[i]))) return false;
    }
    return true;
  }
};

std::shared_ptr<const Built> built_for(const ProviderProfile& p) {
  constexpr std::size_t kKept = 32;
  static std::mutex mutex;
  static std::list<std::shared_ptr<const Built>> built;  // newest first
  std::lock_guard<std::mutex> lock(mutex);
  for (const auto& b : built) {
    if (b->matches(p)) return b;
  }
  if (built.size() >= kKept) built.pop_back();  // the oldest; holders keep theirs alive
  static StateBudget unlimited{SIZE_MAX, SIZE_MAX};  // a handful of small fixed automata
  auto b = std::make_shared<Built>();
  for (const char* name : kSegments) {
    const SegmentSpec* spec = p.segment(name);
    b->specs.push_back(spec ? std::optional<SegmentSpec>(*spec) : std::nullopt);
    b->domains.push_back(spec ? SegmentDomain::from_spec(*spec, unlimited) : SegmentDomain::free_text(name, unlimited));
  }
  b->sub_template = p.sub_template;
  b->aud_template = p.aud_template;
  b->sub_pieces = parse_template(p.sub_template);
  b->aud_pieces = parse_template(p.aud_template);
  built.push_front(b);
  return b;
}

}  // namespace

ProverContext::ProverContext(const ProviderProfile& p, const WhoOptions& o) : profile(p), options(o) {
  budget.max_states = o.limits.max_automaton_states;
  const auto built = built_for(p);
  domains = built->domains;
  for (auto& d : domains) d.budget = &budget;
  domains[kTeam].preferred_examples = {"other-team", "acme", "team"};
  domains[kProject].preferred_examples = {"web", "api", "other-project"};
  domains[kEnvironment].preferred_examples = {"staging"};
  if (o.any_audience) {
    domains.push_back(SegmentDomain::free_text("audience", budget));
    domains[kAudience].preferred_examples = {"sts.amazonaws.com"};
  }
  sub_pieces = built->sub_pieces;
  aud_pieces = built->aud_pieces;
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
