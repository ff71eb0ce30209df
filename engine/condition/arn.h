// ARN operators (docs/semantics.md#other-operators): ArnEquals ≡ ArnLike, ArnNotEquals ≡ ArnNotLike. An ARN is
// split on its first five ':' into six components (partition, service, region, account,
// resource, with "arn" first); each component is matched as a case-sensitive glob, so a `*`
// never crosses a ':' except in the last component, which keeps the rest of the ARN.
// Pure functions; safe to call from several threads.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "condition/glob.h"

namespace trustlint::internal {

using ArnParts = std::array<std::string_view, 6>;
using ArnPatternParts = std::array<GlobPieces, 6>;

// nullopt when the text has fewer than five ':' (not an ARN).
std::optional<ArnParts> split_arn(std::string_view text);
// The same split for a glob; only literal ':' split (a wildcard never contains one).
std::optional<ArnPatternParts> split_arn_pattern(const GlobPieces& pieces);

}  // namespace trustlint::internal
