// The tables generated at build time (tools/gen_tables) equal parses of the YAML files they come
// from: the rule catalogue entry by entry and field by field, every other data file node by node,
// and the Vercel profile built from its tree: the YAML stays the source of truth.
#include <doctest/doctest.h>

#include "data/embedded.h"
#include "data/generated_tables.h"
#include "source/generated_tree.h"
#include "lint/registry.h"
#include "provider/profile_loader.h"
#include "source/read_tree.h"
#include "source/source_file.h"
#include "trustlint/lint.h"
#include "trustlint/vercel_policy.h"

using namespace trustlint;

TEST_CASE("generated_tables: the rule catalogue table equals rules/catalogue.yaml") {
  const std::vector<RuleInfo> from_yaml = internal::rule_catalogue_from_yaml();
  const std::vector<RuleInfo>& table = rule_catalogue();
  REQUIRE(from_yaml.size() > 50);  // the YAML was read
  REQUIRE(table.size() == from_yaml.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    INFO(from_yaml[i].id);
    CHECK(table[i].id == from_yaml[i].id);
    CHECK(table[i].name == from_yaml[i].name);
    CHECK(table[i].severity == from_yaml[i].severity);
    CHECK(table[i].title == from_yaml[i].title);
    CHECK(table[i].explanation == from_yaml[i].explanation);
    CHECK(table[i].bad_example == from_yaml[i].bad_example);
    CHECK(table[i].good_example == from_yaml[i].good_example);
    CHECK(table[i].fix == from_yaml[i].fix);
    CHECK(table[i].help == from_yaml[i].help);
  }
}

namespace {

// The same tree, locations aside: kinds, texts, tags, keys and order.
void check_same_tree(const internal::Node& a, const internal::Node& b, const std::string& where) {
  INFO(where);
  REQUIRE(a.kind == b.kind);
  CHECK(a.text == b.text);
  CHECK(a.tag == b.tag);
  REQUIRE(a.items.size() == b.items.size());
  REQUIRE(a.members.size() == b.members.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) check_same_tree(a.items[i], b.items[i], where + "/" + std::to_string(i));
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    CHECK(a.members[i].key == b.members[i].key);
    check_same_tree(a.members[i].value, b.members[i].value, where + "/" + a.members[i].key);
  }
}

}  // namespace

TEST_CASE("generated_tables: every embedded data file but the catalogue has a generated tree equal to its parse") {
  std::size_t checked = 0;
  for (const auto& [path, body] : internal::embedded_files()) {
    if (path == "rules/catalogue.yaml") continue;
    INFO(path);
    const internal::Node* generated = internal::generated_tree(path);
    REQUIRE(generated != nullptr);  // a data file embedded but not generated would be read by nobody
    const internal::SourceFile file{std::string(path), std::string(body)};
    auto parsed = internal::read_yaml(file, Limits{});
    REQUIRE(parsed.has_value());
    check_same_tree(*generated, parsed.value(), std::string(path));
    ++checked;
  }
  CHECK(checked >= 4);  // condition_keys.yaml and the three provider profiles
  CHECK(internal::generated_tree("rules/no-such-file.yaml") == nullptr);
}

TEST_CASE("generated_tables: the Vercel profile from the generated tree equals the one parsed from its YAML") {
  const auto text = internal::embedded_file("rules/providers/vercel.yaml");
  REQUIRE(text.has_value());
  auto parsed = internal::parse_provider_profile(*text, "rules/providers/vercel.yaml");
  REQUIRE(parsed.ok());
  const ProviderProfile& p = parsed.value();
  const ProviderProfile& v = vercel_profile();
  CHECK(v.name == p.name);
  CHECK(v.global_provider == p.global_provider);
  CHECK(v.team_provider == p.team_provider);
  CHECK(v.issuer_url_prefix == p.issuer_url_prefix);
  CHECK(v.sub_template == p.sub_template);
  CHECK(v.aud_template == p.aud_template);
  REQUIRE(v.segments.size() == p.segments.size());
  REQUIRE(v.segments.size() == 3);
  for (std::size_t i = 0; i < v.segments.size(); ++i) {
    INFO(p.segments[i].name);
    CHECK(v.segments[i].name == p.segments[i].name);
    CHECK(v.segments[i].pattern == p.segments[i].pattern);
    CHECK(v.segments[i].alphabet == p.segments[i].alphabet);
    CHECK(v.segments[i].min_length == p.segments[i].min_length);
    CHECK(v.segments[i].max_length == p.segments[i].max_length);
    CHECK(v.segments[i].forbidden_substrings == p.segments[i].forbidden_substrings);
    CHECK(v.segments[i].known_values == p.segments[i].known_values);
    CHECK(v.segments[i].description == p.segments[i].description);
  }
}
