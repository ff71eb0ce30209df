// The compiled half of the npm package `trustlint` (Node-API 8, so one build loads in every
// Node.js >= 18). Each export takes the policy and the request as strings, runs the engine and
// returns the CLI's JSON document as plain JS objects, or throws an Error whose `diagnostics`
// array holds the located diagnostics. index.js is the public face (types and conveniences).
// Every message it hands back names Node's option names, not the CLI's flags (face_terms.h).
//   can(text, name, isPath, resource, limits, requestLine)      -> object (trustlint/can/v1)
//   canMany(text, name, isPath, resource, limits, [line...])    -> [object]
//   who(text, name, isPath, resource, limits, anyAudience)      -> object (trustlint/who/v1)
//   lint(text, name, isPath, resource, limits, [team...], config) -> object (trustlint/lint/v1)
//   lintPaths([path...], limits, [team...], config)               -> object (trustlint/lint/v1)
//   diff(oldText, oldName, oldIsPath, newText, newName, newIsPath, resource, limits, anyAudience)
//                                                                -> object (trustlint/diff/v1)
//   test([path...], limits)                                      -> object (trustlint/test/v1)
//   optionVocabulary()               -> [{cli, python, node}] (the face vocabulary, for the tests)
#include <node_api.h>

#include <string>
#include <vector>

#include "bindings/core/face_terms.h"
#include "bindings/core/facade.h"

namespace tb = trustlint::bindings;
using tb::Json;
constexpr trustlint::Face kFace = trustlint::Face::node;

namespace {

// A failed N-API call leaves a pending exception; unwinding to the export returns nullptr.
struct Pending {};

void check(napi_env env, napi_status status) {
  if (status == napi_ok) return;
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, nullptr, "trustlint: Node-API call failed");
  throw Pending{};
}

void throw_type(napi_env env, const std::string& message) {
  napi_throw_type_error(env, nullptr, message.c_str());
  throw Pending{};
}

napi_value to_js(napi_env env, const Json& j) {
  napi_value out = nullptr;
  switch (j.type()) {
    case Json::value_t::null: check(env, napi_get_null(env, &out)); break;
    case Json::value_t::boolean: check(env, napi_get_boolean(env, j.get<bool>(), &out)); break;
    case Json::value_t::number_integer: check(env, napi_create_int64(env, j.get<std::int64_t>(), &out)); break;
    case Json::value_t::number_unsigned: check(env, napi_create_double(env, static_cast<double>(j.get<std::uint64_t>()), &out)); break;
    case Json::value_t::number_float: check(env, napi_create_double(env, j.get<double>(), &out)); break;
    case Json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      check(env, napi_create_string_utf8(env, s.data(), s.size(), &out));
      break;
    }
    case Json::value_t::array: {
      check(env, napi_create_array_with_length(env, j.size(), &out));
      uint32_t i = 0;
      for (const auto& v : j) check(env, napi_set_element(env, out, i++, to_js(env, v)));
      break;
    }
    case Json::value_t::object: {
      check(env, napi_create_object(env, &out));
      for (auto it = j.begin(); it != j.end(); ++it) check(env, napi_set_named_property(env, out, it.key().c_str(), to_js(env, it.value())));
      break;
    }
    default: check(env, napi_get_undefined(env, &out));
  }
  return out;
}

std::string string_arg(napi_env env, napi_value v, const char* what) {
  napi_valuetype type;
  check(env, napi_typeof(env, v, &type));
  if (type != napi_string) throw_type(env, std::string("trustlint: ") + what + " must be a string");
  std::size_t length = 0;
  check(env, napi_get_value_string_utf8(env, v, nullptr, 0, &length));
  std::string s(length, '\0');
  check(env, napi_get_value_string_utf8(env, v, s.data(), length + 1, &length));
  return s;
}

bool bool_arg(napi_env env, napi_value v) {
  bool b = false;
  check(env, napi_coerce_to_bool(env, v, &v));
  check(env, napi_get_value_bool(env, v, &b));
  return b;
}

std::vector<std::string> strings_arg(napi_env env, napi_value v, const char* what) {
  bool is_array = false;
  check(env, napi_is_array(env, v, &is_array));
  if (!is_array) throw_type(env, std::string("trustlint: ") + what + " must be an array of strings");
  uint32_t n = 0;
  check(env, napi_get_array_length(env, v, &n));
  std::vector<std::string> out;
  out.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    napi_value e;
    check(env, napi_get_element(env, v, i, &e));
    out.push_back(string_arg(env, e, what));
  }
  return out;
}

// limits: a JSON object text {"bytes": N, ...} (index.js checks the names).
tb::CommonArgs common_args(napi_env env, napi_value resource, napi_value limits) {
  tb::CommonArgs c;
  c.resource = string_arg(env, resource, "resource");
  const Json l = Json::parse(string_arg(env, limits, "limits"), nullptr, false);
  if (!l.is_object()) throw_type(env, "trustlint: limits must be an object");
  auto& m = c.load.limits;
  for (auto it = l.begin(); it != l.end(); ++it) {
    if (!it.value().is_number_unsigned()) throw_type(env, "trustlint: limit " + it.key() + " must be a non-negative integer");
    const auto v = it.value().get<std::size_t>();
    const auto& k = it.key();
    if (k == "bytes") m.max_bytes = v;
    else if (k == "depth") m.max_depth = v;
    else if (k == "nodes") m.max_nodes = v;
    else if (k == "stringLength") m.max_string_length = v;
    else if (k == "statements") m.max_statements = v;
    else if (k == "values") m.max_values = v;
    else if (k == "states") m.max_automaton_states = v;
    else if (k == "errors") m.max_errors = v;
    else if (k == "quota") c.load.quota = {v, true};
    else throw_type(env, "trustlint: unknown limit " + k);
  }
  return c;
}

// Throws Error(text) with .diagnostics = [{code, severity, message, location, notes}] and .code,
// in Node's words.
void throw_diagnostics(napi_env env, const trustlint::Diagnostics& engine_words) {
  const trustlint::Diagnostics diagnostics = tb::diagnostics_in_face_terms(engine_words, kFace);
  std::string text = tb::diagnostics_text(diagnostics);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty()) text = "trustlint: the input was refused";
  Json list = Json::array();
  for (const auto& d : diagnostics) list.push_back(tb::diagnostic_json(d));
  napi_value message, error, code;
  check(env, napi_create_string_utf8(env, text.data(), text.size(), &message));
  const std::string first = diagnostics.empty() ? "TL001" : diagnostics.front().code;
  check(env, napi_create_string_utf8(env, first.data(), first.size(), &code));
  check(env, napi_create_error(env, nullptr, message, &error));
  check(env, napi_set_named_property(env, error, "diagnostics", to_js(env, list)));
  check(env, napi_set_named_property(env, error, "code", code));
  check(env, napi_throw(env, error));
  throw Pending{};
}

struct Args {
  std::vector<napi_value> v;
  Args(napi_env env, napi_callback_info info, std::size_t n) : v(n) {
    std::size_t argc = n;
    check(env, napi_get_cb_info(env, info, &argc, v.data(), nullptr, nullptr));
    if (argc < n) throw_type(env, "trustlint: missing arguments");
  }
  napi_value operator[](std::size_t i) const { return v[i]; }
};

tb::PolicyArg policy_arg(napi_env env, const Args& a) {
  return tb::PolicyArg{string_arg(env, a[0], "policy"), string_arg(env, a[1], "name"), bool_arg(env, a[2])};
}

// The document, with what was met on the way (warnings, errors the gate found harmless) as a
// non-enumerable `diagnostics` array: JSON.stringify(result) stays the CLI's document.
napi_value with_diagnostics(napi_env env, napi_value out, const trustlint::Diagnostics& diagnostics) {
  Json list = Json::array();
  for (const auto& d : tb::diagnostics_in_face_terms(diagnostics, kFace)) list.push_back(tb::diagnostic_json(d));
  napi_property_descriptor p = {"diagnostics", nullptr, nullptr, nullptr, nullptr, to_js(env, list), napi_default, nullptr};
  check(env, napi_define_properties(env, out, 1, &p));
  return out;
}

napi_value answer(napi_env env, const trustlint::Result<Json>& r) {
  if (!r.has_value()) throw_diagnostics(env, r.diagnostics());
  return with_diagnostics(env, to_js(env, tb::document_in_face_terms(r.value(), kFace)), r.diagnostics());
}

template <typename F>
napi_value guarded(napi_env env, F&& f) {
  try {
    return f();
  } catch (const Pending&) {
    return nullptr;
  } catch (const std::exception& e) {
    napi_throw_error(env, nullptr, (std::string("trustlint: internal error: ") + e.what()).c_str());
    return nullptr;
  }
}

napi_value Can(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 6);
    return answer(env, tb::can(policy_arg(env, a), common_args(env, a[3], a[4]), string_arg(env, a[5], "request")));
  });
}

napi_value CanMany(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 6);
    const auto lines = strings_arg(env, a[5], "requests");
    auto batch = tb::BatchPolicy::open(policy_arg(env, a), common_args(env, a[3], a[4]));
    if (!batch.has_value()) throw_diagnostics(env, batch.diagnostics());
    napi_value out;
    check(env, napi_create_array_with_length(env, lines.size(), &out));
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Json decided = tb::document_in_face_terms(batch.value()->decide(lines[i], i + 1), kFace);
      check(env, napi_set_element(env, out, static_cast<uint32_t>(i), to_js(env, decided)));
    }
    return with_diagnostics(env, out, batch.diagnostics());
  });
}

napi_value Who(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 6);
    return answer(env, tb::who(policy_arg(env, a), common_args(env, a[3], a[4]), bool_arg(env, a[5])));
  });
}

napi_value Lint(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 7);
    return answer(env, tb::lint(policy_arg(env, a), common_args(env, a[3], a[4]), strings_arg(env, a[5], "teams"),
                                string_arg(env, a[6], "config")));
  });
}

napi_value LintPaths(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 4);
    napi_value no_resource;
    check(env, napi_create_string_utf8(env, "", 0, &no_resource));
    return answer(env, tb::lint_paths(strings_arg(env, a[0], "paths"), common_args(env, no_resource, a[1]),
                                      strings_arg(env, a[2], "teams"), string_arg(env, a[3], "config")));
  });
}

napi_value Diff(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 9);
    const tb::PolicyArg old_policy{string_arg(env, a[0], "old"), string_arg(env, a[1], "name"), bool_arg(env, a[2])};
    const tb::PolicyArg new_policy{string_arg(env, a[3], "new"), string_arg(env, a[4], "name"), bool_arg(env, a[5])};
    return answer(env, tb::diff(old_policy, new_policy, common_args(env, a[6], a[7]), bool_arg(env, a[8])));
  });
}

napi_value Test(napi_env env, napi_callback_info info) {
  return guarded(env, [&] {
    Args a(env, info, 2);
    napi_value no_resource;
    check(env, napi_create_string_utf8(env, "", 0, &no_resource));
    return answer(env, tb::test(strings_arg(env, a[0], "specs"), common_args(env, no_resource, a[1])));
  });
}

napi_value Version(napi_env env, napi_callback_info) {
  return guarded(env, [&] { return to_js(env, Json(tb::engine_version())); });
}

napi_value OptionVocabulary(napi_env env, napi_callback_info) {
  return guarded(env, [&] {
    Json rows = Json::array();
    for (const auto& w : trustlint::option_vocabulary()) {
      rows.push_back({{"cli", std::string(w.cli)}, {"python", std::string(w.python)}, {"node", std::string(w.node)}});
    }
    return to_js(env, rows);
  });
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor props[] = {
      {"can", nullptr, Can, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"canMany", nullptr, CanMany, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"who", nullptr, Who, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"lint", nullptr, Lint, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"lintPaths", nullptr, LintPaths, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"diff", nullptr, Diff, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"test", nullptr, Test, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"version", nullptr, Version, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"optionVocabulary", nullptr, OptionVocabulary, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  if (napi_define_properties(env, exports, sizeof props / sizeof props[0], props) != napi_ok) return nullptr;
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
