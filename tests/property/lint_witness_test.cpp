// Property test for lint: on random policies (several statements, Allow and Deny, team and
// global issuers, GitHub and wildcard principals, qualifiers, negations, wrong prefixes, broad
// actions) lint never fails, every finding is located inside the policy, and every witness it
// prints is decided by the evaluator exactly as the finding says (README "lint").
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "trustlint/trustlint.h"

namespace {

using namespace trustlint;

struct LintGen {
  std::mt19937 rng;
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
  std::string aud() { return pick<std::string>({"https://vercel.com/acme", "https://vercel.com/globex", "https://vercel.com/*", "sts.amazonaws.com"}); }
  std::string op() {
    std::string o = pick<std::string>({"StringEquals", "StringLike", "StringNotLike", "StringNotEquals", "StringLike"});
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
      for (std::size_t o = 0, ops = below(3); o < ops; ++o) {
        const std::string name = op();
        if (std::find(used.begin(), used.end(), name) != used.end()) continue;
        used.push_back(name);
        const std::string prefix = chance(10) ? provider() : prov;
        out << (used.size() > 1 ? "," : "") << q(name) << ": {";
        const bool with_sub = chance(80);
        if (with_sub) {
          out << q(prefix + ":sub") << ": [" << q(sub());
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

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::lint witnesses replay and findings are located on random policies") {
  LintGen g(1129);
  std::size_t witnesses = 0, findings = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string text = g.policy();
    auto doc = load_policy_text(text, "random.json");
    REQUIRE_MESSAGE(doc.has_value(), text);
    auto compiled = compile(doc.value());
    REQUIRE_MESSAGE(compiled.ok(), text);
    LintOptions options;
    if (g.chance(50)) options.teams = {"acme"};
    auto report = lint(doc.value(), compiled.value(), options);
    REQUIRE_MESSAGE(report.ok(), text);
    for (const auto& f : report.value().findings) {
      ++findings;
      CHECK_MESSAGE(f.span.known(), text << "\n" << f.rule << " " << f.message);
      CHECK_MESSAGE(f.message.find("internal error") == std::string::npos, text);
      for (const auto& n : f.notes) CHECK_MESSAGE(n.find("internal error") == std::string::npos, text << "\n" << n);
      if (!f.witness) continue;
      auto request = f.witness->request ? Result<Request>(*f.witness->request)
                                        : make_request(vercel_profile(), *f.witness->deployment);
      REQUIRE(request.ok());
      CHECK_MESSAGE(evaluate(compiled.value(), request.value()).allowed() == f.witness->allowed,
                    text << "\n" << f.rule << ": " << f.witness->description);
      ++witnesses;
    }
  }
  MESSAGE("findings: " << findings << ", witnesses replayed: " << witnesses);
  CHECK(witnesses > 1000);
}

TEST_SUITE_END();
