// allowed_set(): the exact set of deployments that can assume the role.
//
// The team issuer makes the provider name (and so every key prefix and the principal) depend on
// the team, so the space is split into classes in which principals and key presence are fixed:
// the global issuer (one class), and under the team issuer each team the policy names plus
// "every other team". Within a class every condition is a constant, a region or an extra
// condition (condition_region.h); a statement is the intersection of its conditions; the class's
// answer is (∪ Allow) − (∪ Deny), with Denies that carry extra conditions kept as "unless …".
// Lint needs the answer for the default audience and for any audience: the second is derived
// from the first proof (any_audience_from, proof_memo.h) instead of proving the policy again.
#include <algorithm>
#include <set>

#include "eval/compiled_policy_impl.h"
#include "eval/principal_match.h"
#include "prove/condition_region.h"
#include "prove/describe_parts.h"
#include "prove/proof_memo.h"
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
  // `memo`: the default-audience proof records its conditions' regions there (replay false), or
  // the any-audience answer takes them from it (replay true).
  Prover(const CompiledPolicy& policy, ProverContext& ctx, std::vector<ClassRegions>* regions,
         ProofMemo* memo = nullptr, bool replay = false)
      : policy_(policy), ctx_(ctx), regions_(regions), memo_(memo), replay_(replay) {}

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

  using MemoKey = std::tuple<std::size_t, std::size_t, std::size_t>;

  // The condition's region in this class; from the memo, or computed (and recorded).
  ConditionRegion region_of(const CompiledCondition& cc, const TeamClass& cls, const Box& universe, const MemoKey& key) {
    const bool variables = policy_.document().variables_enabled();
    if (memo_ == nullptr) return condition_region(ctx_, cc, cls.provider, universe, variables);
    if (replay_) {
      const auto it = memo_->conditions.find(key);
      if (it == memo_->conditions.end()) return condition_region(ctx_, cc, cls.provider, universe, variables);
      // Computed without the audience dimension; a condition that does not read aud leaves it whole.
      ConditionRegion r = it->second.region;
      ++memo_->conditions_reused;
      for (auto& b : r.boxes) b.dims.push_back(ValueSet::all(ctx_.domains[kAudience]));
      for (const auto& n : it->second.notes) ctx_.note(n);
      return r;
    }
    // Recording: the notes this condition gives, even those already given, replay with it.
    std::vector<std::string> before = std::move(ctx_.notes);
    ctx_.notes.clear();
    ConditionRegion r = condition_region(ctx_, cc, cls.provider, universe, variables);
    std::vector<std::string> given = std::move(ctx_.notes);
    ctx_.notes = std::move(before);
    for (const auto& n : given) ctx_.note(n);
    if (!r.audience && !ctx_.budget.exceeded) memo_->conditions.emplace(key, ProofMemo::Entry{r, std::move(given)});
    return r;
  }

  std::optional<StatementRegion> statement_region(const CompiledStatement& cs, const TeamClass& cls, const Box& universe,
                                                  std::size_t class_no) {
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
    for (std::size_t k = 0; k < cs.conditions.size(); ++k) {
      const auto& cc = cs.conditions[k];
      auto r = region_of(cc, cls, universe, {class_no, st.index, k});
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
    const std::size_t class_no = classes_solved_++;  // the same order in both audience modes
    if (universe.empty()) return;
    std::vector<StatementRegion> allows, hard_denies, soft_denies;
    for (const auto& cs : CompiledPolicyAccess::statements(policy_)) {
      if (ctx_.budget.exceeded) return;
      auto sr = statement_region(cs, cls, universe, class_no);
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
  ProofMemo* memo_;
  bool replay_;
  std::size_t classes_solved_ = 0;
  std::vector<std::pair<std::size_t, std::string>> reasons_;
  std::set<std::size_t> principal_matched_;
};

}  // namespace
}  // namespace trustlint::internal

namespace trustlint::internal {

// The proof in `owned`, drawing on `shared` when given (allowed_set_within), and handing the
// regions it built to `regions` when given (allowed_set_with_regions); with `memo`, recording
// into it or (replay) deriving the any-audience answer from it.
Result<AllowedSet> run_proof(const CompiledPolicy& policy, std::shared_ptr<ProverContext> owned, StateBudget* shared,
                             PolicyRegions* regions, std::shared_ptr<ProofMemo> memo, bool replay) {
  ProverContext& ctx = *owned;
  const WhoOptions& options = ctx.options;
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
  Prover prover(policy, ctx, regions != nullptr ? &classes : nullptr, memo.get(), replay);
  auto parts = ctx.budget.exceeded ? decltype(prover.run()){} : prover.run();
  AllowedSet set;
  if (!ctx.budget.exceeded) set = describe_parts(ctx, policy, std::move(parts), memo.get());
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
            " steps of work in all); raise the automaton state limit (max_automaton_states: --max-states of lint, who, diff and test)",
        where));
  }
  if (set.parts.empty()) set.nobody_reasons = prover.reasons();
  set.other_principals = other_principals(policy.document(), ctx.profile);
  for (const auto& n : ctx.notes) set.notes.push_back(n);
  if (regions != nullptr) {
    regions->ctx = std::move(owned);
    regions->classes = std::move(classes);
    regions->memo = std::move(memo);
  }
  return set;
}

Result<AllowedSet> prove_allowed_set(const CompiledPolicy& policy, const ProviderProfile& profile,
                                     const WhoOptions& options, StateBudget* shared, PolicyRegions* regions) {
  auto owned = std::make_shared<ProverContext>(profile, options);
  std::shared_ptr<ProofMemo> memo;
  if (regions != nullptr && !options.any_audience) {
    // Kept for any_audience_from, which adds the audience domain: room for it now, so that adding
    // it later moves no domain the value sets point to.
    owned->domains.reserve(kAudience + 1);
    memo = std::make_shared<ProofMemo>();
  }
  return run_proof(policy, std::move(owned), shared, regions, std::move(memo), /*replay=*/false);
}

Result<AllowedSet> allowed_set_within(const CompiledPolicy& policy, const ProviderProfile& profile,
                                      const WhoOptions& options, StateBudget& budget) {
  return prove_allowed_set(policy, profile, options, &budget, nullptr);
}

Result<AllowedSet> allowed_set_with_regions(const CompiledPolicy& policy, const ProviderProfile& profile,
                                            const WhoOptions& options, StateBudget& budget, PolicyRegions* regions) {
  return prove_allowed_set(policy, profile, options, &budget, regions);
}

Result<AllowedSet> any_audience_from(const CompiledPolicy& policy, const ProviderProfile& profile,
                                     const WhoOptions& options, StateBudget& budget, PolicyRegions& main,
                                     PolicyRegions* regions) {
  ProverContext* ctx = main.ctx.get();
  const bool room = ctx != nullptr && main.memo != nullptr && !ctx->options.any_audience &&
                    ctx->domains.size() == kAudience && ctx->domains.capacity() > kAudience;
  if (!room) {  // not a kept default-audience proof (or derived from already): prove it whole
    WhoOptions any = options;
    any.any_audience = true;
    return prove_allowed_set(policy, profile, any, &budget, regions);
  }
  // The same context as the main proof (its domains, and the answers already decided in them),
  // now with the audience as a fourth dimension, as a proof with any_audience would have it.
  ctx->domains.push_back(SegmentDomain::free_text("audience", ctx->budget));
  ctx->domains[kAudience].preferred_examples = {"sts.amazonaws.com"};
  ctx->options.any_audience = true;
  ctx->notes.clear();  // the main proof's, handed out with its answer
  ctx->exceeded_at.reset();
  return run_proof(policy, main.ctx, &budget, regions, main.memo, /*replay=*/true);
}

}  // namespace trustlint::internal

namespace trustlint {

Result<AllowedSet> allowed_set(const CompiledPolicy& policy, const ProviderProfile& profile, const WhoOptions& options) {
  return internal::prove_allowed_set(policy, profile, options, nullptr, nullptr);
}

}  // namespace trustlint
