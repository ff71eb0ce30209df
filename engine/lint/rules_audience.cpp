// TL207 and TL305: what changes when deployments request another audience through Vercel's
// token exchange (docs/semantics.md#vercel-custom-audiences). Both read the allowed set proved with
// WhoOptions::any_audience, whose parts carry the audiences a deployment may request.
#include <algorithm>

#include "lint/deployment_sets.h"
#include "lint/rules.h"

namespace trustlint::internal {
namespace {

const char* kExchangeNote =
    "a deployment chooses its audience through Vercel's token exchange; whether Vercel restricts which audiences may "
    "be requested is unverified (docs/semantics.md#vercel-custom-audiences, (u))";

std::string default_audience_glob(const ProviderProfile& p) {
  return p.aud_template.substr(0, p.aud_template.find('{')) + "*";
}

std::vector<const AllowedPart*> ordered(const AllowedSet& set) {
  std::vector<const AllowedPart*> out;
  for (const auto& p : set.parts) if (p.extra_conditions.empty()) out.push_back(&p);
  return out;
}

// TL305: some allowed deployment may carry an audience that is no Vercel default audience.
void check_unchecked_audience(LintContext& ctx, const AllowedSet& any, const SegmentDomain& auds) {
  for (const AllowedPart* p : ordered(any)) {
    if (!p->audience) continue;
    const ValueSet set = value_set_of(auds, *p->audience);
    auto other = set.minus(ValueSet::of_globs(auds, {default_audience_glob(ctx.profile())}));
    if (other.empty() || other.front().empty()) continue;
    DeploymentFacts facts = p->example;
    const ValueSet teams = value_set_of(ctx.domain(kTeam), p->team);
    for (const auto& t : ctx.expected_teams()) {
      if (teams.contains(t)) {
        facts.team = t;
        break;
      }
    }
    facts.audience = example_of(other.front());
    auto request = request_of(ctx, facts);
    if (!request) continue;
    auto where = admitting_location(ctx, *request, {"aud"});
    if (!where) continue;
    Finding f = ctx.make("TL305",
                         "the audience is not checked: a deployment that requests another audience, e.g. " +
                             *facts.audience + ", can still assume the role",
                         where->span, where->pointer);
    f.notes.push_back(kExchangeNote);
    f.notes.push_back("STS also checks aud against the IAM provider's client-ID list, which the trust policy cannot "
                      "see (docs/semantics.md#sts-checks)");
    if (attach_witness(ctx, f, facts, true)) {
      add_finding(ctx, std::move(f));
      return;
    }
  }
}

// TL207: with the default audience only expected teams get in (global issuer), but another
// team requesting an expected team's audience would.
void check_aud_only_pin(LintContext& ctx, const AllowedSet& any, const SegmentDomain& auds) {
  const auto& expected = ctx.expected_teams();
  if (expected.empty()) return;
  const ValueSet expected_set = ValueSet::of_globs(ctx.domain(kTeam), expected);
  for (const auto& p : ctx.allowed().parts) {
    if (p.issuer != IssuerMode::global) continue;
    auto others = value_set_of(ctx.domain(kTeam), p.team).minus(expected_set);
    if (!others.empty() && !others.front().empty()) return;  // TL101/TL102 already: the default audience suffices
  }
  for (const AllowedPart* p : ordered(any)) {
    if (p->issuer != IssuerMode::global || !p->audience) continue;
    auto others = value_set_of(ctx.domain(kTeam), p->team).minus(expected_set);
    if (others.empty() || others.front().empty()) continue;
    const ValueSet set = value_set_of(auds, *p->audience);
    DeploymentFacts facts = p->example;
    facts.team = example_of(others.front());
    facts.audience = example_of(set);
    for (const auto& t : expected) {
      const std::string aud = ctx.profile().aud_template.substr(0, ctx.profile().aud_template.find('{')) + t;
      if (set.contains(aud)) {
        facts.audience = aud;
        break;
      }
    }
    auto request = request_of(ctx, facts);
    if (!request) continue;
    auto where = admitting_location(ctx, *request, {"aud", "sub"});
    if (!where) continue;
    Finding f = ctx.make("TL207",
                         "under the global issuer only aud pins the team: a deployment of team " + facts.team +
                             " that requests the audience " + *facts.audience + " can assume the role",
                         where->span, where->pointer);
    f.notes.push_back(kExchangeNote);
    f.notes.push_back("exchanged tokens carry the team issuer, so a global-issuer provider may not accept them; "
                      "unverified (docs/semantics.md#vercel-custom-audiences, (u))");
    if (attach_witness(ctx, f, facts, true)) {
      add_finding(ctx, std::move(f));
      return;
    }
  }
}

}  // namespace

void check_audience(LintContext& ctx) {
  if (ctx.allowed().empty()) return;
  const AllowedSet* any = ctx.allowed_any_audience();
  if (any == nullptr) return;
  SegmentDomain auds = SegmentDomain::free_text("audience", ctx.prover().budget);
  auds.preferred_examples = {"sts.amazonaws.com", "https://example.com"};
  check_aud_only_pin(ctx, *any, auds);
  check_unchecked_audience(ctx, *any, auds);
}

}  // namespace trustlint::internal
