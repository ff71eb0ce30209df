// The reference reader of a `can --requests` line: nlohmann's DOM, its error messages and
// columns. parse_request_line (batch.h) answers every line it cannot read fast through it, so
// that both give the same facts and the same located errors. Pure function; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "trustlint/batch.h"

namespace trustlint::internal {

std::optional<RequestLineError> parse_request_line_json(std::string_view line, RequestLine& out);

}  // namespace trustlint::internal
