// parse_request_line: a `can --requests` line into deployment facts, every problem located,
// through nlohmann's parser (the reference reading; request_line_scan.cpp is the fast path).
#include "batch/request_line_json.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

using nlohmann::json;

// Column of the `nth` (0-based) occurrence of `"key"` in the line, or 1.
std::size_t key_column(std::string_view line, const std::string& key, std::size_t nth) {
  const std::string needle = json(key).dump(-1, ' ', false, json::error_handler_t::replace);
  std::size_t at = line.find(needle);
  for (std::size_t i = 0; i < nth && at != std::string::npos; ++i) at = line.find(needle, at + 1);
  return at == std::string::npos ? 1 : at + 1;
}

std::string json_quoted(const std::string& key) { return json(key).dump(-1, ' ', false, json::error_handler_t::replace); }

// A claim value's string form, or an error. IAM compares context values as strings: a JSON
// integer or boolean stands for its decimal or true/false text.
std::optional<std::string> scalar(const json& v, std::string& out) {
  if (v.is_string()) out = v.get<std::string>();
  else if (v.is_boolean()) out = v.get<bool>() ? "true" : "false";
  else if (v.is_number_integer() || v.is_number_unsigned()) out = v.dump();
  else if (v.is_number_float()) return std::string("is a fractional number; give it as a string, written as the token carries it");
  else if (v.is_null()) return std::string("is null; leave the key out for a token without it");
  else return std::string("must be a string, an integer, a boolean, or an array of those (a multi-valued key)");
  return std::nullopt;
}

}  // namespace

std::optional<RequestLineError> parse_request_line_json(std::string_view line, RequestLine& out) {
  // Duplicate keys: nlohmann keeps the last silently, IAM's JSON would not be ambiguous. Track
  // the keys of every open object while parsing.
  std::vector<std::set<std::string>> open;
  std::optional<RequestLineError> duplicate;
  std::vector<std::size_t> seen_count;  // occurrences of each key text so far, for the column
  std::vector<std::string> keys_in_order;
  auto callback = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) open.emplace_back();
    else if (event == json::parse_event_t::object_end && !open.empty()) open.pop_back();
    else if (event == json::parse_event_t::key && !open.empty()) {
      const std::string key = parsed.get<std::string>();
      std::size_t nth = 0;
      for (const auto& k : keys_in_order) nth += k == key ? 1 : 0;
      keys_in_order.push_back(key);
      if (!open.back().insert(key).second && !duplicate) {
        duplicate = RequestLineError{"duplicate key " + json_quoted(key) + " (each key once per object)", key_column(line, key, nth)};
      }
    }
    return true;
  };
  json j;
  try {
    j = json::parse(line.begin(), line.end(), callback);
  } catch (const json::parse_error& e) {
    // nlohmann's what(): "[json.exception.parse_error.101] parse error at line 1, column 5: why".
    std::string why = e.what();
    const auto column = why.find("column ");
    const auto colon = column == std::string::npos ? std::string::npos : why.find(": ", column);
    if (colon != std::string::npos) why = why.substr(colon + 2);
    return RequestLineError{"not valid JSON: " + why, e.byte == 0 ? 1 : e.byte};
  }
  if (duplicate) return duplicate;
  if (!j.is_object()) return RequestLineError{"not a JSON object", 1};
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const std::size_t col = key_column(line, k, 0);
    if (k == "claims") {
      if (!it->is_object()) return RequestLineError{"\"claims\" must be an object of context keys", col};
      std::map<std::string, std::string> folded;  // folded key → as written
      for (auto c = it->begin(); c != it->end(); ++c) {
        const std::size_t ccol = key_column(line, c.key(), 0);
        if (auto [at, fresh] = folded.emplace(fold_key(c.key()), c.key()); !fresh) {
          return RequestLineError{"claims " + json_quoted(at->second) + " and " + json_quoted(c.key()) +
                                      " are the same context key (key names are case-insensitive)",
                                  std::max(ccol, key_column(line, at->second, 0))};
        }
        std::string value;
        if (c->is_array()) {
          std::vector<std::string> values;
          for (const auto& item : *c) {
            if (item.is_array() || item.is_object()) {
              return RequestLineError{"claim " + json_quoted(c.key()) + ": an item of a multi-valued key must be a string, an integer or a boolean", ccol};
            }
            if (auto why = scalar(item, value)) return RequestLineError{"claim " + json_quoted(c.key()) + ": an item " + *why, ccol};
            values.push_back(value);
          }
          out.multi_claims.emplace_back(c.key(), std::move(values));
        } else if (auto why = scalar(*c, value)) {
          return RequestLineError{"claim " + json_quoted(c.key()) + " " + *why, ccol};
        } else {
          out.facts.extra_context.emplace_back(c.key(), value);
        }
      }
      continue;
    }
    if (k != "team" && k != "project" && k != "environment" && k != "issuer" && k != "aud") {
      return RequestLineError{"unknown field " + json_quoted(k) + " (expected team, project, environment, issuer, aud, claims; context keys go in \"claims\")", col};
    }
    if (!it->is_string()) return RequestLineError{json_quoted(k) + " must be a string", col};
    std::string v = it->get<std::string>();
    if (k == "team") out.facts.team = std::move(v), out.team_given = true;
    else if (k == "project") out.facts.project = std::move(v);
    else if (k == "environment") out.facts.environment = std::move(v);
    else if (k == "aud") out.facts.audience = std::move(v);
    else out.issuer = std::move(v);
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
