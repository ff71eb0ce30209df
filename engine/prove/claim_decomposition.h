// Splitting a wildcard pattern over a whole claim (`sub`, `aud`) into the segments of the
// provider's claim template. Because no segment can contain the template's separators (':' for
// Vercel, docs/semantics.md#vercel-name-alphabets), the set of (team, project, environment) whose claim matches a glob
// is a finite union of products, and each factor is itself a union of globs: sub-patterns of the
// original. E.g. "owner:acme*:project:web" style patterns, or "owner:acme:*" whose '*' spans
// several segments. Exact; pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "prove/automaton.h"
#include "provider/templates.h"

namespace trustlint::internal {

// One product: for each segment of the template (in template order), the union of globs its
// value must match. An empty union means the product is empty.
using GlobProduct = std::vector<std::vector<std::string>>;

// The products whose union is exactly { segment values : expand(template, values) ∈ L(pattern) },
// for segment values that are never empty and whose characters are never any of `separators`
// (characters that cannot appear inside a segment). Products with a factor that can only match strings containing a
// separator are dropped. Limit: at most max_products products (more → returns false); with a
// budget, every step of the walk is spent from it (out of budget → returns false, exceeded set).
bool decompose_claim_glob(std::string_view pattern, const std::vector<TemplatePiece>& pieces,
                          std::string_view separators, std::vector<GlobProduct>& out,
                          std::size_t max_products = 4096, StateBudget* budget = nullptr);

}  // namespace trustlint::internal
