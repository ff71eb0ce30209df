// The role a verb answers about, opened through the query layer (trustlint/query.h) with what it
// said printed to stderr. Shared by can and who.
#pragma once

#include <optional>
#include <string>

#include "trustlint/query.h"

namespace trustlint::cli {

// open_role() of `path` ("-" = stdin), its diagnostics printed; nullopt when there is no answer
// to give (exit 2).
std::optional<Role> load_for_evaluation(const std::string& path, const LoadOptions& options,
                                        const std::string& resource = {});

// Prints diagnostics to stderr (render_query_diagnostics).
void print_diagnostics(const Diagnostics& diagnostics);

}  // namespace trustlint::cli
