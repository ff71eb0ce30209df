// Random trust policies for the lint property tests: one to three statements, Allow and Deny,
// team and global issuers, GitHub and wildcard principals, qualifiers, negations, wrong
// prefixes, broad actions; optionally IgnoreCase operators, aws:SourceIp conditions and sub
// compared with itself through a policy variable.
// Test-only; one generator per test, seeded, so a failure names its policy.
#pragma once

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace trustlint::testing {

struct LintGen {
  std::mt19937 rng;
  bool ignore_case = false;  // also StringEqualsIgnoreCase / StringNotEqualsIgnoreCase, uppercase aud
  bool extras = false;       // also aws:SourceIp conditions (parts allowed only under extra conditions)
  bool own_claim = false;    // also sub compared with ${PROVIDER:sub}, the token's own claim
  explicit LintGen(unsigned seed) : rng(seed) {}
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  std::string q(const std::string& s) { return "\"" + s + "\""; }

  std::string provider() { return pick<std::string>({"oidc.vercel.com", "oidc.vercel.com/acme", "oidc.vercel.com/acme", "oidc.vercel.com/globex"}); }

  std::string sub() {
    return pick<std::string>({"owner:acme:project:web:environment:production", "owner:acme:*", "owner:acme*:project:web:*",
                              "owner:*:project:web:environment:production", "*:environment:development",
                              "owner:acme:project:*:environment:prod*", "owner:acme:project:web?:environment:preview",
                              "owner:globex:project:api:environment:production", "owner:acme:project:Web:environment:production",
                              "owner:acme:project:web", "*"});
  }
  std::string aud() {
    if (ignore_case && chance(5)) return "HTTPS://VERCEL.COM/ACME";
    return pick<std::string>({"https://vercel.com/acme", "https://vercel.com/globex", "https://vercel.com/*", "sts.amazonaws.com"});
  }
  std::string op() {
    std::string o = pick<std::string>({"StringEquals", "StringLike", "StringNotLike", "StringNotEquals", "StringLike"});
    if (ignore_case && chance(10)) o = pick<std::string>({"StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"});
    if (chance(10)) o += "IfExists";
    if (chance(8)) o = "ForAllValues:" + o;
    else if (chance(5)) o = "ForAnyValue:" + o;
    return o;
  }

  std::string policy() {
    std::ostringstream out;
    out << R"({"Version": "2012-10-17", "Statement": [)";
    const std::size_t n = 1 + below(3);
    for (std::size_t s = 0; s < n; ++s) {
      const std::string prov = provider();
      out << (s ? "," : "") << R"({"Effect": )" << q(chance(75) ? "Allow" : "Deny") << R"(, "Principal": )";
      if (chance(5)) out << q("*");
      else {
        out << R"({"Federated": [)" << q("arn:aws:iam::123456789012:oidc-provider/" + prov);
        if (chance(10)) out << "," << q("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        out << "]}";
      }
      out << R"(, "Action": )" << q(chance(90) ? "sts:AssumeRoleWithWebIdentity" : "sts:*") << R"(, "Condition": {)";
      std::vector<std::string> used;
      if (extras && chance(15)) {
        used.push_back(chance(50) ? "IpAddress" : "NotIpAddress");
        out << q(used.back()) << R"(: {"aws:SourceIp": "203.0.113.0/24"})";
      }
      for (std::size_t o = 0, ops = below(3); o < ops; ++o) {
        const std::string name = op();
        if (std::find(used.begin(), used.end(), name) != used.end()) continue;
        used.push_back(name);
        const std::string prefix = chance(10) ? provider() : prov;
        out << (used.size() > 1 ? "," : "") << q(name) << ": {";
        const bool with_sub = chance(80);
        if (with_sub) {
          out << q(prefix + ":sub") << ": [" << q(own_claim && chance(10) ? "${" + prefix + ":sub}" : sub());
          if (chance(30)) out << "," << q(sub());
          out << "]";
        }
        if (!with_sub || chance(30)) out << (with_sub ? "," : "") << q(prefix + ":aud") << ": " << q(aud());
        out << "}";
      }
      out << "}}";
    }
    return out.str() + "]}";
  }
};

}  // namespace trustlint::testing
