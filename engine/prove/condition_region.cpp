// Condition entry → region of the deployment space (see the header).
#include "prove/condition_region.h"

#include <algorithm>

#include "condition/key_catalogue.h"
#include "condition/variables.h"
#include "prove/claim_decomposition.h"
#include "prove/shared_automata.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

using KeyKind = RequestKey;

KeyKind classify(const std::string& folded_key, const std::string& provider) {
  return classify_request_key(folded_key, provider);
}

std::string describe(const Condition& c) {
  std::string out = c.key + " " + c.op_text;
  for (std::size_t i = 0; i < c.values.size(); ++i) out += (i ? ", " : " ") + c.values[i].text;
  if (c.values.empty()) out += " []";
  return out;
}

// A value with a policy variable whose key a Vercel request may carry (this provider's sub or
// aud, or an AWS key other than the session-tag keys) compares the claim with something that
// depends on the request itself, so it is not a fixed set of tokens: the prover keeps such a
// condition as an extra condition instead of guessing. Variables of keys no Vercel token carries
// resolve to their fallback (or to nothing) in value_glob.
bool depends_on_request(const Condition& c, const std::string& provider, bool variables_enabled) {
  if (!variables_enabled) return false;
  for (const auto& v : c.values) {
    ValueTemplate value;
    std::string error;
    if (!parse_policy_variables(v.text, value, error)) continue;  // malformed (TL075): matches nothing
    for (const auto& part : value.parts) {
      if (part.kind != TemplatePart::Kind::variable) continue;
      const std::string key = fold_key(part.text);
      // Session-tag keys come from a token claim Vercel never issues: absent (docs/semantics.md#request-keys).
      if (key.rfind("aws:requesttag/", 0) == 0 || key == "aws:tagkeys" || key == "sts:transitivetagkeys") continue;
      if (classify(key, provider) != KeyKind::absent) return true;
    }
  }
  return false;
}

// A value that is exactly the condition's own key as a variable ("${oidc.vercel.com/acme:sub}"
// under oidc.vercel.com/acme:sub) compares the claim with itself: the substituted value is
// literal (semantics.md on policy variables), so a positive operator always holds on a present
// claim and a negated one never does. Such a condition depends on nothing, so it is a constant.
bool compares_claim_with_itself(const Condition& c, bool variables_enabled) {
  if (!variables_enabled) return false;
  for (const auto& v : c.values) {
    ValueTemplate value;
    std::string error;
    if (!parse_policy_variables(v.text, value, error) || value.parts.size() != 1) continue;
    const auto& part = value.parts.front();
    if (part.kind == TemplatePart::Kind::variable && fold_key(part.text) == c.key_folded) return true;
  }
  return false;
}

// The value as a glob over the claim, or nullopt when it can match no token (docs/semantics.md#policy-variables variables are
// expanded; a literal '*', '?' or '$' can never appear in a claim of this provider).
// REQUIRES: !depends_on_request(): every variable names a key no Vercel request carries.
std::optional<std::string> value_glob(ProverContext& ctx, const Condition& c, const std::string& raw,
                                      bool variables_enabled) {
  const bool like = c.op.kind == MatchKind::string_like;
  ValueTemplate value = ValueTemplate::plain(raw);
  std::string error;
  if (variables_enabled && !parse_policy_variables(raw, value, error)) return std::nullopt;
  std::string glob;
  for (const auto& part : value.parts) {
    switch (part.kind) {
      case TemplatePart::Kind::escape:
        return std::nullopt;  // a literal '*', '?' or '$' never appears in a claim
      case TemplatePart::Kind::variable:
        if (!part.has_fallback) {
          ctx.note("a policy variable that no Vercel token can resolve makes its value match nothing (docs/semantics.md#policy-variables)");
          return std::nullopt;
        }
        ctx.note("a policy variable's default value was used for a key that Vercel tokens do not carry (docs/semantics.md#policy-variables)");
        if (part.fallback.find_first_of("*?") != std::string::npos) return std::nullopt;
        glob += part.fallback;
        break;
      case TemplatePart::Kind::text:
        for (const char ch : part.text) {
          if (!like && (ch == '*' || ch == '?')) return std::nullopt;  // StringEquals compares literally (docs/semantics.md#string-operators)
          glob.push_back(c.op.kind == MatchKind::string_equals_ignore_case && ch >= 'A' && ch <= 'Z'
                             ? static_cast<char>(ch - 'A' + 'a')
                             : ch);
        }
        break;
    }
  }
  return glob;
}

// decompose_claim_glob() through the process-wide SharedResults: the same claim glob is
// decomposed by the policy's proof, by the any-audience proof and by the lint rules that look at
// one value. Keyed by the template's pieces and the glob; the walk's work is spent again on a hit
// (replay_work), so the budget is what it would have been. Null when the decomposition failed.
std::shared_ptr<const std::vector<GlobProduct>> decomposed(ProverContext& ctx, const std::vector<TemplatePiece>& pieces,
                                                           const std::string& glob) {
  constexpr std::size_t kMaxProducts = 4096;
  std::string key = "4096|:|";
  for (const auto& piece : pieces) {
    key += piece.is_segment ? 's' : 'l';
    key += std::to_string(piece.text.size()) + ":" + piece.text;
  }
  key += '|';
  key += glob;
  auto& shared = SharedResults<std::vector<GlobProduct>>::instance();
  auto hit = shared.find(key);
  if (hit.value && replay_work(ctx.budget, hit.cost)) return hit.value;
  const bool was_exceeded = ctx.budget.exceeded;
  const std::size_t before = work_steps(ctx.budget);
  auto products = std::make_shared<std::vector<GlobProduct>>();
  if (!decompose_claim_glob(glob, pieces, ":", *products, kMaxProducts, &ctx.budget)) return nullptr;
  if (!was_exceeded && !ctx.budget.exceeded) shared.store(key, {products, work_steps(ctx.budget) - before});
  return products;
}

BoxSet claim_boxes(ProverContext& ctx, KeyKind kind, const std::string& glob, bool any_case = false) {
  BoxSet out;
  if (kind == KeyKind::aud && ctx.options.any_audience) {
    out.push_back(ctx.only(kAudience, ValueSet::of(ctx.domains[kAudience], {Glob(glob, any_case)})));
    return out;
  }
  const auto& pieces = kind == KeyKind::sub ? ctx.sub_pieces : ctx.aud_pieces;
  const auto products = decomposed(ctx, pieces, glob);
  if (!products) {
    ctx.budget.exceeded = true;
    return out;
  }
  for (const auto& product : *products) {
    Box b = ctx.everything();
    std::size_t factor = 0;
    for (const auto& piece : pieces) {
      if (!piece.is_segment) continue;
      const std::size_t d = piece.text == "team" ? kTeam : piece.text == "project" ? kProject : kEnvironment;
      b.dims[d] = b.dims[d].intersect(ValueSet::of_globs(ctx.domains[d], product[factor++]));
    }
    if (!b.empty()) out.push_back(std::move(b));
  }
  tidy(out, ctx.budget);
  return out;
}

}  // namespace

ConditionRegion condition_region(ProverContext& ctx, const CompiledCondition& cc, const std::string& provider,
                                 const Box& universe, bool variables_enabled) {
  const Condition& c = cc.condition();
  ConditionRegion r;
  const KeyKind kind = classify(c.key_folded, provider);
  r.audience = kind == KeyKind::aud;
  if (kind == KeyKind::extra) {
    r.kind = ConditionRegion::Kind::extra;
    r.extra_text = describe(c);
    return r;
  }
  if (kind != KeyKind::absent && c.op.is_string_family() && compares_claim_with_itself(c, variables_enabled)) {
    // One value equal to the claim itself: the OR over values holds (positive) or the NOT fails.
    r.value = !c.op.negated;
    if (!r.value) {
      r.why_false = describe(c) + " (line " + std::to_string(c.key_span.line) +
                    "): the value is the claim itself, so the negated operator never holds";
    }
    return r;
  }
  if (kind != KeyKind::absent && c.op.is_string_family() && depends_on_request(c, provider, variables_enabled)) {
    r.kind = ConditionRegion::Kind::extra;
    r.extra_text = describe(c) + " (a policy variable makes the value depend on the request)";
    return r;
  }
  Request probe;
  probe.provider = provider;
  if (kind == KeyKind::absent || !c.op.is_string_family()) {
    // Constant: decided by presence alone, or by an operator that no claim value can satisfy
    // (a `sub`/`aud` is never a number, date, boolean, IP address, ARN or base64 blob).
    if (kind == KeyKind::sub) {
      probe.set(c.key, expand_template(ctx.profile.sub_template, {{"team", "a"}, {"project", "a"}, {"environment", "production"}}));
    }
    if (kind == KeyKind::aud) probe.set(c.key, ctx.profile.default_audience("a"));
    const auto verdict = cc.evaluate(probe);
    r.value = verdict.result;
    if (verdict.unverified) {
      ctx.note(c.op_text + " on " + c.key + ": " + verdict.reason + " (a reading docs/semantics.md marks unverified)");
    }
    if (!r.value) r.why_false = describe(c) + " (line " + std::to_string(c.key_span.line) + "): " + verdict.reason;
    return r;
  }
  if (c.op.qualifier != Qualifier::none) {
    ctx.note(c.op_text + " on the single-valued claim " + c.key +
             " is read as the plain operator when the claim is present (unverified, docs/semantics.md#set-qualifiers)");
  }
  BoxSet positive;
  for (const auto& v : c.values) {
    if (auto glob = value_glob(ctx, c, v.text, variables_enabled)) {
      if (kind == KeyKind::aud && ctx.options.any_audience) {
        // A requested audience may hold upper-case letters: an IgnoreCase value admits every
        // case variant (IAM folds ASCII only), and a value with a character no audience has
        // matches nothing.
        const SegmentDomain& auds = ctx.domains[kAudience];
        std::string chars = *glob;
        chars.erase(std::remove_if(chars.begin(), chars.end(), [](char ch) { return ch == '*' || ch == '?'; }), chars.end());
        if (!auds.alphabet.contains(chars)) continue;
        const bool any_case = c.op.kind == MatchKind::string_equals_ignore_case;
        for (auto& b : claim_boxes(ctx, kind, *glob, any_case)) positive.push_back(std::move(b));
        continue;
      }
      for (auto& b : claim_boxes(ctx, kind, *glob)) positive.push_back(std::move(b));
    }
  }
  r.kind = ConditionRegion::Kind::region;
  r.boxes = c.op.negated ? minus(BoxSet{universe}, positive, ctx.budget) : intersect(BoxSet{universe}, positive, ctx.budget);
  if (r.boxes.empty()) {
    r.why_false = describe(c) + " (line " + std::to_string(c.key_span.line) +
                  "): no Vercel token that the statement's principal accepts can satisfy it";
  }
  return r;
}

}  // namespace trustlint::internal
