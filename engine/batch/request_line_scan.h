// The fast reader of a `can --requests` line: a small scanner for the common shape (an object
// of plain ASCII strings, and claims of strings, booleans and arrays of them) that fills the
// same RequestLine as the reference reader (request_line_json.h) without building a DOM. It
// declines everything else (escapes, numbers, null, non-ASCII, repeated or unknown keys, any
// error), which then goes to the reference reader for its located message.
// Pure function; thread-safe.
#pragma once

#include <string_view>

#include "trustlint/batch.h"

namespace trustlint::internal {

// True when the line was read into `out` (default-constructed); false: `out` is unspecified and
// the line must be read by parse_request_line_json.
bool scan_request_line(std::string_view line, RequestLine& out);

}  // namespace trustlint::internal
