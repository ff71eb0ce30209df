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

// The fields of a line without "claims", as views into the line (printable ASCII, no '"' or
// '\\': JSON text as they are). A field left out is empty with its `has_` flag false.
struct PlainFields {
  std::string_view team, project, environment, issuer, aud;
  bool has_team = false, has_issuer = false, has_aud = false;
};

// scan_request_line for a line without "claims", without copying: true when scan_request_line
// would accept the line with the same fields; false for everything else (claims included).
bool scan_plain_fields(std::string_view line, PlainFields& out);

}  // namespace trustlint::internal
