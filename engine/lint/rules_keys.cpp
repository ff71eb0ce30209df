// TL203: condition keys that no token the statement admits can carry (docs/semantics.md#absent-keys, docs/semantics.md#oidc-provider-key-prefix,
// docs/semantics.md#generic-oidc-keys), and TL307: a principal that names a Vercel provider in another case. The key's verdict on an absent key comes from the evaluator; the witness comes from a
// re-proof of the policy with the key written as meant (the statement's provider, or the claim
// matched inside sub), so the finding shows who is let in or kept out because of the mistake.
#include <algorithm>

#include "condition/compiled_condition.h"
#include "condition/text.h"
#include "eval/principal_match.h"
#include "lint/deployment_sets.h"
#include "lint/rules.h"
#include "source/diagnostic_sink.h"

namespace trustlint::internal {
namespace {

std::vector<std::string> principal_providers(const Statement& st) {
  std::vector<std::string> out;
  for (const auto& e : st.principal.entries) {
    if (e.kind != PrincipalKind::federated) continue;
    std::string name = oidc_provider_name(e.value.text);
    if (name.empty() && e.value.text.rfind("arn:", 0) != 0) name = e.value.text;
    if (!name.empty()) out.push_back(name);
  }
  return out;
}

// The sub pattern that matches what a condition on Vercel's own claim `claim` meant.
std::optional<std::string> sub_pattern_for(const std::string& claim, const std::string& value) {
  if (claim == "owner") return "owner:" + value + ":*";
  if (claim == "project") return "*:project:" + value + ":environment:*";
  if (claim == "environment") return "*:environment:" + value;
  return std::nullopt;
}

// The policy with condition ci of `st` keyed as meant; nullopt when there is no clear meaning.
std::optional<Document> corrected(const LintContext& ctx, const Statement& st, std::size_t ci, const ClaimKey& key,
                                  const std::string& provider, std::string& written_as) {
  Document doc = ctx.document();
  Condition& c = doc.statements[st.index].conditions[ci];
  if (key.claim == "sub" || key.claim == "aud") {
    c.key = provider + ":" + key.claim;
  } else {
    for (auto& v : c.values) {
      auto pattern = sub_pattern_for(key.claim, v.text);
      if (!pattern) return std::nullopt;
      v.text = *pattern;
    }
    c.key = provider + ":sub";
    c.op.kind = MatchKind::string_like;
    c.op_text = operator_name(c.op);
  }
  c.key_folded = fold_key(c.key);
  written_as = c.op_text + " " + c.key;
  if (key.claim != "sub" && key.claim != "aud" && !c.values.empty()) written_as += " " + quote(c.values[0].text);
  return doc;
}

void check_condition(LintContext& ctx, const Statement& st, std::size_t ci, const std::vector<std::string>& providers) {
  const Condition& c = st.conditions[ci];
  const ClaimKey key = ctx.claim_key(c.key);
  if (!key.oidc) return;
  const std::string folded = fold_key(key.provider);
  // {"Federated": "*"} admits a token of any provider (the reading can and who use too), so
  // every provider's keys can be present.
  const bool prefix_ok = std::any_of(providers.begin(), providers.end(),
                                     [&](const std::string& p) { return p == "*" || fold_key(p) == folded; });
  std::string problem;
  if (!prefix_ok) {
    std::string names;
    for (const auto& p : providers) names += (names.empty() ? "" : ", ") + p;
    problem = "the key " + quote(c.key) + " has the prefix " + quote(key.provider) +
              ", which is not the provider in this statement's Principal (" + names +
              "): no token the statement admits carries it";
  } else if (key.vercel && key.claim != "sub" && key.claim != "aud") {
    problem = "IAM exposes only sub and aud of a Vercel token as condition keys; " + quote(c.key) +
              " is never present (Vercel's owner, project and environment claims are not condition keys)";
  } else {
    return;
  }
  // The verdict on the absent key, from the evaluator.
  Request absent;
  absent.provider = providers.empty() ? std::string() : providers.front();
  auto cc = CompiledCondition::compile(c, ctx.document().variables_enabled());
  if (!cc.has_value()) return;
  const bool holds = cc.value().evaluate(absent).result;
  std::string effect;
  if (holds) effect = "so this " + c.op_text + " condition always holds and restricts nothing";
  else if (st.effect == Effect::allow) effect = "so this condition never holds and statement " + st.label() + " never applies";
  else effect = "so this condition never holds and Deny " + st.label() + " never fires";
  // The key is what is wrong, so the finding points at it.
  Finding f = ctx.make("TL203", problem + ", " + effect, c.key_span, condition_pointer(ctx.document(), st, c));
  // Who the mistake lets in or keeps out: compare with the key written as meant.
  std::string vercel_provider;
  for (const auto& p : providers) {
    if (ctx.is_vercel_provider(p)) {
      vercel_provider = p;
      break;
    }
  }
  std::string written_as;
  if (!vercel_provider.empty()) {
    if (auto doc = corrected(ctx, st, ci, key, vercel_provider, written_as)) {
      f.fix = "Write the condition as " + written_as + ".";
      if (auto meant = ctx.prove(*doc)) {
        if (auto e = example_not_in(ctx, ctx.allowed(), *meant); e && e->extras.empty()) {
          attach_witness(ctx, f, e->facts, true, std::nullopt, "can assume the role; with " + written_as + " it could not");
        } else if (auto e2 = example_not_in(ctx, *meant, ctx.allowed()); e2 && e2->extras.empty()) {
          attach_witness(ctx, f, e2->facts, false, std::nullopt, "cannot assume the role; with " + written_as + " it could");
        }
      }
    }
  }
  add_finding(ctx, std::move(f));
}

// TL307: a Federated principal names a Vercel provider in another case ("oidc.vercel.com/Acme").
// Provider URLs are case-sensitive and Vercel's issuers are lowercase, so no Vercel token is ever
// accepted through it; when that leaves nobody, TL205 says so too.
void check_provider_case(LintContext& ctx, const Statement& st) {
  for (const auto& e : st.principal.entries) {
    if (e.kind != PrincipalKind::federated) continue;
    const std::string name = oidc_provider_name(e.value.text);
    if (name.empty() || ctx.is_vercel_provider(name)) continue;
    const std::string meant = ascii_lowercase(name);
    if (!ctx.is_vercel_provider(meant)) continue;
    std::string message = "the principal names the OIDC provider " + name + ", which is not Vercel's issuer " + meant +
                          ": provider URLs are case-sensitive and Vercel's are lowercase, so no Vercel token is "
                          "accepted through it";
    std::vector<std::string> keyed;
    for (const auto& c : st.conditions) {
      const ClaimKey key = ctx.claim_key(c.key);
      if (key.vercel && fold_key(key.provider) == fold_key(meant) &&
          std::find(keyed.begin(), keyed.end(), key.provider) == keyed.end()) {
        keyed.push_back(key.provider);
      }
    }
    if (!keyed.empty()) message += " (the condition keys name " + keyed.front() + ", a different provider)";
    Finding f = ctx.make("TL307", message, e.value.span, principal_pointer(ctx.document(), st, &e));
    f.fix = "Write the provider as Vercel issues it: " + meant + ".";
    // A deployment of that team, kept out (replayed), when the name holds a team.
    const ClaimKey as_key = ctx.claim_key(meant + ":sub");
    DeploymentFacts facts;
    facts.issuer = as_key.mode.value_or(IssuerMode::team);
    facts.team = as_key.team.empty() ? (ctx.expected_teams().empty() ? "acme" : ctx.expected_teams().front())
                                     : as_key.team;
    facts.project = ctx.named_projects().empty() ? "web" : ctx.named_projects().front();
    facts.environment = ctx.named_environments().empty() ? "production" : ctx.named_environments().front();
    if (auto request = request_of(ctx, facts); request && !evaluate(ctx.policy(), *request).allowed()) {
      attach_witness(ctx, f, facts, false);
    }
    add_finding(ctx, std::move(f));
  }
}

}  // namespace

void check_keys(LintContext& ctx) {
  for (const auto& st : ctx.document().statements) check_provider_case(ctx, st);
  for (const auto& st : ctx.document().statements) {
    if (ctx.wildcard_principal(st)) continue;  // every provider may send its keys
    const auto providers = principal_providers(st);
    if (providers.empty()) continue;
    for (std::size_t ci = 0; ci < st.conditions.size(); ++ci) check_condition(ctx, st, ci, providers);
  }
}

}  // namespace trustlint::internal
