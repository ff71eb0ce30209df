// The random policy generator of the property tests: random Allow/Deny statements over sub and
// aud with StringEquals/Like, their negations, IgnoreCase, IfExists and the set qualifiers,
// wrong key prefixes, several principals, and patterns cut from real segments, wildcards and
// separators; and random deployments near the same names. Shared by who_vs_can and diff tests.
#pragma once

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "trustlint/provider.h"

namespace trustlint_property {

using namespace trustlint;

inline const std::vector<std::string> kTeams = {"acme", "acme-evil", "acme2", "globex", "ac", "a"};
inline const std::vector<std::string> kProjects = {"web", "web-legacy", "api", "web1", "web.app", "w", "my_site"};
inline const std::vector<std::string> kEnvs = {"production", "preview", "development", "staging", "prod-eu", "p"};
// Claims a user may give `can` besides the deployment: keys a request may carry and keys none does.
inline const std::vector<std::pair<std::string, std::string>> kClaims = {
    {"aws:SourceIp", "10.1.2.3"}, {"aws:SoruceIp", "10.1.2.3"}, {"amr", "x1"},
    {"oidc.vercel.com/acme:amr", "x"}, {"oidc.vercel.com:amr", "x"}, {"aws:TagKeys", "x"},
    {"aws:SourceAccount", "123456789012"}, {"sts:ExternalId", "X"}, {"aws:SourceArn", "arn:aws:iam::1:role/x"}};
// The claims of kClaims no web-identity request carries: can must refuse them (TL092).
inline const std::vector<std::string> kAbsentClaims = {"aws:SoruceIp", "amr", "oidc.vercel.com/acme:amr",
                                                       "oidc.vercel.com:amr", "aws:SourceAccount", "sts:ExternalId",
                                                       "aws:SourceArn"};

struct Gen {
  std::mt19937 rng;
  // extra_conditions: also write conditions on keys that are not claims (aws:TagKeys,
  // aws:SourceIp, a policy variable on aud); a deployment alone cannot decide those parts.
  explicit Gen(unsigned seed, bool extra_conditions = true) : rng(seed), extras(extra_conditions) {}
  bool extras = true;
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  const std::string& pick(const std::vector<std::string>& v) { return v[below(v.size())]; }

  // A glob for one segment value drawn near the pool's edges.
  std::string segment(const std::vector<std::string>& pool) {
    std::string v = pick(pool);
    switch (below(9)) {
      case 0: return "*";
      case 1: return v.substr(0, below(v.size() + 1)) + "*";
      case 2: return "*" + v.substr(below(v.size() + 1));
      case 3: { std::string s = v; if (!s.empty()) s[below(s.size())] = '?'; return s; }
      case 4: return v + "?";
      case 5: return v.substr(0, 1) + "*" + v.substr(v.size() - 1);
      default: return v;
    }
  }

  std::string sub_value() {
    switch (below(8)) {
      case 0: return "owner:" + segment(kTeams) + ":*";
      case 1: return "*:environment:" + segment(kEnvs);
      case 2: return "owner:" + pick(kTeams) + "*";
      case 3: return "*";
      case 4: return "owner:" + pick(kTeams) + ":project:*" + segment(kEnvs);
      case 5: return "owner:ACME:project:web:environment:production";  // impossible value
      default:
        return "owner:" + segment(kTeams) + ":project:" + segment(kProjects) + ":environment:" + segment(kEnvs);
    }
  }

  std::string aud_value() {
    switch (below(7)) {
      case 0: return "https://vercel.com/*";
      case 1: return "*";
      case 2: return "https://vercel.com/" + segment(kTeams);
      case 3: return "HTTPS://VERCEL.COM/" + upper(pick(kTeams));  // IgnoreCase twins (any audience)
      case 4: return "sts.amazonaws.com";
      default: return "https://vercel.com/" + pick(kTeams);
    }
  }

  static std::string upper(std::string s) {
    for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return s;
  }

  // A condition on a key that is not a claim: the part it lands in gets "only when".
  // Also keys no request carries (a misspelt aws: key, a claim Vercel does not give IAM), which a
  // user may still pass to `can` as a claim (kClaims).
  // And keys rules/condition_keys.yaml marks as never in a web-identity request (aws:SourceAccount,
  // sts:ExternalId, ...) under every operator form of the absent-key table
  // (docs/semantics.md#absent-keys): positive, negated, IfExists, Null, ForAllValues, ForAnyValue.
  // `used`: the operator names the statement already has (a repeated JSON key is TL006).
  std::string extra_condition(const std::string& prov, const std::vector<std::string>& used) {
    static const std::vector<std::pair<std::string, std::string>> kAbsent = {
        {"StringEquals", R"({"aws:SourceAccount": "123456789012"})"},
        {"ArnEquals", R"({"aws:SourceArn": "arn:aws:iam::123456789012:role/ci"})"},
        {"ArnNotLike", R"({"aws:SourceArn": "arn:aws:iam::*:role/x"})"},
        {"StringNotEqualsIgnoreCase", R"({"sts:ExternalId": "X"})"},
        {"ArnLikeIfExists", R"({"aws:SourceArn": "arn:aws:iam::*:role/x"})"},
        {"Null", R"({"aws:SourceAccount": "true"})"},
        {"Null", R"({"aws:CalledVia": "false"})"},
        {"ForAllValues:ArnLike", R"({"sts:RequestContextProviders": ["arn:aws:iam::*:oidc-provider/x"]})"},
        {"ForAnyValue:ArnLike", R"({"sts:RequestContextProviders": ["arn:aws:iam::*:oidc-provider/x"]})"},
        {"ForAnyValue:ArnLikeIfExists", R"({"sts:RequestContextProviders": ["arn:aws:iam::*:oidc-provider/x"]})"},
        {"Bool", R"({"sts:SAMLECP": "true"})"}};
    const auto unused = [&](const std::string& name) { return std::find(used.begin(), used.end(), name) == used.end(); };
    switch (below(7)) {
      case 0: return R"("ForAllValues:StringEquals": {"aws:TagKeys": ["x"]})";
      case 1: return R"("IpAddress": {"aws:SourceIp": "10.0.0.0/8"})";
      case 2: return R"("IpAddress": {"aws:SoruceIp": "10.0.0.0/8"})";
      case 3: return R"("ForAnyValue:StringLike": {")" + prov + R"(:amr": "x*"})";
      case 4:
      case 5: {
        const auto& [name, body] = kAbsent[below(kAbsent.size())];
        if (unused(name)) return quoted(name) + ": " + body;
        return R"("IpAddress": {"aws:SourceIp": "10.0.0.0/8"})";
      }
      default: return R"("StringEquals": {")" + prov + R"(:aud": "${)" + prov + R"(:aud}"})";
    }
  }

  std::string provider() {
    switch (below(5)) {
      case 0: return "oidc.vercel.com";
      case 1: return "oidc.vercel.com/globex";
      default: return "oidc.vercel.com/acme";
    }
  }

  std::string op() {
    static const std::vector<std::string> bases = {"StringEquals", "StringLike", "StringNotEquals",
                                                   "StringNotLike", "StringEqualsIgnoreCase", "StringLike"};
    std::string o = pick(bases);
    if (chance(15)) o += "IfExists";
    if (chance(10)) o = "ForAllValues:" + o;
    else if (chance(10)) o = "ForAnyValue:" + o;
    return o;
  }

  std::string quoted(const std::string& s) { return "\"" + s + "\""; }

  std::string policy() {
    std::ostringstream out;
    out << "{\"Version\": \"2012-10-17\", \"Statement\": [";
    const std::size_t statements = 1 + below(4);
    for (std::size_t s = 0; s < statements; ++s) {
      const std::string prov = provider();
      out << (s ? "," : "") << "{\"Effect\": " << quoted(chance(70) ? "Allow" : "Deny")
          << ", \"Principal\": {\"Federated\": ["
          << quoted(chance(5) ? std::string("*") : "arn:aws:iam::123456789012:oidc-provider/" + prov);
      if (chance(15)) out << ", " << quoted("arn:aws:iam::123456789012:oidc-provider/" + provider());
      out << "]}, \"Action\": \"sts:AssumeRoleWithWebIdentity\", \"Condition\": {";
      const std::size_t ops = below(3) + (s == 0 ? 1 : 0);
      std::vector<std::string> used;
      for (std::size_t o = 0; o < ops; ++o) {
        std::string name = op();
        if (std::find(used.begin(), used.end(), name) != used.end()) continue;
        used.push_back(name);
        out << (used.size() > 1 ? "," : "") << quoted(name) << ": {";
        const std::string key_prefix = chance(10) ? provider() : prov;
        const bool with_sub = chance(80), with_aud = !with_sub || chance(30);
        bool first = true;
        for (const std::string& claim : {std::string("sub"), std::string("aud")}) {
          if ((claim == "sub" && !with_sub) || (claim == "aud" && !with_aud)) continue;
          out << (first ? "" : ",") << quoted(key_prefix + ":" + claim) << ": [";
          const std::size_t values = 1 + below(3);
          for (std::size_t v = 0; v < values; ++v) out << (v ? "," : "") << quoted(claim == "sub" ? sub_value() : aud_value());
          out << "]";
          first = false;
        }
        out << "}";
      }
      if (extras && chance(12)) out << (used.empty() ? "" : ",") << extra_condition(prov, used);
      out << "}}";
    }
    out << "]}";
    return out.str();
  }

  DeploymentFacts deployment(bool any_audience) {
    DeploymentFacts f;
    f.team = pick(kTeams);
    f.project = pick(kProjects);
    f.environment = pick(kEnvs);
    f.issuer = chance(50) ? IssuerMode::team : IssuerMode::global;
    if (any_audience && chance(50)) {
      switch (below(4)) {
        case 0: f.audience = "sts.amazonaws.com"; break;
        case 1: f.audience = "STS.AMAZONAWS.COM"; break;
        case 2: f.audience = "HTTPS://VERCEL.COM/" + upper(pick(kTeams)); break;
        default: f.audience = "https://vercel.com/" + pick(kTeams); break;
      }
    }
    return f;
  }
};
}  // namespace trustlint_property
