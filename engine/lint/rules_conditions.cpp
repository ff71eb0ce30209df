// TL201, TL202, TL204, TL206: what each value of a condition on a Vercel claim can match.
// A value's region is computed by the prover itself (condition_region on a one-value positive
// copy of the condition), within the deployments of the key's own provider, so "no token can
// carry it" is exact over Vercel's name alphabets (docs/semantics.md#vercel-name-alphabets).
#include <algorithm>

#include "condition/compiled_condition.h"
#include "lint/deployment_sets.h"
#include "lint/rules.h"
#include "prove/condition_region.h"
#include "source/diagnostic_sink.h"

namespace trustlint::internal {
namespace {

bool wildcard_outside_variables(const std::string& v, bool variables) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (variables && v.compare(i, 2, "${") == 0) {
      const auto close = v.find('}', i);
      if (close == std::string::npos) return false;
      i = close;
      continue;
    }
    if (v[i] == '*' || v[i] == '?') return true;
  }
  return false;
}

// The deployments of the key's provider (issuer class) whose claim matches value k, read as
// `kind`; nullopt when the question does not apply (variables, an invalid team in the key).
std::optional<BoxSet> value_region(LintContext& ctx, const Condition& c, std::size_t k, const ClaimKey& key,
                                   MatchKind kind) {
  const bool variables = ctx.document().variables_enabled();
  if (variables && c.values[k].text.find("${") != std::string::npos) return std::nullopt;
  Box universe = ctx.prover().everything();
  if (key.mode == IssuerMode::team) {
    if (!ctx.domain(kTeam).valid(key.team)) return std::nullopt;
    universe = ctx.prover().only(kTeam, ValueSet::of_globs(ctx.domain(kTeam), {key.team}));
  }
  Condition one = c;
  one.op = OperatorSpec{};
  one.op.kind = kind;
  one.op_text = operator_name(one.op);
  one.values = {c.values[k]};
  auto cc = CompiledCondition::compile(one, variables);
  if (!cc.has_value()) return std::nullopt;
  ConditionRegion r = condition_region(ctx.prover(), cc.value(), key.provider, universe, variables);
  if (r.kind != ConditionRegion::Kind::region) return std::nullopt;
  return r.boxes;
}

DeploymentFacts example_in(const Box& b, IssuerMode mode) {
  DeploymentFacts f;
  f.issuer = mode;
  f.team = example_of(b.dims[kTeam]);
  f.project = example_of(b.dims[kProject]);
  f.environment = example_of(b.dims[kEnvironment]);
  return f;
}

// "owner:{team}:project:…" → "owner:TEAM:project:…" for messages.
std::string readable(const std::string& tmpl) {
  std::string out;
  bool inside = false;
  for (char ch : tmpl) {
    if (ch == '{') inside = true;
    else if (ch == '}') inside = false;
    else out += inside ? static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch) : ch;
  }
  return out;
}

// Why no token of the key's provider carries a claim matching `value`.
std::string impossible_reason(const LintContext& ctx, const ClaimKey& key, const std::string& value) {
  const ProviderProfile& p = ctx.profile();
  if (key.claim == "sub") {
    const NamedSegments n = read_sub_literal(p, value);
    if (!n.shape_ok) return "a Vercel sub has the form " + readable(p.sub_template);
    for (const auto& [name, text] : {std::pair{"team", n.team}, {"project", n.project}, {"environment", n.environment}}) {
      const SegmentSpec* spec = p.segment(name);
      if (!text.empty() && spec != nullptr) {
        if (auto why = check_segment(*spec, text)) return *why;
      }
    }
    if (key.mode == IssuerMode::team && !n.team.empty() && n.team != key.team) {
      return "every token of " + key.provider + " has owner " + key.team;
    }
    if (n.complete || n.project.empty()) return "no Vercel sub matches it; a sub has the form " + readable(p.sub_template);
    return "no Vercel sub matches it";
  }
  if (const auto team = p.team_of_default_audience(value)) {
    if (const SegmentSpec* spec = p.segment("team")) {
      if (auto why = check_segment(*spec, *team)) return *why;
    }
    if (key.mode == IssuerMode::team) {
      return "the default audience of " + key.provider + "'s tokens is " + p.default_audience(key.team);
    }
  }
  return "Vercel's default audience is " + readable(p.aud_template);
}

void check_equals_wildcard(LintContext& ctx, const Statement& st, std::size_t ci, std::size_t k) {
  const Condition& c = st.conditions[ci];
  const std::string like = c.op.negated ? "StringNotLike" : "StringLike";
  Finding f = ctx.make("TL201",
                       c.op_text + " compares " + quote(c.values[k].text, 100) +
                           " literally: no Vercel token contains '*' or '?', so this value never matches; did you "
                           "mean " + like + "?",
                       c.values[k].span, value_pointer(ctx.document(), st, c, k));
  f.fix = "Use " + like + " for patterns.";
  Document variant = ctx.document();
  OperatorSpec& op = variant.statements[st.index].conditions[ci].op;
  op.kind = MatchKind::string_like;
  variant.statements[st.index].conditions[ci].op_text = operator_name(op);
  if (auto like_set = ctx.prove(variant)) {
    if (auto e = example_not_in(ctx, ctx.allowed(), *like_set); e && e->extras.empty()) {
      attach_witness(ctx, f, e->facts, true, std::nullopt, "can assume the role; with " + like + " it could not");
    } else if (auto e2 = example_not_in(ctx, *like_set, ctx.allowed()); e2 && e2->extras.empty()) {
      attach_witness(ctx, f, e2->facts, false, std::nullopt, "cannot assume the role; with " + like + " it could");
    }
  }
  if (st.effect == Effect::deny || c.op.negated) {
    f.notes.push_back("a value that never matches excludes nobody here: what it was meant to exclude gets in");
  }
  add_finding(ctx, std::move(f));
}

void check_like_without_wildcard(LintContext& ctx, const Statement& st, const Condition& c) {
  const bool variables = ctx.document().variables_enabled();
  if (c.values.empty()) return;
  for (const auto& v : c.values) {
    if (wildcard_outside_variables(v.text, variables)) return;
  }
  const std::string equals = c.op.negated ? "StringNotEquals" : "StringEquals";
  Finding f = ctx.make("TL202",
                       c.op_text + " without a wildcard in " +
                           (c.values.size() == 1 ? std::string("its value") : "any of its values") +
                           " means exactly " + equals + ": " + quote(c.values[0].text) + " matches only itself",
                       c.values[0].span, value_pointer(ctx.document(), st, c, 0));
  f.fix = "Use " + equals + ", or add the wildcard that was meant.";
  add_finding(ctx, std::move(f));
}

void check_impossible(LintContext& ctx, const Statement& st, const Condition& c, std::size_t k, const ClaimKey& key) {
  const MatchKind kind = c.op.kind;
  if (kind != MatchKind::string_like && wildcard_outside_variables(c.values[k].text, false)) return;  // TL201's
  auto region = value_region(ctx, c, k, key, kind);
  if (!region || !region->empty()) return;
  // An aud value is out of reach of the default audience only: a deployment may request any
  // audience through Vercel's token exchange, so "can never match" would be false for aud.
  const bool aud = key.claim == "aud";
  Finding f = ctx.make("TL204",
                       aud ? quote(c.values[k].text, 100) + " never matches Vercel's default audience: no token of " +
                                 key.provider + " carries an aud that matches it unless the deployment requests that "
                                 "audience through Vercel's token exchange (" +
                                 impossible_reason(ctx, key, c.values[k].text) + ")"
                           : quote(c.values[k].text, 100) + " can never match: no token of " + key.provider +
                                 " carries a sub that matches it (" + impossible_reason(ctx, key, c.values[k].text) +
                                 ")",
                       c.values[k].span, value_pointer(ctx.document(), st, c, k));
  if (aud) {
    f.notes.push_back("a deployment can request another audience through Vercel's token exchange; whether Vercel "
                      "restricts which ones is unverified (docs/semantics.md#vercel-custom-audiences, (u))");
    // Reachable on purpose when the deployments request it: a warning unless configured.
    const auto it = ctx.options().rules.find("TL204");
    if (it == ctx.options().rules.end() || !it->second.severity.has_value()) f.severity = Severity::warning;
  }
  if (st.effect == Effect::deny || c.op.negated) {
    f.notes.push_back("in a Deny or a negated operator a value that never matches excludes nobody");
  }
  add_finding(ctx, std::move(f));
}

// TL206: under the global issuer, a sub value and the aud condition admit disjoint teams.
void check_team_agreement(LintContext& ctx, const Statement& st) {
  struct Valued {
    const Condition* c;
    std::size_t k;
    std::vector<ValueSet> teams;
    BoxSet boxes;
  };
  std::vector<Valued> subs, auds;
  bool aud_seen = false, sub_seen = false;
  for (const auto& c : st.conditions) {
    const ClaimKey key = ctx.claim_key(c.key);
    if (!key.vercel || key.mode != IssuerMode::global || c.op.negated || !c.op.is_string_family()) continue;
    if (key.claim != "sub" && key.claim != "aud") continue;
    bool& seen = key.claim == "sub" ? sub_seen : aud_seen;
    if (seen) continue;  // the first condition on each claim
    seen = true;
    for (std::size_t k = 0; k < c.values.size(); ++k) {
      auto region = value_region(ctx, c, k, key, c.op.kind);
      if (!region || region->empty()) continue;
      Valued v{&c, k, {}, *region};
      for (const auto& b : *region) v.teams.push_back(b.dims[kTeam]);
      (key.claim == "sub" ? subs : auds).push_back(std::move(v));
    }
  }
  if (subs.empty() || auds.empty()) return;
  auto disjoint = [](const Valued& v, const std::vector<Valued>& others) {
    for (const auto& o : others) {
      for (const auto& a : v.teams) {
        for (const auto& b : o.teams) {
          if (!a.intersect(b).empty()) return false;
        }
      }
    }
    return true;
  };
  // Sub values first (the aud pin usually names the intended team); aud values only when no
  // sub value was reported, so that one mismatch is one finding.
  bool reported = false;
  for (const auto* group : {&subs, &auds}) {
    if (reported) break;
    const auto& others = group == &subs ? auds : subs;
    for (const auto& v : *group) {
      if (!disjoint(v, others)) continue;
      reported = true;
      const std::string other_claim = group == &subs ? "aud" : "sub";
      Finding f = ctx.make("TL206",
                           quote(v.c->values[v.k].text) + " admits only teams that the " + other_claim +
                               " condition of this statement never admits: aud and sub pin different teams, so this "
                               "value can never hold",
                           v.c->values[v.k].span, value_pointer(ctx.document(), st, *v.c, v.k));
      f.notes.push_back("with the default audience; a deployment may request another audience through Vercel's "
                        "token exchange (docs/semantics.md#vercel-custom-audiences, (u))");
      attach_witness(ctx, f, example_in(v.boxes.front(), IssuerMode::global), false);
      add_finding(ctx, std::move(f));
    }
  }
}

}  // namespace

void check_values(LintContext& ctx) {
  for (const auto& st : ctx.document().statements) {
    for (std::size_t ci = 0; ci < st.conditions.size(); ++ci) {
      const Condition& c = st.conditions[ci];
      if (c.op.kind == MatchKind::string_like) check_like_without_wildcard(ctx, st, c);
      const ClaimKey key = ctx.claim_key(c.key);
      if (!key.vercel || (key.claim != "sub" && key.claim != "aud") || !c.op.is_string_family()) continue;
      for (std::size_t k = 0; k < c.values.size(); ++k) {
        const bool literal_wildcard = c.op.kind != MatchKind::string_like &&
                                      !(ctx.document().variables_enabled() &&
                                        c.values[k].text.find("${") != std::string::npos) &&
                                      c.values[k].text.find_first_of("*?") != std::string::npos;
        if (literal_wildcard) check_equals_wildcard(ctx, st, ci, k);
        else check_impossible(ctx, st, c, k, key);
      }
    }
    if (ctx.admits_vercel(st)) check_team_agreement(ctx, st);
  }
}

}  // namespace trustlint::internal
