// A small JSON Schema (draft-07 subset) validator, test-only, so the SARIF output can be checked
// against the official schema without a new dependency. It supports exactly the keywords the
// SARIF 2.1.0 schema uses — type, properties, required, additionalProperties, items, enum,
// const, minimum, maximum, minItems, uniqueItems, pattern, format (uri, uri-reference,
// date-time; loosely), anyOf, oneOf, allOf, not, $ref to "#/…" — ignores annotations
// (description, default, title, $schema, $id), and reports any other keyword as unsupported
// rather than passing silently.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace trustlint::testing {

class JsonSchema {
 public:
  explicit JsonSchema(nlohmann::json root) : root_(std::move(root)) {}
  // Every violation as "<instance pointer>: <what>"; empty when the instance is valid.
  std::vector<std::string> validate(const nlohmann::json& instance) const;

 private:
  void check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& where,
             std::vector<std::string>& errors, int depth) const;
  const nlohmann::json& resolve(const std::string& ref) const;
  nlohmann::json root_;
};

}  // namespace trustlint::testing
