// Date operators (docs/semantics.md#other-operators): W3C/ISO-8601 dates and date-times (Z or ±hh:mm offsets,
// fractional seconds) or epoch seconds, compared as instants. A date-time without a zone is read
// as UTC (u). An all-digit value is epoch seconds, so a bare year ("2026") is not accepted.
// Pure functions; safe to call from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace trustlint::internal {

struct Instant {
  std::int64_t seconds = 0;  // since 1970-01-01T00:00:00Z
  std::int32_t nanos = 0;    // 0 … 999,999,999 (digits beyond nanoseconds are ignored)
};

// Accepts: epoch seconds ([+-]digits, optional fraction); YYYY-MM; YYYY-MM-DD;
// YYYY-MM-DDThh:mm[:ss[.fraction]][Z|±hh:mm|±hhmm|±hh]. nullopt otherwise.
std::optional<Instant> parse_date(std::string_view text);
int compare_instant(const Instant& a, const Instant& b);

}  // namespace trustlint::internal
