// allowed_set(): the exact set of deployments that can assume the role.
//
// The team issuer makes the provider name (and so every key prefix and the principal) depend on
// the team, so the space is split into classes in which principals and key presence are fixed:
// the global issuer (one class), and under the team issuer each team the policy names plus
// "every other team". Within a class every condition is a constant, a region or an extra
// condition (condition_region.h); a statement is the intersection of its conditions; the class's
// answer is (∪ Allow) − (∪ Deny), with Denies that carry extra conditions kept as "unless …".
#include <algorithm>
#include <set>

#include "eval/compiled_policy_impl.h"
#include "eval/principal_match.h"
#include "prove/condition_region.h"
#include "prove/describe_parts.h"
#include "prove/prover_context.h"
#include "prove/statement_regions.h"
#include "trustlint/vercel_policy.h"

namespace trustlint::internal {
namespace {

struct TeamClass {
  IssuerMode mode;
  std::string team;  // empty: every team not named
  std::string provider;
};

struct StatementRegion {
  const Statement* statement = nullptr;
  BoxSet boxes;
  std::vector<std::string> extras;
};

std::vector<std::string> named_teams(const CompiledPolicy& policy, const ProviderProfile& profile) {
  const auto pieces = parse_template(profile.team_provider);
  std::string prefix = pieces.empty() ? std::string() : pieces[0].text;
  std::vector<std::string> teams;
  auto consider = [&](const std::string& name) {
    if (prefix.empty() || name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return;
    const std::string team = name.substr(prefix.size());
    if (std::find(teams.begin(), teams.end(), team) == teams.end()) teams.push_back(team);
  };
  for (const auto& st : policy.document().statements) {
    for (const auto& e : st.principal.entries) {
      if (e.kind == PrincipalKind::federated) consider(oidc_provider_name(e.value.text));
    }
    // Key names are case-insensitive (docs/semantics.md#condition-block): "OIDC.Vercel.com/ACME:aud" names team acme's key,
    // so its team is read from the folded key (team slugs are lowercase, docs/semantics.md#vercel-name-alphabets).
    for (const auto& c : st.conditions) {
      const auto colon = c.key_folded.rfind(':');
      if (colon != std::string::npos) consider(c.key_folded.substr(0, colon));
    }
  }
  return teams;
}

class Prover {
 public:
  Prover(const CompiledPolicy& policy, ProverContext& ctx, std::vector<ClassRegions>* regions)
      : policy_(policy), ctx_(ctx), regions_(regions) {}

  std::vector<PartBoxes> run() {
    std::vector<PartBoxes> parts;
    const auto teams = named_teams(policy_, ctx_.profile);
    solve({IssuerMode::global, "", ctx_.profile.global_provider}, ctx_.everything(), parts);
    if (ctx_.budget.exceeded) return parts;
    for (const auto& t : teams) {
      const SegmentDomain& d = ctx_.domains[kTeam];
      if (!d.valid(t)) continue;  // a name no Vercel team can have: its keys are never present
      solve({IssuerMode::team, t, ctx_.profile.provider_name(IssuerMode::team, t)},
            ctx_.only(kTeam, ValueSet::of_globs(d, {t})), parts);
      if (ctx_.budget.exceeded) return parts;
    }
    ValueSet others = ValueSet::all(ctx_.domains[kTeam]);
    if (!teams.empty()) {
      auto rest = others.minus(ValueSet::of_globs(ctx_.domains[kTeam], teams));
      if (rest.empty()) return parts;
      others = rest.front();
    }
    // A provider name no policy can spell, so that only wildcard principals match "other" teams.
    solve({IssuerMode::team, "", ctx_.profile.provider_name(IssuerMode::team, "\x01")}, ctx_.only(kTeam, others), parts);
    return parts;
  }

  // Why nobody gets in, statement by statement: a statement whose principal matches in no class
  // is explained by its principal; otherwise by what stopped it where it did match.
  std::vector<std::string> reasons() const {
    std::vector<std::string> out;
    for (const auto& st : policy_.document().statements) {
      if (st.effect != Effect::allow) continue;
      const std::string head = "statement " + st.label() + " (line " + std::to_string(st.span.line) + "): ";
      if (!principal_matched_.count(st.index)) {
        out.push_back(head + "its Principal names no Vercel OIDC provider (" + ctx_.profile.global_provider + " or " +
                      ctx_.profile.team_provider + ")");
        continue;
      }
      for (const auto& r : reasons_) {
        if (r.first == st.index) out.push_back(head + r.second);
      }
    }
    return out;
  }

 private:
  void reason(const Statement& st, const std::string& why) {
    const std::pair<std::size_t, std::string> r{st.index, why};
    if (std::find(reasons_.begin(), reasons_.end(), r) == reasons_.end()) reasons_.push_back(r);
  }

  std::optional<StatementRegion> statement_region(const CompiledStatement& cs, const TeamClass& cls, const Box& universe) {
    const Statement& st = *cs.statement;
    const PrincipalMatch pm = match_principal(st.principal, cls.provider);
    if (pm.unverified) {
      ctx_.note("statement " + st.label() +
                " admits Vercel tokens only through a wildcard principal (\"*\", {\"AWS\": \"*\"} or {\"Federated\": "
                "\"*\"}); whether it admits web-identity callers is unverified (docs/semantics.md#principal), and trustlint "
                "assumes it admits a token of any provider, so the statement's conditions alone decide");
    }
    if (!pm.matched) return std::nullopt;
    principal_matched_.insert(st.index);
    if (!match_action(st.action, "sts:AssumeRoleWithWebIdentity")) {
      reason(st, "its Action does not cover sts:AssumeRoleWithWebIdentity");
      return std::nullopt;
    }
    StatementRegion sr;
    sr.statement = &st;
    sr.boxes = {universe};
    for (const auto& cc : cs.conditions) {
      auto r = condition_region(ctx_, cc, cls.provider, universe, policy_.document().variables_enabled());
      ctx_.blame(cc.condition().key_span);
      switch (r.kind) {
        case ConditionRegion::Kind::extra:
          sr.extras.push_back(r.extra_text);
          break;
        case ConditionRegion::Kind::constant:
          if (!r.value) {
            reason(st, r.why_false);
            return std::nullopt;
          }
          break;
        case ConditionRegion::Kind::region:
          sr.boxes = intersect(sr.boxes, r.boxes, ctx_.budget);
          ctx_.blame(cc.condition().key_span);
          if (sr.boxes.empty()) {
            reason(st, r.why_false.empty() ? "its conditions exclude each other" : r.why_false);
            return std::nullopt;
          }
          break;
      }
    }
    return sr;
  }

  void solve(const TeamClass& cls, const Box& universe, std::vector<PartBoxes>& parts) {
    if (universe.empty()) return;
    std::vector<StatementRegion> allows, hard_denies, soft_denies;
    for (const auto& cs : CompiledPolicyAccess::statements(policy_)) {
      if (ctx_.budget.exceeded) return;
      auto sr = statement_region(cs, cls, universe);
      if (!sr) continue;
      if (cs.statement->effect == Effect::allow) allows.push_back(std::move(*sr));
      else if (sr->extras.empty()) hard_denies.push_back(std::move(*sr));
      else soft_denies.push_back(std::move(*sr));
    }
    std::vector<BoxSet> lefts;  // each Allow's region minus the unconditional Denies, for record()
    BoxSet denied;
    for (const auto& d : hard_denies) denied.insert(denied.end(), d.boxes.begin(), d.boxes.end());
    for (const auto& a : allows) {
      BoxSet left = minus(a.boxes, denied, ctx_.budget);
      if (regions_ != nullptr) lefts.push_back(left);
      for (const auto& d : hard_denies) ctx_.blame(d.statement->span);
      if (left.empty()) {
        reason(*a.statement, "everything it allows is denied by a Deny statement");
        continue;
      }
      // Each conditional Deny splits the rest: outside it, or inside it "unless its conditions hold".
      std::vector<std::pair<BoxSet, std::vector<std::string>>> pieces = {{left, a.extras}};
      for (const auto& d : soft_denies) {
        std::vector<std::pair<BoxSet, std::vector<std::string>>> next;
        for (auto& [boxes, extras] : pieces) {
          BoxSet outside = minus(boxes, d.boxes, ctx_.budget);
          BoxSet inside = intersect(boxes, d.boxes, ctx_.budget);
          ctx_.blame(d.statement->span);
          if (!outside.empty()) next.emplace_back(std::move(outside), extras);
          if (!inside.empty()) {
            auto e = extras;
            std::string unless = "not all of (";
            for (std::size_t i = 0; i < d.extras.size(); ++i) unless += (i ? "; " : "") + d.extras[i];
            e.push_back(unless + ") [Deny " + d.statement->label() + "]");
            next.emplace_back(std::move(inside), std::move(e));
          }
        }
        pieces = std::move(next);
      }
      for (auto& [boxes, extras] : pieces) {
        for (auto& b : boxes) parts.push_back({cls.mode, std::move(b), extras});
      }
    }
    if (regions_ != nullptr) record(cls, allows, lefts, hard_denies, soft_denies);
  }

  // The class's statement regions, in policy order, for statement_regions.h.
  void record(const TeamClass& cls, const std::vector<StatementRegion>& allows, std::vector<BoxSet>& lefts,
              const std::vector<StatementRegion>& hard_denies, const std::vector<StatementRegion>& soft_denies) {
    ClassRegions c;
    c.mode = cls.mode;
    for (std::size_t i = 0; i < allows.size(); ++i) {
      const auto& sr = allows[i];
      c.statements.push_back({sr.statement->index, sr.statement->effect, sr.boxes, sr.extras, std::move(lefts[i])});
    }
    for (const auto* group : {&hard_denies, &soft_denies}) {
      for (const auto& sr : *group) {
        c.statements.push_back({sr.statement->index, sr.statement->effect, sr.boxes, sr.extras, {}});
      }
    }
    std::sort(c.statements.begin(), c.statements.end(),
              [](const StatementBoxes& a, const StatementBoxes& b) { return a.index < b.index; });
    regions_->push_back(std::move(c));
  }

  const CompiledPolicy& policy_;
  ProverContext& ctx_;
  std::vector<ClassRegions>* regions_;
  std::vector<std::pair<std::size_t, std::string>> reasons_;
  std::set<std::size_t> principal_matched_;
};

}  // namespace
}  // namespace trustlint::internal

namespace trustlint::internal {

// The proof, drawing on `shared` when given (allowed_set_within), and handing the regions it
// built to `regions` when given (allowed_set_with_regions).
Result<AllowedSet> prove_allowed_set(const CompiledPolicy& policy, const ProviderProfile& profile,
                                     const WhoOptions& options, StateBudget* shared, PolicyRegions* regions) {
  auto owned = std::make_unique<ProverContext>(profile, options);
  ProverContext& ctx = *owned;
  if (shared != nullptr) {
    ctx.budget.max_work = shared->total();
    ctx.budget.spent = shared->spent;
    ctx.budget.exceeded = shared->exceeded;
  }
  auto give_back = [&] {
    if (shared == nullptr) return;
    shared->spent = ctx.budget.spent;
    shared->exceeded = shared->exceeded || ctx.budget.exceeded;
  };
  if (options.any_audience) {
    ctx.note("--any-audience assumes a deployment may request any audience under either issuer; whether Vercel "
             "restricts requestable audiences, and whether global-issuer tokens can carry one, is unverified "
             "(docs/semantics.md#vercel-custom-audiences, docs/semantics.md#open-question-3)");
  }
  std::vector<ClassRegions> classes;
  Prover prover(policy, ctx, regions != nullptr ? &classes : nullptr);
  auto parts = ctx.budget.exceeded ? decltype(prover.run()){} : prover.run();
  AllowedSet set;
  if (!ctx.budget.exceeded) set = describe_parts(ctx, policy, std::move(parts));
  give_back();
  if (ctx.budget.exceeded) {
    // Every automaton, search and box comparison of the computation counts (automaton.h), so a
    // policy whose patterns need too much work stops here instead of running unbounded.
    Span where = ctx.exceeded_at ? *ctx.exceeded_at : Span{policy.document().file};
    if (!ctx.exceeded_at && !policy.document().statements.empty()) where = policy.document().statements.front().span;
    return Result<AllowedSet>::failure(make_error(
        "TL095",
        "the policy's patterns need more than " + std::to_string(options.limits.max_automaton_states) +
            " automaton states (or more than " + std::to_string(ctx.budget.total()) +
            " steps of work in all); raise the automaton state limit (max_automaton_states: --max-states of who, diff and test)",
        where));
  }
  if (set.parts.empty()) set.nobody_reasons = prover.reasons();
  set.other_principals = other_principals(policy.document(), profile);
  for (const auto& n : ctx.notes) set.notes.push_back(n);
  if (regions != nullptr) {
    regions->ctx = std::move(owned);
    regions->classes = std::move(classes);
  }
  return set;
}

Result<AllowedSet> allowed_set_within(const CompiledPolicy& policy, const ProviderProfile& profile,
                                      const WhoOptions& options, StateBudget& budget) {
  return prove_allowed_set(policy, profile, options, &budget, nullptr);
}

Result<AllowedSet> allowed_set_with_regions(const CompiledPolicy& policy, const ProviderProfile& profile,
                                            const WhoOptions& options, StateBudget& budget, PolicyRegions* regions) {
  return prove_allowed_set(policy, profile, options, &budget, regions);
}

}  // namespace trustlint::internal

namespace trustlint {

Result<AllowedSet> allowed_set(const CompiledPolicy& policy, const ProviderProfile& profile, const WhoOptions& options) {
  return internal::prove_allowed_set(policy, profile, options, nullptr, nullptr);
}

}  // namespace trustlint
