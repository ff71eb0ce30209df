// Renderers: turn answers into the text and JSON documents the CLI prints and the bindings
// return. They never decide anything. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "trustlint/decision.h"
#include "trustlint/diagnostic.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"

namespace trustlint {

// One `can` question: the deployment asked about, the request it became, and what was assumed
// because the user left it out ("team acme: the only team this policy names").
struct CanQuery {
  DeploymentFacts facts;
  Request request;
  std::vector<std::string> assumptions;
};

std::string render_can_text(const Decision& decision, const CanQuery& query);

// The JSON document of README "can --format json" (schema trustlint/can/v1).
// compact: one line (for --requests), else indented.
std::string render_can_json(const Decision& decision, const CanQuery& query, bool compact);

// Compiler-style lines "file:line:col: severity: message [CODE]", each followed by its notes
// ("  note: ..."), one diagnostic per line.
std::string render_diagnostics_text(const Diagnostics& diagnostics);

}  // namespace trustlint
