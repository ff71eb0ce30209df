// The test-only JSON Schema validator (see json_schema.h).
#include "sarif/json_schema.h"

#include <cmath>
#include <regex>
#include <set>

namespace trustlint::testing {
namespace {

using nlohmann::json;

bool has_type(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  if (type == "number") return v.is_number();
  if (type == "integer") {
    return v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
  }
  return false;
}

// JSON equality as JSON Schema means it (1 == 1.0).
bool same(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  return a == b;
}

bool format_ok(const std::string& format, const std::string& s) {
  static const std::regex kUri("^[A-Za-z][A-Za-z0-9+.-]*:[^\\s]*$");
  static const std::regex kUriReference("^[^\\s]*$");
  static const std::regex kDateTime("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
  if (format == "uri") return std::regex_match(s, kUri);
  if (format == "uri-reference") return std::regex_match(s, kUriReference);
  if (format == "date-time") return std::regex_match(s, kDateTime);
  return true;  // unknown formats are annotations in draft-07
}

const std::set<std::string> kAnnotations = {"description", "default", "title", "$schema", "$id", "definitions"};

}  // namespace

std::vector<std::string> JsonSchema::validate(const json& instance) const {
  std::vector<std::string> errors;
  check(root_, instance, "", errors, 0);
  return errors;
}

const json& JsonSchema::resolve(const std::string& ref) const {
  if (ref.empty() || ref[0] != '#') throw std::runtime_error("unsupported $ref " + ref);
  return root_.at(json::json_pointer(ref.substr(1)));
}

void JsonSchema::check(const json& schema, const json& v, const std::string& where, std::vector<std::string>& errors,
                       int depth) const {
  if (depth > 200) {
    errors.push_back(where + ": schema recursion too deep");
    return;
  }
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) errors.push_back(where + ": no value is allowed here");
    return;
  }
  auto fail = [&](const std::string& what) { errors.push_back((where.empty() ? "/" : where) + ": " + what); };
  for (const auto& [keyword, arg] : schema.items()) {
    if (kAnnotations.count(keyword)) continue;
    if (keyword == "$ref") {
      check(resolve(arg.get<std::string>()), v, where, errors, depth + 1);
    } else if (keyword == "type") {
      bool ok = false;
      if (arg.is_string()) ok = has_type(v, arg.get<std::string>());
      else for (const auto& t : arg) ok = ok || has_type(v, t.get<std::string>());
      if (!ok) fail("expected type " + arg.dump() + ", got " + std::string(v.type_name()));
    } else if (keyword == "properties") {
      if (!v.is_object()) continue;
      for (const auto& [name, sub] : arg.items()) {
        if (v.contains(name)) check(sub, v.at(name), where + "/" + name, errors, depth + 1);
      }
    } else if (keyword == "additionalProperties") {
      if (!v.is_object()) continue;
      const json* props = schema.contains("properties") ? &schema.at("properties") : nullptr;
      for (const auto& [name, value] : v.items()) {
        if (props != nullptr && props->contains(name)) continue;
        if (arg.is_boolean() && !arg.get<bool>()) fail("property \"" + name + "\" is not allowed");
        else if (arg.is_object()) check(arg, value, where + "/" + name, errors, depth + 1);
      }
    } else if (keyword == "required") {
      if (!v.is_object()) continue;
      for (const auto& name : arg) {
        if (!v.contains(name.get<std::string>())) fail("missing required property \"" + name.get<std::string>() + "\"");
      }
    } else if (keyword == "items") {
      if (!v.is_array()) continue;
      for (std::size_t i = 0; i < v.size(); ++i) check(arg, v[i], where + "/" + std::to_string(i), errors, depth + 1);
    } else if (keyword == "enum") {
      bool ok = false;
      for (const auto& e : arg) ok = ok || same(e, v);
      if (!ok) fail("value " + v.dump() + " is not one of " + arg.dump());
    } else if (keyword == "const") {
      if (!same(arg, v)) fail("value " + v.dump() + " is not " + arg.dump());
    } else if (keyword == "minimum") {
      if (v.is_number() && v.get<double>() < arg.get<double>()) fail("below the minimum " + arg.dump());
    } else if (keyword == "maximum") {
      if (v.is_number() && v.get<double>() > arg.get<double>()) fail("above the maximum " + arg.dump());
    } else if (keyword == "minItems") {
      if (v.is_array() && v.size() < arg.get<std::size_t>()) fail("fewer than " + arg.dump() + " items");
    } else if (keyword == "uniqueItems") {
      if (!v.is_array() || !arg.get<bool>()) continue;
      for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = i + 1; j < v.size(); ++j) {
          if (same(v[i], v[j])) fail("items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
        }
      }
    } else if (keyword == "pattern") {
      if (v.is_string() && !std::regex_search(v.get<std::string>(), std::regex(arg.get<std::string>()))) {
        fail("\"" + v.get<std::string>() + "\" does not match " + arg.dump());
      }
    } else if (keyword == "format") {
      if (v.is_string() && !format_ok(arg.get<std::string>(), v.get<std::string>())) {
        fail("\"" + v.get<std::string>() + "\" is not a valid " + arg.get<std::string>());
      }
    } else if (keyword == "anyOf" || keyword == "oneOf" || keyword == "allOf") {
      std::size_t passed = 0;
      std::vector<std::string> inner;
      for (const auto& sub : arg) {
        std::vector<std::string> e;
        check(sub, v, where, e, depth + 1);
        if (e.empty()) ++passed;
        inner.insert(inner.end(), e.begin(), e.end());
      }
      if (keyword == "anyOf" && passed == 0) fail("matches none of anyOf: " + (inner.empty() ? "" : inner.front()));
      if (keyword == "oneOf" && passed != 1) fail("matches " + std::to_string(passed) + " of oneOf, not exactly one");
      if (keyword == "allOf" && passed != arg.size()) errors.insert(errors.end(), inner.begin(), inner.end());
    } else if (keyword == "not") {
      std::vector<std::string> e;
      check(arg, v, where, e, depth + 1);
      if (e.empty()) fail("matches a schema it must not");
    } else {
      fail("unsupported schema keyword \"" + keyword + "\"");
    }
  }
}

}  // namespace trustlint::testing
