// Property test: `diff` is exact. On random policy pairs (independent pairs, a policy and a
// mutation of it, a policy and its statements reordered), every deployment that `can` allows
// under NEW and not under OLD lies in a gained part, every deployment in a gained part is such a
// deployment (and likewise for lost), and the diff is empty exactly when the two policies admit
// the same deployments. Probes: random deployments, `who`'s examples and nearest denied of both
// sides, and the diff's own examples.
#include <doctest/doctest.h>

#include <algorithm>

#include "condition/glob.h"
#include "property/policy_generator.h"
#include "trustlint/allowed_set.h"
#include "trustlint/engine.h"
#include "trustlint/policy_diff.h"

namespace {

using namespace trustlint;
using trustlint_property::Gen;

// match/except are case-sensitive globs; the *_any_case lists (IgnoreCase audience values) are
// texts in any ASCII case (GlobSet::contains).
bool in(const GlobSet& g, const std::string& v) { return g.contains(v); }

bool in_part(const DiffPart& p, const DeploymentFacts& f) {
  const std::string aud = f.audience ? *f.audience : "https://vercel.com/" + f.team;
  return p.issuer == f.issuer && in(p.team, f.team) && in(p.project, f.project) && in(p.environment, f.environment) &&
         (p.audience ? in(*p.audience, aud) : !f.audience.has_value());
}

bool in_any(const std::vector<DiffPart>& parts, const DeploymentFacts& f) {
  return std::any_of(parts.begin(), parts.end(), [&](const DiffPart& p) { return in_part(p, f); });
}

std::string describe(const DeploymentFacts& f) {
  return f.team + "/" + f.project + "/" + f.environment + " issuer " + issuer_mode_name(f.issuer) + " aud " +
         f.audience.value_or("(default)");
}

// The statements of a generated policy in reverse order (same meaning).
std::string reversed(const std::string& text) {
  std::string out = "{\"Version\": \"2012-10-17\", \"Statement\": [";
  const auto open = text.find('[');
  // Split the statement array at top-level "},{" boundaries.
  std::vector<std::string> statements;
  int depth = 0;
  std::size_t start = open + 1;
  for (std::size_t i = open + 1; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') --depth;
    if ((c == ',' && depth == 0) || depth < 0) {
      statements.push_back(text.substr(start, i - start));
      start = i + 1;
      if (depth < 0) break;
    }
  }
  std::reverse(statements.begin(), statements.end());
  for (std::size_t i = 0; i < statements.size(); ++i) out += (i ? "," : "") + statements[i];
  return out + "]}";
}

struct Loaded {
  Document doc;
  CompiledPolicy compiled;
};

Loaded load(const std::string& text) {
  auto doc = load_policy_text(text, "random.json");
  REQUIRE_MESSAGE(doc.has_value(), text);  // {"Federated": "*"} is an error (TL042) that changes no meaning
  auto compiled = compile(doc.value());
  REQUIRE_MESSAGE(compiled.ok(), text);
  return {doc.value(), std::move(compiled).value()};
}

bool allows(const CompiledPolicy& p, const DeploymentFacts& f) {
  auto r = make_request(vercel_profile(), f);
  REQUIRE(r.ok());
  return evaluate(p, r.value()).allowed();
}

struct Counts {
  std::size_t compared = 0, gained = 0, same = 0;
};

void check_pair(Gen& g, const std::string& old_text, const std::string& new_text, bool any_audience, bool must_be_same,
                Counts& counts) {
  Loaded o = load(old_text), n = load(new_text);
  WhoOptions options;
  options.any_audience = any_audience;
  auto old_set = allowed_set(o.compiled, vercel_profile(), options);
  auto new_set = allowed_set(n.compiled, vercel_profile(), options);
  REQUIRE(old_set.ok());
  REQUIRE(new_set.ok());
  auto diff = diff_allowed_sets(old_set.value(), &o.compiled, new_set.value(), &n.compiled, vercel_profile(), options);
  REQUIRE(diff.ok());
  const std::string both = "OLD " + old_text + "\nNEW " + new_text;
  for (const auto& note : diff->notes) CHECK_MESSAGE(note.find("internal error") == std::string::npos, both << "\n" << note);
  if (must_be_same) CHECK_MESSAGE(diff->same(), both);
  std::vector<DeploymentFacts> probes;
  for (int i = 0; i < 40; ++i) probes.push_back(g.deployment(any_audience));
  for (const auto* set : {&old_set.value(), &new_set.value()}) {
    for (const auto& part : set->parts) {
      probes.push_back(part.example);
      for (const auto& d : part.nearest_denied) probes.push_back(d);
    }
  }
  for (const auto* list : {&diff->gained, &diff->lost}) {
    for (const auto& part : *list) {
      // Every example crosses the line, as replayed by the diff and again here.
      const bool old_allows = allows(o.compiled, part.example), new_allows = allows(n.compiled, part.example);
      CHECK_MESSAGE(old_allows != new_allows, both << "\n  example " << describe(part.example));
      CHECK_MESSAGE(part.old_allows == std::optional<bool>(old_allows), both);
      CHECK_MESSAGE(part.new_allows == std::optional<bool>(new_allows), both);
      probes.push_back(part.example);
    }
  }
  bool differ = false;
  for (const auto& f : probes) {
    const bool old_allows = allows(o.compiled, f), new_allows = allows(n.compiled, f);
    differ = differ || old_allows != new_allows;
    CHECK_MESSAGE(in_any(diff->gained, f) == (new_allows && !old_allows),
                  both << "\n  deployment " << describe(f) << ": old=" << old_allows << " new=" << new_allows
                       << " in gained=" << in_any(diff->gained, f));
    CHECK_MESSAGE(in_any(diff->lost, f) == (old_allows && !new_allows),
                  both << "\n  deployment " << describe(f) << ": old=" << old_allows << " new=" << new_allows
                       << " in lost=" << in_any(diff->lost, f));
    ++counts.compared;
  }
  // Empty exactly when the sets are the same: a non-empty diff has examples that differ (checked
  // above), and an empty one leaves no probe that differs.
  if (diff->same()) ++counts.same;
  if (!diff->gained.empty()) ++counts.gained;
  if (diff->same()) CHECK_MESSAGE(!differ, both);
}

// A small change: one statement dropped or its effect flipped, or a value replaced.
std::string mutated(Gen& g, const std::string& text) {
  std::string out = text;
  switch (g.below(3)) {
    case 0: {
      const auto at = out.find("\"Allow\"");
      if (at != std::string::npos) out.replace(at, 7, "\"Deny\"");
      break;
    }
    case 1: {
      const auto at = out.find("environment:");
      if (at != std::string::npos) out.insert(at + 12, g.chance(50) ? "*" : "p");
      break;
    }
    default: {
      const auto at = out.find("owner:");
      if (at != std::string::npos) out.insert(at + 6, g.chance(50) ? "acme*" : "a");
      break;
    }
  }
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("property");

TEST_CASE("property::diff agrees with can on random policy pairs (default audience)") {
  Gen g(20261206, /*extra_conditions=*/false);  // probes carry no extra keys (goldens cover those parts)
  Counts counts;
  for (int i = 0; i < 400; ++i) {
    const std::string a = g.policy();
    check_pair(g, a, g.policy(), false, false, counts);
    const std::string m = mutated(g, a);
    if (load_policy_text(m, "m.json").ok()) check_pair(g, a, m, false, m == a, counts);
    check_pair(g, a, reversed(a), false, true, counts);
    check_pair(g, a, a, false, true, counts);
  }
  MESSAGE("deployments compared: " << counts.compared << ", pairs with a gain: " << counts.gained
                                   << ", pairs without a difference: " << counts.same);
  CHECK(counts.compared > 50000);
  CHECK(counts.gained > 100);
  CHECK(counts.same > 800);
}

TEST_CASE("property::diff agrees with can on random policy pairs (any audience)") {
  Gen g(77, /*extra_conditions=*/false);
  Counts counts;
  for (int i = 0; i < 150; ++i) {
    const std::string a = g.policy();
    check_pair(g, a, g.policy(), true, false, counts);
    check_pair(g, a, reversed(a), true, true, counts);
  }
  CHECK(counts.compared > 10000);
  CHECK(counts.gained > 30);
}

TEST_SUITE_END();
