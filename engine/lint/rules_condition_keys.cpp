// TL060–TL063, TL065, TL209: condition keys read against the AWS key catalogue (rules/condition_keys.yaml) and
// the provider profiles: a key that does not exist (with the nearest one, and what its absence
// does to the statement), a deprecated or unsupported key, a set qualifier on a single-valued
// key, an operator of another type than the key's, and aws:SourceIp with only private ranges, which no request to STS over the internet
// carries (shown with a request from a public address, replayed on the whole policy); and a key the
// catalogue marks as never in a web-identity request (aws:SourceAccount) in a web-identity statement.
#include <algorithm>

#include "condition/compiled_condition.h"
#include "condition/ip.h"
#include "condition/key_catalogue.h"
#include "eval/principal_match.h"
#include "lint/lint_context.h"
#include "lint/rules_plain.h"
#include "provider/federation_profiles.h"
#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

const char* kPublicAddress = "76.76.21.21";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return fold_key(x) == s; });
}

// What a condition that is always false (true) does to its statement.
std::string consequence(const Statement& st, bool always) {
  if (!always) {
    return st.effect == Effect::deny ? "this Deny never applies" : "Allow " + st.label() + " admits nobody";
  }
  return st.effect == Effect::deny ? "this Deny refuses every request" : "the condition keeps nobody out";
}

void check_unknown_key(PlainContext& ctx, const Statement& st, const Condition& c) {
  if (!catalogued_service(c.key)) return;
  const KeyInfo* info = find_key(c.key);
  if (info == nullptr) {
    auto compiled = CompiledCondition::compile(c, ctx.document.variables_enabled());
    const bool absent_value = compiled.ok() && compiled.value().evaluate(Request{}).result;
    std::string message = c.key + " is not a condition key";
    if (auto near = nearest_key(c.key)) message += " (did you mean " + *near + "?)";
    message += ": no request carries it, so " + consequence(st, absent_value);
    Finding f = ctx.make("TL060", std::move(message), c.key_span, condition_pointer(ctx.document, st, c));
    f.notes.push_back("checked against the AWS global condition keys and STS's keys (rules/condition_keys.yaml); "
                      "trustlint reads an unlisted aws: or sts: key as absent from every request");
    ctx.add(std::move(f));
    return;
  }
  if (!info->deprecated_by.empty() || !info->unsupported.empty()) {
    std::string message = info->deprecated_by.empty() ? c.key + " is not supported: " + info->unsupported
                                                      : c.key + " is deprecated: use " + info->deprecated_by;
    Finding f = ctx.make("TL061", std::move(message), c.key_span, condition_pointer(ctx.document, st, c));
    ctx.add(std::move(f));
  }
}

// Is the key known to carry one value at most? Only keys whose provider trustlint knows.
bool single_valued(const std::string& key) {
  if (catalogued_service(key)) {
    const KeyInfo* info = find_key(key);
    return info != nullptr && !info->multi_valued;
  }
  const auto k = key_parts(key);
  if (!k) return false;
  if (is_vercel_provider_name(k->provider)) return k->claim == "sub" || k->claim == "aud";
  for (const auto& p : federation_profiles()) {
    if (p.mode_of(k->provider)) return contains(p.claims, k->claim) && !contains(p.multi_valued_claims, k->claim);
  }
  if (const BuiltinProvider* b = builtin_federation().find(k->provider)) {
    return fold_key(b->key) == fold_key(key) || k->claim == "sub";
  }
  // Any other OIDC provider: sub is one string (OpenID Connect Core); aud may be a list.
  return k->provider.find_first_of("./") != std::string::npos && k->claim == "sub";
}

// The catalogue's word for an operator's family.
const char* family_of(MatchKind k) {
  switch (k) {
    case MatchKind::string_equals:
    case MatchKind::string_equals_ignore_case:
    case MatchKind::string_like: return "string";
    case MatchKind::numeric_equals:
    case MatchKind::numeric_less_than:
    case MatchKind::numeric_less_than_equals:
    case MatchKind::numeric_greater_than:
    case MatchKind::numeric_greater_than_equals: return "numeric";
    case MatchKind::date_equals:
    case MatchKind::date_less_than:
    case MatchKind::date_less_than_equals:
    case MatchKind::date_greater_than:
    case MatchKind::date_greater_than_equals: return "date";
    case MatchKind::bool_equals: return "bool";
    case MatchKind::binary_equals: return "binary";
    case MatchKind::ip_address: return "ip";
    case MatchKind::arn_like: return "arn";
    case MatchKind::null_check: return "";
  }
  return "";
}

// TL065: an operator whose family does not fit the key's type (StringEquals on aws:CurrentTime).
void check_type(PlainContext& ctx, const Statement& st, const Condition& c) {
  if (!catalogued_service(c.key)) return;
  const KeyInfo* info = find_key(c.key);
  const std::string family = family_of(c.op.kind);
  if (info == nullptr || info->type.empty() || family.empty()) return;
  std::vector<std::string> types;
  for (std::size_t i = 0, j; i < info->type.size(); i = j + 1) {
    j = info->type.find(' ', i);
    if (j == std::string::npos) j = info->type.size();
    types.push_back(info->type.substr(i, j - i));
  }
  if (std::find(types.begin(), types.end(), "arn") != types.end()) types.push_back("string");
  if (std::find(types.begin(), types.end(), family) != types.end()) return;
  Finding f = ctx.make("TL065",
                       c.op_text + " compares " + c.key + " as " + (family == "ip" ? "an IP address" : "a " + family) +
                           ", but the key is " + (types.front() == "ip" ? "an IP address" : "a " + types.front()) +
                           ": the comparison does not mean what it says (Access Analyzer: type mismatch)",
                       c.key_span, condition_pointer(ctx.document, st, c));
  f.fix = "Use an operator of the key's type (" + types.front() + ").";
  ctx.add(std::move(f));
}

void check_qualifier(PlainContext& ctx, const Statement& st, const Condition& c) {
  if (c.op.qualifier == Qualifier::none || c.op.kind == MatchKind::null_check || !single_valued(c.key)) return;
  const std::string ptr = condition_pointer(ctx.document, st, c);
  // TL301 already proved this qualifier lets a token in: that finding says more.
  const bool proven = std::any_of(ctx.findings.begin(), ctx.findings.end(), [&](const Finding& f) {
    return f.rule == "TL301" && f.pointer.rfind(ptr, 0) == 0;
  });
  if (proven) return;
  OperatorSpec plain = c.op;
  plain.qualifier = Qualifier::none;
  const std::string plain_name = operator_name(plain);
  const bool all = c.op.qualifier == Qualifier::for_all_values;
  Finding f = ctx.make("TL062",
                       c.op_text + " on " + c.key + ", which carries one value: " +
                           (all ? "ForAllValues also holds when the key is absent (Access Analyzer: ForAllValues with single valued key)"
                                : "ForAnyValue means " + plain_name + " here and only misleads the reader"),
                       c.key_span, ptr);
  f.fix = "Use " + plain_name + " (remove the " + (all ? "ForAllValues:" : "ForAnyValue:") + " qualifier).";
  ctx.add(std::move(f));
}

bool private_block(const IpBlock& b) {
  static const char* const kPrivate[] = {"10.0.0.0/8",     "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8",
                                         "169.254.0.0/16", "fc00::/7",      "fe80::/10",      "::1/128"};
  IpBlock network = b;
  network.prefix = b.v6 ? 128 : 32;
  for (const char* p : kPrivate) {
    const auto range = parse_ip_block(p);
    if (range && range->v6 == b.v6 && b.prefix >= range->prefix && ip_block_contains(*range, network)) return true;
  }
  return false;
}

void check_private_ip(PlainContext& ctx, const Statement& st, const Condition& c) {
  if (fold_key(c.key) != "aws:sourceip" || c.op.kind != MatchKind::ip_address || c.values.empty()) return;
  for (const auto& v : c.values) {
    const auto b = parse_ip_block(v.text);
    if (!b || !private_block(*b)) return;
  }
  const bool always = c.op.negated;  // NotIpAddress of private ranges holds for every public address
  Finding f = ctx.make("TL063",
                       c.op_text + " " + c.key + " lists only private addresses, but a request to STS over the internet "
                           "comes from a public one: " + consequence(st, always),
                       c.values.front().span, value_pointer(ctx.document, st, c, 0));
  f.notes.push_back("through a VPC endpoint a request carries aws:VpcSourceIp instead, and no aws:SourceIp "
                    "(docs/semantics.md#request-keys); Vercel and GitHub-hosted runners call STS over the internet");
  // The witness: a token an Allow admits, sent from a public address.
  const bool deny = st.effect == Effect::deny;
  const bool expect_allowed = deny ? !always : always;
  for (const auto& allow : ctx.document.statements) {
    if (allow.effect != Effect::allow || (!deny && &allow != &st)) continue;
    bool shown = false;
    for (const auto& e : federated_entries(allow)) {
      Request r = request_for(allow, e);
      r.set("aws:SourceIp", kPublicAddress);
      if (attach_request_witness(ctx, f, r, expect_allowed, "a token of " + e.provider + " sent from " + kPublicAddress)) {
        shown = true;
        break;
      }
    }
    if (shown) break;
  }
  ctx.add(std::move(f));
}

// Does every principal of the statement send web-identity tokens (an OIDC provider or a built-in
// domain, nothing else), for an action that covers sts:AssumeRoleWithWebIdentity? Then a key no
// such request carries is absent from every request the statement can match.
bool web_identity_only(const Statement& st) {
  if (!match_action(st.action, "sts:AssumeRoleWithWebIdentity")) return false;
  const auto entries = federated_entries(st);
  if (entries.empty() || entries.size() != st.principal.entries.size()) return false;
  return std::none_of(entries.begin(), entries.end(), [](const FederatedEntry& e) { return e.kind == FederatedKind::saml; });
}

// TL209: a listed key that no AssumeRoleWithWebIdentity request carries (web_identity: absent in
// the catalogue) in a statement that only web-identity tokens can match. The verdict on the absent
// key comes from the evaluator; the witness is the request the statement was written for (its
// other positive conditions), replayed on the whole policy.
void check_web_identity_absent(PlainContext& ctx, const Statement& st, std::size_t ci) {
  const Condition& c = st.conditions[ci];
  if (!catalogued_service(c.key) || !web_identity_only(st)) return;
  const KeyInfo* info = find_key(c.key);
  if (info == nullptr || info->web_identity != KeyPresence::absent || !info->unsupported.empty()) return;
  auto compiled = CompiledCondition::compile(c, ctx.document.variables_enabled());
  if (!compiled.ok()) return;
  const ConditionVerdict verdict = compiled.value().evaluate(Request{});
  const bool holds = verdict.result;
  Finding f = ctx.make("TL209",
                       c.key + " is in no AssumeRoleWithWebIdentity request, so this " + c.op_text + " " +
                           (holds ? "always holds" : "never holds") + " for web-identity tokens: " + consequence(st, holds),
                       c.key_span, condition_pointer(ctx.document, st, c));
  f.notes.push_back("rules/condition_keys.yaml marks " + info->name +
                    " web_identity: absent: AWS sets aws:Source* only when a service calls another on behalf of a "
                    "resource, aws:CalledVia* only when a service forwards a principal's credentials, and sts:ExternalId "
                    "and the other sts: keys so marked only for other STS actions (docs/semantics.md#request-keys)");
  f.notes.push_back("on an absent key: " + verdict.reason);
  // The request the statement was written for, without the key: for an Allow whose condition
  // never holds it is refused, for one whose condition always holds it gets in.
  Statement without = st;
  without.conditions.erase(without.conditions.begin() + static_cast<std::ptrdiff_t>(ci));
  const bool deny = st.effect == Effect::deny;
  for (const auto& e : federated_entries(st)) {
    const Request r = request_for(without, e);
    const bool expect_allowed = deny ? !holds : holds;
    if (attach_request_witness(ctx, f, r, expect_allowed, "a token of " + e.provider + " that meets the statement's other conditions")) break;
  }
  ctx.add(std::move(f));
}

}  // namespace

void check_condition_keys(PlainContext& ctx) {
  for (const auto& st : ctx.document.statements) {
    for (std::size_t ci = 0; ci < st.conditions.size(); ++ci) check_web_identity_absent(ctx, st, ci);
    for (const auto& c : st.conditions) {
      check_unknown_key(ctx, st, c);
      check_qualifier(ctx, st, c);
      check_type(ctx, st, c);
      check_private_ip(ctx, st, c);
    }
  }
}

}  // namespace trustlint::internal
