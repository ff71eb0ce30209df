// Differential fuzz target: `who` (allowed_set, the prover) against `can` (evaluate, the
// evaluator). For a policy and many deployments, evaluate() must allow exactly the deployments
// allowed_by_description(allowed_set(...)) admits, every example `who` prints must be allowed,
// and every nearest-denied entry must be denied (and in no part, extra conditions or not).
// Input: a policy as JSON text when the data starts with '{' (seeds: the fixtures; probed with
// fixed deployments), otherwise bytes that drive a small generator of Allow/Deny statements over
// the Vercel sub/aud keys (StringEquals/Like, negations, IgnoreCase, IfExists, ForAnyValue,
// ForAllValues, wrong key prefixes, several principals) and of the deployments to probe.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace {

using namespace trustlint;

const std::vector<std::string> kTeams = {"acme", "acme-evil", "acme2", "globex", "a"};
const std::vector<std::string> kProjects = {"web", "web-legacy", "api", "web.app", "my_site", "w"};
const std::vector<std::string> kEnvs = {"production", "preview", "development", "staging", "p"};

class Generator {
 public:
  explicit Generator(FuzzedDataProvider& in) : in_(in) {}

  const std::string& pick(const std::vector<std::string>& pool) {
    return pool[in_.ConsumeIntegralInRange<std::size_t>(0, pool.size() - 1)];
  }

  // A glob near a pool value: the value, a prefix/suffix with '*', a '?' in place of a
  // character, or a short string over the value's characters and the wildcards.
  std::string segment(const std::vector<std::string>& pool) {
    const std::string v = pick(pool);
    const std::size_t cut = in_.ConsumeIntegralInRange<std::size_t>(0, v.size());
    switch (in_.ConsumeIntegralInRange(0, 7)) {
      case 0: return "*";
      case 1: return v.substr(0, cut) + "*";
      case 2: return "*" + v.substr(cut);
      case 3: return cut < v.size() ? v.substr(0, cut) + "?" + v.substr(cut + 1) : v + "?";
      case 4: {
        std::string s;
        for (char c : in_.ConsumeBytesAsString(in_.ConsumeIntegralInRange(0, 6))) s += (v + "*?-")[static_cast<unsigned char>(c) % (v.size() + 3)];
        return s;
      }
      default: return v;
    }
  }

  std::string sub_value() {
    switch (in_.ConsumeIntegralInRange(0, 6)) {
      case 0: return "owner:" + segment(kTeams) + ":*";
      case 1: return "*:environment:" + segment(kEnvs);
      case 2: return "owner:" + pick(kTeams) + "*";
      case 3: return "*";
      case 4: return "owner:" + pick(kTeams) + ":project:*" + segment(kEnvs);
      default: return "owner:" + segment(kTeams) + ":project:" + segment(kProjects) + ":environment:" + segment(kEnvs);
    }
  }

  std::string aud_value() {
    switch (in_.ConsumeIntegralInRange(0, 3)) {
      case 0: return "https://vercel.com/*";
      case 1: return "*";
      case 2: return "https://vercel.com/" + segment(kTeams);
      default: return "https://vercel.com/" + pick(kTeams);
    }
  }

  std::string provider() {
    switch (in_.ConsumeIntegralInRange(0, 3)) {
      case 0: return "oidc.vercel.com";
      case 1: return "oidc.vercel.com/globex";
      default: return "oidc.vercel.com/acme";
    }
  }

  std::string op() {
    static const std::vector<std::string> bases = {"StringEquals", "StringLike", "StringNotEquals", "StringNotLike",
                                                   "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"};
    std::string o = pick(bases);
    const int extra = in_.ConsumeIntegralInRange(0, 7);
    if (extra & 1) o += "IfExists";
    if (extra == 2 || extra == 3) o = "ForAllValues:" + o;
    if (extra == 4 || extra == 5) o = "ForAnyValue:" + o;
    return o;
  }

  static std::string quoted(const std::string& s) { return "\"" + s + "\""; }

  std::string policy() {
    std::string out = R"({"Version": "2012-10-17", "Statement": [)";
    const int statements = in_.ConsumeIntegralInRange(1, 4);
    for (int s = 0; s < statements; ++s) {
      const std::string prov = provider();
      out += std::string(s ? "," : "") + R"({"Effect": )" + quoted(in_.ConsumeBool() ? "Allow" : "Deny") +
             R"(, "Principal": {"Federated": [)" + quoted("arn:aws:iam::123456789012:oidc-provider/" + prov);
      if (in_.ConsumeIntegralInRange(0, 5) == 0) out += ", " + quoted("arn:aws:iam::123456789012:oidc-provider/" + provider());
      out += R"(]}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {)";
      std::vector<std::string> used;
      for (int o = in_.ConsumeIntegralInRange(s == 0 ? 1 : 0, 3); o > 0; --o) {
        const std::string name = op();
        if (std::find(used.begin(), used.end(), name) != used.end()) continue;
        used.push_back(name);
        out += (used.size() > 1 ? "," : "") + quoted(name) + ": {";
        const std::string prefix = in_.ConsumeIntegralInRange(0, 9) == 0 ? provider() : prov;
        const int claims = in_.ConsumeIntegralInRange(1, 3);  // 1 sub, 2 aud, 3 both
        bool first = true;
        for (int claim = 1; claim <= 2; ++claim) {
          if (!(claims & claim)) continue;
          out += (first ? "" : ",") + quoted(prefix + (claim == 1 ? ":sub" : ":aud")) + ": [";
          for (int v = in_.ConsumeIntegralInRange(1, 3), i = 0; i < v; ++i) out += (i ? "," : "") + quoted(claim == 1 ? sub_value() : aud_value());
          out += "]";
          first = false;
        }
        out += "}";
      }
      out += "}}";
    }
    return out + "]}";
  }

  DeploymentFacts deployment(bool any_audience) {
    DeploymentFacts f;
    f.team = pick(kTeams);
    f.project = pick(kProjects);
    f.environment = pick(kEnvs);
    f.issuer = in_.ConsumeBool() ? IssuerMode::team : IssuerMode::global;
    if (any_audience && in_.ConsumeBool()) f.audience = in_.ConsumeBool() ? "sts.amazonaws.com" : "https://vercel.com/" + pick(kTeams);
    return f;
  }

 private:
  FuzzedDataProvider& in_;
};

// Every deployment of the pools, both issuers, default audience.
std::vector<DeploymentFacts> fixed_probes() {
  std::vector<DeploymentFacts> out;
  for (const auto& t : kTeams) {
    for (const auto& p : kProjects) {
      for (const auto& e : kEnvs) {
        for (IssuerMode m : {IssuerMode::team, IssuerMode::global}) out.push_back({t, p, e, m, std::nullopt, {}});
      }
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bool raw = size > 0 && data[0] == '{';
  FuzzedDataProvider in(data, size);
  Generator gen(in);
  const bool any_audience = !raw && in.ConsumeBool();
  const std::string text = raw ? std::string(reinterpret_cast<const char*>(data), size) : gen.policy();

  // Generated policies may be longer than IAM's default quota (TL058), which says nothing about
  // what they mean: the quota is raised past any policy the generator writes.
  LoadOptions load;
  load.quota = {std::size_t{1} << 30, true};
  const Result<Document> doc = load_policy_text(text, "fuzz.json", load);
  if (!doc.ok()) {
    if (!raw) {
      for (const Diagnostic& d : doc.diagnostics()) std::fprintf(stderr, "%s: %s\n", d.code.c_str(), d.message.c_str());
    }
    trustlint::fuzz::require(raw, "the generator wrote a policy that does not load");
    return 0;
  }
  const Result<CompiledPolicy> compiled = compile(doc.value());
  if (!compiled.ok()) return 0;
  WhoOptions options;
  options.any_audience = any_audience;
  options.limits.max_automaton_states = 20'000;  // keeps runs short; an exceeded budget is TL095
  const Result<AllowedSet> set = allowed_set(compiled.value(), vercel_profile(), options);
  if (!set.ok()) return 0;
  AllowedSet any_part = set.value();
  for (AllowedPart& part : any_part.parts) part.extra_conditions.clear();
  for (const AllowedPart& part : set->parts) {
    for (const DeploymentFacts& d : part.nearest_denied) {
      const Result<Request> r = make_request(vercel_profile(), d);
      trustlint::fuzz::require(r.ok() && !evaluate(compiled.value(), r.value()).allowed(),
                               "who printed a nearest-denied deployment that can allows");
      trustlint::fuzz::require(!allowed_by_description(any_part, vercel_profile(), d),
                               "who printed a nearest-denied deployment inside one of its parts");
    }
  }
  for (const AllowedPart& part : set->parts) {
    if (!part.extra_conditions.empty()) return 0;  // allowed under conditions the deployments cannot state
  }

  std::vector<DeploymentFacts> probes = raw ? fixed_probes() : std::vector<DeploymentFacts>{};
  for (int i = 0; !raw && i < 40 && in.remaining_bytes() > 0; ++i) probes.push_back(gen.deployment(any_audience));
  for (const AllowedPart& part : set->parts) {
    const Result<Request> r = make_request(vercel_profile(), part.example);
    trustlint::fuzz::require(r.ok() && evaluate(compiled.value(), r.value()).allowed(), "who printed an example that can denies");
    probes.insert(probes.end(), part.nearest_denied.begin(), part.nearest_denied.end());
  }
  for (const DeploymentFacts& f : probes) {
    const Result<Request> r = make_request(vercel_profile(), f);
    if (!r.ok()) continue;
    const bool can = evaluate(compiled.value(), r.value()).allowed();
    const bool who = allowed_by_description(set.value(), vercel_profile(), f);
    if (can != who) {
      std::fprintf(stderr, "policy: %s\ndeployment %s/%s/%s issuer %s aud %s: can=%d who=%d\n", text.c_str(), f.team.c_str(),
                   f.project.c_str(), f.environment.c_str(), issuer_mode_name(f.issuer),
                   f.audience.value_or("(default)").c_str(), can, who);
      trustlint::fuzz::fail("who and can disagree");
    }
  }
  return 0;
}
