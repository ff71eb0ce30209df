// TL207 and TL305: what changes when deployments request another audience through Vercel's
// token exchange (docs/semantics.md#vercel-custom-audiences). Both read the allowed set proved with
// WhoOptions::any_audience, whose parts carry the audiences a deployment may request.
#include <algorithm>

#include "condition/text.h"
#include "lint/deployment_sets.h"
#include "lint/rules.h"

namespace trustlint::internal {
namespace {

const char* kExchangeNote =
    "a deployment chooses its audience through Vercel's token exchange; whether Vercel restricts which audiences may "
    "be requested is unverified (docs/semantics.md#vercel-custom-audiences, (u))";

// The default audiences, and the ASCII case variants of those an IgnoreCase condition admits
// (HTTPS://VERCEL.COM/ACME in any case): IAM compares them as the same audience, so a policy and
// its lowercase twin get the same TL305 verdict (the audience is checked either way).
Globs default_audiences_any_case(const ProviderProfile& p, const GlobSet& audience) {
  Globs out{Glob(p.default_audience_glob())};
  for (const auto& t : audience.match_any_case) {
    const auto team = p.team_of_default_audience(ascii_lowercase(t));
    if (team && !team->empty()) out.emplace_back(t, /*any_case=*/true);
  }
  return out;
}

// Unconditional parts first (their witnesses replay as they are), then the parts allowed only
// under extra conditions (aws:SourceIp, ...), which a finding must not overlook.
std::vector<const AllowedPart*> ordered(const AllowedSet& set, bool with_conditional = false) {
  std::vector<const AllowedPart*> out;
  for (const auto& p : set.parts) if (p.extra_conditions.empty()) out.push_back(&p);
  if (with_conditional) {
    for (const auto& p : set.parts) if (!p.extra_conditions.empty()) out.push_back(&p);
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// TL305: some allowed deployment may carry an audience that is no Vercel default audience.
void check_unchecked_audience(LintContext& ctx, const AllowedSet& any, const SegmentDomain& auds) {
  for (const AllowedPart* p : ordered(any, /*with_conditional=*/true)) {
    if (!p->audience) continue;
    const ValueSet set = value_set_of(auds, *p->audience);
    auto other = set.minus(ValueSet::of(auds, default_audiences_any_case(ctx.profile(), *p->audience)));
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
    const bool conditional = !p->extra_conditions.empty();
    auto where = admitting_location(ctx, *request, {"aud"});
    if (!where && conditional) where = fallback_location(ctx);
    if (!where) continue;
    Finding f = ctx.make("TL305",
                         "the audience is not checked: a deployment that requests another audience, e.g. " +
                             *facts.audience + ", can still assume the role" +
                             (conditional ? " (when " + joined(p->extra_conditions) + ")" : std::string()),
                         where->span, where->pointer);
    f.notes.push_back(kExchangeNote);
    f.notes.push_back("STS also checks aud against the IAM provider's client-ID list, which the trust policy cannot "
                      "see (docs/semantics.md#sts-checks)");
    if (conditional) {
      // The extra conditions are on keys the deployment's token does not decide: no replayable
      // witness, the conditions are named instead (as TL101-TL105 do).
      f.notes.push_back("only when: " + joined(p->extra_conditions) + "; e.g. " + describe_deployment(facts));
      add_finding(ctx, std::move(f));
      return;
    }
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
      const std::string aud = ctx.profile().default_audience(t);
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
  const SegmentDomain& auds = ctx.domain(kAudience);
  check_aud_only_pin(ctx, *any, auds);
  check_unchecked_audience(ctx, *any, auds);
}

}  // namespace trustlint::internal
