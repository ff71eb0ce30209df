// LintContext: expectations, proofs and key classification shared by the rules.
#include "lint/lint_context.h"

#include <algorithm>

#include "condition/text.h"
#include "eval/principal_match.h"
#include "lint/rules_plain.h"
#include "trustlint/vercel_policy.h"

namespace trustlint::internal {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

bool has_wildcard(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

// A sub value as the names it mentions: StringEqualsIgnoreCase "OWNER:ACME:..." mentions team
// acme (Vercel's claims are lowercase and IAM folds ASCII only), so a policy and its lowercase
// twin name the same teams, projects and environments and get the same findings.
std::string named_text(const Condition& c, const std::string& text) {
  return c.op.kind == MatchKind::string_equals_ignore_case ? ascii_lowercase(text) : text;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

// Readable members for a glob: "acme*" → "acme-evil", "web?" → "web1". Used only as preferred
// examples; whether a name is in a set is always decided by the set itself.
void add_glob_candidates(std::vector<std::string>& out, const std::string& glob, const char* star) {
  if (!has_wildcard(glob) || glob == "*") return;
  std::string c;
  for (char ch : glob) {
    if (ch == '*') c += star;
    else if (ch == '?') c += '1';
    else c += ch;
  }
  add_unique(out, c);
}

std::string escape_pointer(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

const char* principal_kind_key(PrincipalKind k) {
  switch (k) {
    case PrincipalKind::aws: return "AWS";
    case PrincipalKind::federated: return "Federated";
    case PrincipalKind::service: return "Service";
    case PrincipalKind::canonical_user: return "CanonicalUser";
    case PrincipalKind::any: return "";
  }
  return "";
}

}  // namespace

NamedSegments read_sub_literal(const ProviderProfile& profile, const std::string& value) {
  NamedSegments n;
  const auto pieces = parse_template(profile.sub_template);
  std::size_t pos = 0;
  std::size_t segments = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const auto& p = pieces[i];
    if (!p.is_segment) {
      if (value.compare(pos, p.text.size(), p.text) != 0) {
        n.shape_ok = has_wildcard(value.substr(pos, p.text.size()));
        return n;
      }
      pos += p.text.size();
      continue;
    }
    std::size_t end = value.find(':', pos);
    if (end == std::string::npos) end = value.size();
    const std::string field = value.substr(pos, end - pos);
    if (has_wildcard(field)) return n;
    if (p.text == "team") n.team = field;
    else if (p.text == "project") n.project = field;
    else if (p.text == "environment") n.environment = field;
    ++segments;
    pos = end;
  }
  n.complete = segments == 3 && pos == value.size();
  if (pos != value.size()) n.shape_ok = false;
  return n;
}

LintContext::LintContext(const CompiledPolicy& policy, const LintOptions& options, const ProviderProfile& profile)
    : policy_(policy), options_(options), profile_(profile) {
  WhoOptions who;
  who.limits = options.limits;
  prover_ = std::make_unique<ProverContext>(profile, who);
  audience_ = SegmentDomain::free_text("audience", prover_->budget);
  audience_.preferred_examples = {"sts.amazonaws.com", "https://example.com"};

  teams_ = options.teams.empty() ? teams_named(document(), profile) : options.teams;
  std::vector<std::string> team_examples, project_examples, env_examples = {"staging", "prod-eu"};
  for (const auto& t : teams_) {
    add_unique(team_examples, t + "-evil");
    add_unique(team_examples, "evil-" + t);
  }
  for (const auto& st : document().statements) {
    for (const auto& c : st.conditions) {
      if (claim_key(c.key).claim != "sub") continue;
      for (const auto& v : c.values) {
        // Names the policy mentions: fields between the template's labels, literal ones only.
        const auto f = split(named_text(c, v.text), ':');
        if (f.size() > 3 && f[2] == "project" && !has_wildcard(f[3])) add_unique(projects_, f[3]);
        if (f.size() > 5 && f[4] == "environment" && !has_wildcard(f[5])) add_unique(environments_, f[5]);
        if (f.size() > 1 && f[0] == "owner") add_glob_candidates(team_examples, f[1], "-evil");
        if (f.size() > 3 && f[2] == "project") add_glob_candidates(project_examples, f[3], "-new");
        if (f.size() > 5 && f[4] == "environment") add_glob_candidates(env_examples, f[5], "-eu");
      }
    }
  }
  if (!options.projects.empty()) projects_ = options.projects;
  if (!options.environments.empty()) environments_ = options.environments;
  for (const char* t : {"other-team", "evil-corp"}) add_unique(team_examples, t);
  for (const auto& p : projects_) add_unique(project_examples, p + "-new");
  for (const char* p : {"other-project", "web", "api"}) add_unique(project_examples, p);
  prover_->domains[kTeam].preferred_examples = team_examples;
  prover_->domains[kProject].preferred_examples = project_examples;
  prover_->domains[kEnvironment].preferred_examples = env_examples;
}

// Every proof of the run draws on the prover context's budget (allowed_set_within), so the run as
// a whole does no more work than one limit allows; the first proof that ran out is remembered.
Result<AllowedSet> LintContext::bounded_proof(const CompiledPolicy& policy, const WhoOptions& who,
                                              PolicyRegions* regions) const {
  auto set = allowed_set_with_regions(policy, profile_, who, prover_->budget, regions);
  note_out_of_work(set);
  return set;
}

void LintContext::note_out_of_work(const Result<AllowedSet>& set) const {
  if (set.ok() || out_of_work_) return;
  for (const auto& d : set.diagnostics()) {
    if (d.code == "TL095") out_of_work_ = d;
  }
}

std::optional<Diagnostic> LintContext::incomplete() const {
  if (!out_of_work_ && !prover_->budget.exceeded) return std::nullopt;
  // Where the proof that ran out stopped; spent in lint's own set computations (no proof
  // failed): the first statement.
  Span where = document().span;
  if (!document().statements.empty()) where = document().statements.front().span;
  if (out_of_work_) where = out_of_work_->span;
  return make_error("TL095",
                    "the policy's patterns need more work than one lint run may do (" +
                        std::to_string(options_.limits.max_automaton_states) + " automaton states, " +
                        std::to_string(prover_->budget.total()) +
                        " steps of work in all proofs together); lint stopped proving here",
                    where);
}

bool LintContext::prove_policy(Diagnostics& diagnostics) {
  WhoOptions who;
  who.limits = options_.limits;
  auto set = bounded_proof(policy_, who, &regions_);
  if (!set.ok()) {
    for (auto& d : set.diagnostics()) diagnostics.push_back(d);
    return false;
  }
  allowed_ = std::move(set).value();
  return true;
}

const AllowedSet* LintContext::allowed_any_audience() {
  if (!any_audience_) {
    WhoOptions who;
    who.limits = options_.limits;
    who.any_audience = true;
    // Derived from the main proof (its regions keep what it needs) rather than proved again.
    auto set = allowed_ && regions_.memo ? any_audience_from(policy_, profile_, who, prover_->budget, regions_, &any_regions_)
                                         : bounded_proof(policy_, who, &any_regions_);
    note_out_of_work(set);
    any_audience_.emplace(set.ok() ? std::optional<AllowedSet>(std::move(set).value()) : std::nullopt);
  }
  return any_audience_->has_value() ? &**any_audience_ : nullptr;
}

PolicyRegions* LintContext::regions(bool any_audience) {
  if (!any_audience) return allowed_ ? &regions_ : nullptr;
  return allowed_any_audience() != nullptr ? &any_regions_ : nullptr;
}

std::optional<AllowedSet> LintContext::prove(const Document& variant, bool any_audience) const {
  auto compiled = compile(variant);
  if (!compiled.ok()) return std::nullopt;
  WhoOptions who;
  who.limits = options_.limits;
  who.any_audience = any_audience;
  auto set = bounded_proof(compiled.value(), who);
  if (!set.ok()) return std::nullopt;
  return std::move(set).value();
}

bool LintContext::is_vercel_provider(const std::string& name) const {
  if (name == profile_.global_provider) return true;
  const std::string prefix = profile_.team_provider.substr(0, profile_.team_provider.find('{'));
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return false;
  return domain(kTeam).valid(name.substr(prefix.size()));
}

ClaimKey LintContext::claim_key(const std::string& key) const {
  ClaimKey k;
  const auto colon = key.rfind(':');
  if (colon == std::string::npos) return k;
  k.provider = key.substr(0, colon);
  k.claim = fold_key(key.substr(colon + 1));
  k.oidc = k.provider.find_first_of("./") != std::string::npos;
  const std::string folded = fold_key(k.provider);
  if (folded == fold_key(profile_.global_provider)) {
    k.vercel = true;
    k.mode = IssuerMode::global;
    return k;
  }
  const std::string prefix = fold_key(profile_.team_provider.substr(0, profile_.team_provider.find('{')));
  if (folded.size() > prefix.size() && folded.compare(0, prefix.size(), prefix) == 0) {
    k.vercel = true;
    k.mode = IssuerMode::team;
    k.team = folded.substr(prefix.size());
  }
  return k;
}

bool LintContext::wildcard_principal(const Statement& st) const {
  if (st.principal.negated) return true;
  return std::any_of(st.principal.entries.begin(), st.principal.entries.end(), [](const PrincipalEntry& e) {
    return e.kind == PrincipalKind::any || (e.kind == PrincipalKind::aws && e.value.text == "*");
  });
}

bool LintContext::admits_vercel(const Statement& st) const {
  if (wildcard_principal(st)) return true;
  return std::any_of(st.principal.entries.begin(), st.principal.entries.end(), [&](const PrincipalEntry& e) {
    return e.kind == PrincipalKind::federated && is_vercel_provider(oidc_provider_name(e.value.text));
  });
}

std::vector<std::string> LintContext::foreign_providers(const Statement& st) const {
  std::vector<std::string> out;
  for (const auto& e : st.principal.entries) {
    if (e.kind != PrincipalKind::federated) continue;
    std::string name = oidc_provider_name(e.value.text);
    if (name.empty() && e.value.text.rfind("arn:", 0) != 0) name = e.value.text;  // accounts.google.com
    if (!name.empty() && !is_vercel_provider(name)) add_unique(out, name);
  }
  return out;
}

Finding LintContext::make(const std::string& rule, std::string message, const Span& span, std::string pointer) const {
  return catalogued_finding(rule, std::move(message), span, std::move(pointer));
}

bool LintContext::has(const std::string& rule) const {
  return std::any_of(findings_.begin(), findings_.end(), [&](const Finding& f) { return f.rule == rule; });
}

std::string statement_pointer(const Document& document, const Statement& st) {
  return document.statement_array ? "/Statement/" + std::to_string(st.index) : std::string("/Statement");
}

std::string condition_pointer(const Document& document, const Statement& st, const Condition& c) {
  return statement_pointer(document, st) + "/Condition/" + escape_pointer(c.op_text) + "/" + escape_pointer(c.key);
}

std::string value_pointer(const Document& document, const Statement& st, const Condition& c, std::size_t value) {
  const std::string base = condition_pointer(document, st, c);
  return c.values_array ? base + "/" + std::to_string(value) : base;
}

std::string principal_pointer(const Document& document, const Statement& st, const PrincipalEntry* entry) {
  std::string p = statement_pointer(document, st) + (st.principal.negated ? "/NotPrincipal" : "/Principal");
  if (entry != nullptr && entry->kind != PrincipalKind::any) {
    p += std::string("/") + principal_kind_key(entry->kind);
    // Several values of one kind are an array: name the entry's element. (One value may be a
    // string or a one-element array; the model does not say which, so the pointer stops at the
    // kind.)
    std::size_t same = 0, index = 0;
    for (const auto& e : st.principal.entries) {
      if (&e == entry) index = same;
      if (e.kind == entry->kind) ++same;
    }
    if (same > 1) p += "/" + std::to_string(index);
  }
  return p;
}

}  // namespace trustlint::internal
