// Claim-glob decomposition over Vercel's sub template (docs/semantics.md#vercel-name-alphabets, docs/semantics.md#vercel-pinning).
#include <doctest/doctest.h>

#include "prove/claim_decomposition.h"

namespace {

using trustlint::internal::decompose_claim_glob;
using trustlint::internal::GlobProduct;
using trustlint::internal::parse_template;

std::vector<GlobProduct> split(const std::string& glob) {
  std::vector<GlobProduct> out;
  REQUIRE(decompose_claim_glob(glob, parse_template("owner:{team}:project:{project}:environment:{environment}"), ":", out));
  return out;
}

}  // namespace

TEST_SUITE_BEGIN("prove");

TEST_CASE("prove::decompose_claim_glob exact sub is one product of names (docs/semantics.md#worked-example-1)") {
  const auto p = split("owner:acme:project:web:environment:production");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == GlobProduct{{"acme"}, {"web"}, {"production"}});
}

TEST_CASE("prove::decompose_claim_glob a star spanning segments pins the owner exactly (docs/semantics.md#worked-example-6)") {
  const auto p = split("owner:acme:*");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == GlobProduct{{"acme"}, {"*"}, {"*"}});
}

TEST_CASE("prove::decompose_claim_glob a star right after the slug admits other teams (docs/semantics.md#worked-example-5)") {
  const auto p = split("owner:acme*:project:web:environment:production");
  REQUIRE(!p.empty());
  bool prefix_team = false;
  for (const auto& prod : p) prefix_team = prefix_team || (prod[0] == std::vector<std::string>{"acme*"} && prod[1] == std::vector<std::string>{"web"});
  CHECK(prefix_team);
}

TEST_CASE("prove::decompose_claim_glob a leading star reaches every team (docs/semantics.md#pattern-owner-wildcard)") {
  const auto p = split("*:environment:development");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == GlobProduct{{"*"}, {"*"}, {"development"}});
}

TEST_CASE("prove::decompose_claim_glob values no token can carry give no product (docs/semantics.md#vercel-name-alphabets)") {
  CHECK(split("owner:acme:project:web").empty());           // too few fields
  CHECK(split("team:acme:project:web:environment:x").empty());  // wrong label
  CHECK(split("owner:a:b:project:web:environment:production").empty());  // ':' inside a segment
}

TEST_CASE("prove::decompose_claim_glob question marks stay inside their segment (docs/semantics.md#worked-example-7)") {
  const auto p = split("owner:acme:project:web?:environment:production");
  REQUIRE(p.size() == 1);
  CHECK(p[0] == GlobProduct{{"acme"}, {"web?"}, {"production"}});
}

TEST_SUITE_END();
