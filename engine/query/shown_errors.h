// Pieces of the query layer shared by its files (query.h): the errors shown for an input or a
// role (DiagnosticSink's max_errors truncation, so every face cuts the list the same way), the
// load options that collect every error, and the gate's TL016 error.
#pragma once

#include <cstddef>
#include <string>

#include "trustlint/diagnostic.h"
#include "trustlint/options.h"

namespace trustlint::internal {

// The errors of `all`, at most `max_errors` of them (0 = all), then a TL069 note at `file`.
Diagnostics shown_errors(const Diagnostics& all, std::size_t max_errors, const std::string& file);
// `options` with max_errors lifted: read with it so that a hidden error still counts.
LoadOptions all_errors(const LoadOptions& options);
// TL016: "GIVEN (RESOURCE) is not a valid trust policy; fix the errors above (...)".
Diagnostic not_valid(const std::string& given, const std::string& resource);

}  // namespace trustlint::internal
