// Numeric operators (docs/semantics.md#other-operators): integers and decimals with an optional sign, compared
// exactly (digit strings, no floating point), so 0.1 + 0.2 style rounding never decides access.
// Exponents ("1e3") are not numbers here (u: AWS only speaks of integers and decimals).
// Pure functions; safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>

namespace trustlint::internal {

// A parsed number as views into its text. INVARIANT: `integer` has no leading zeros,
// `fraction` no trailing zeros, and zero is never negative.
struct Decimal {
  bool negative = false;
  std::string_view integer;
  std::string_view fraction;
};

// Accepts [+-]? (digits [. digits?] | . digits). nullopt otherwise.
std::optional<Decimal> parse_decimal(std::string_view text);
// <0, 0, >0 as a is less than, equal to, greater than b.
int compare_decimal(const Decimal& a, const Decimal& b);

}  // namespace trustlint::internal
