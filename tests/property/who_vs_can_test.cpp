// Property test: `who` (the prover) and `can` (the evaluator) agree on many random policies
// and deployments, and every example `who` prints is allowed by the evaluator (README "who").
// Policies use random Allow/Deny statements over sub and aud with StringEquals/Like, their
// negations, IgnoreCase, IfExists and the set qualifiers, wrong key prefixes, several
// principals ({"Federated": "*"} too), extra conditions (aws:TagKeys, aws:SourceIp, a policy
// variable on aud), and patterns cut from real segments, wildcards and separators. Every
// example `who` prints is replayed: allowed examples must be allowed, and every nearest-denied
// entry must be denied, in both audience modes.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

const std::vector<std::string> kTeams = {"acme", "acme-evil", "acme2", "globex", "ac", "a"};
const std::vector<std::string> kProjects = {"web", "web-legacy", "api", "web1", "web.app", "w", "my_site"};
const std::vector<std::string> kEnvs = {"production", "preview", "development", "staging", "prod-eu", "p"};

struct Gen {
  std::mt19937 rng;
  explicit Gen(unsigned seed) : rng(seed) {}
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
  std::string extra_condition(const std::string& prov) {
    switch (below(3)) {
      case 0: return R"("ForAllValues:StringEquals": {"aws:TagKeys": ["x"]})";
      case 1: return R"("IpAddress": {"aws:SourceIp": "10.0.0.0/8"})";
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
      if (chance(12)) out << (used.empty() ? "" : ",") << extra_condition(prov);
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

void check_policy(Gen& g, const std::string& text, bool any_audience, std::size_t& compared) {
  auto doc = load_policy_text(text, "random.json");
  REQUIRE_MESSAGE(doc.has_value(), text);  // {"Federated": "*"} is an error (TL042) that changes no meaning
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  WhoOptions options;
  options.any_audience = any_audience;
  auto set = allowed_set(compiled.value(), vercel_profile(), options);
  REQUIRE_MESSAGE(set.ok(), text);
  for (const auto& note : set->notes) CHECK_MESSAGE(note.find("internal error") == std::string::npos, text);
  // The same parts with their extra conditions dropped: a deployment outside every one of them
  // is denied whatever the request carries besides its token.
  AllowedSet any_part = set.value();
  for (auto& part : any_part.parts) part.extra_conditions.clear();
  auto describe = [](const DeploymentFacts& f) {
    return f.team + "/" + f.project + "/" + f.environment + " issuer " + issuer_mode_name(f.issuer) + " aud " +
           f.audience.value_or("(default)");
  };
  std::vector<DeploymentFacts> probes;
  for (int i = 0; i < 40; ++i) probes.push_back(g.deployment(any_audience));
  for (const auto& part : set->parts) {
    probes.push_back(part.example);
    auto r = make_request(vercel_profile(), part.example);
    REQUIRE(r.ok());
    if (part.extra_conditions.empty()) CHECK_MESSAGE(evaluate(compiled.value(), r.value()).allowed(), text);
    for (const auto& d : part.nearest_denied) {
      probes.push_back(d);
      auto denied = make_request(vercel_profile(), d);
      REQUIRE(denied.ok());
      CHECK_MESSAGE(!evaluate(compiled.value(), denied.value()).allowed(),
                    text << "\n  nearest denied " << describe(d) << " is allowed by can");
      CHECK_MESSAGE(!allowed_by_description(any_part, vercel_profile(), d),
                    text << "\n  nearest denied " << describe(d) << " is inside a part");
    }
  }
  for (const auto& f : probes) {
    auto r = make_request(vercel_profile(), f);
    REQUIRE(r.ok());
    const bool can = evaluate(compiled.value(), r.value()).allowed();
    const bool who = allowed_by_description(set.value(), vercel_profile(), f);
    const bool in_any_part = allowed_by_description(any_part, vercel_profile(), f);
    // Unconditionally in → allowed; in no part → denied; only in parts with extra conditions:
    // allowed or denied depending on what the request carries (here: nothing), so not compared.
    if (who || !in_any_part) {
      CHECK_MESSAGE(can == who, text << "\n  deployment " << describe(f) << ": can=" << can << " who=" << who);
      ++compared;
    }
  }
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::who agrees with can on random policies (default audience)") {
  Gen g(20261129);
  std::size_t compared = 0;
  for (int i = 0; i < 2500; ++i) check_policy(g, g.policy(), false, compared);
  MESSAGE("deployments compared: " << compared);
  CHECK(compared > 100000);
}

TEST_CASE("property::who agrees with can on random policies (any audience, docs/semantics.md#vercel-custom-audiences)") {
  Gen g(4242);
  std::size_t compared = 0;
  for (int i = 0; i < 1000; ++i) check_policy(g, g.policy(), true, compared);
  CHECK(compared > 40000);
}

TEST_SUITE_END();
