// One line of `can --requests`: a JSON object {team, project, environment, issuer, aud, claims}
// read into deployment facts. Duplicate keys, wrong types and unknown fields are errors located
// at their column; claim values may be strings, integers or booleans (IAM compares their string
// forms) or arrays of them (a multi-valued key, for ForAnyValue/ForAllValues).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trustlint/provider.h"

namespace trustlint::cli {

struct RequestLine {
  DeploymentFacts facts;
  // Multi-valued claims (arrays), set on the request after make_request (Request::set_multi).
  std::vector<std::pair<std::string, std::vector<std::string>>> multi_claims;
  bool team_given = false;            // "team" present, even as "" (then refused, never filled in)
  std::optional<std::string> issuer;  // "issuer" as written
};

struct RequestLineError {
  std::string message;
  std::size_t column = 1;  // 1-based byte column in the line
};

// Reads `line` into `out`; nullopt on success.
std::optional<RequestLineError> parse_request_line(const std::string& line, RequestLine& out);

}  // namespace trustlint::cli
