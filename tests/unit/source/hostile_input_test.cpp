// Hostile inputs generated in the test: random corruptions of a real policy never crash and
// every diagnostic is located; inputs near the limits stay fast.
#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>

#include "source/read_tree.h"
#include "trustlint/engine.h"

TEST_SUITE_BEGIN("source");

using namespace trustlint;

namespace {

const char* kPolicy = R"({"Version":"2012-10-17","Statement":[{"Sid":"Web","Effect":"Allow",
"Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},
"Action":["sts:AssumeRoleWithWebIdentity"],
"Condition":{"StringEquals":{"oidc.vercel.com/acme:aud":"https://vercel.com/acme"},
"StringLike":{"oidc.vercel.com/acme:sub":["owner:acme:project:web:environment:*","é\u00e9"]}}}]})";

}  // namespace

TEST_CASE("source::hostile random corruptions never crash and are always located") {
  std::mt19937 rng(20261129);
  const std::string base = kPolicy;
  const char alphabet[] = "{}[]\":,\\u0aZ*\x00\x80\xC3\xED\xF4\xFF \n\r\t-.eE";
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      const char c = alphabet[rng() % (sizeof alphabet - 1)];
      switch (rng() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1 + rng() % 8); break;
      }
    }
    CAPTURE(text);
    auto r = load_policy_text(text, "fuzz.json");
    for (const auto& d : r.diagnostics()) {
      if (d.code == "TL069") continue;
      CHECK(d.span.known());
      CHECK(d.span.file == "fuzz.json");
    }
    if (!r.has_value()) CHECK(has_errors(r.diagnostics()));
  }
}

TEST_CASE("source::hostile a flat array past the node limit fails quickly (TL008)") {
  // Guards against anything quadratic in the number of values (spans on one long line, say).
  Limits limits;
  limits.max_nodes = 200'000;
  std::string json = "[";
  for (int i = 0; i < 300'000; ++i) json += i ? ",0" : "0";
  json += "]";
  const auto start = std::chrono::steady_clock::now();
  auto r = internal::read_json(internal::SourceFile("many.json", json), limits);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.diagnostics()[0].code == "TL008");
  CHECK(r.diagnostics()[0].span.col == 400'000);  // the 200,000th number (the array is the first value)
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_SUITE_END();
