// The compiled half of the Python package `trustlint` (imported as trustlint._trustlint): each
// verb takes the policy and the request as plain values, releases the GIL while the engine works,
// and returns the CLI's JSON document as Python objects (True, document, diagnostics met), or
// (False, diagnostics, text) for the Python half to raise as trustlint.PolicyError. trustlint/__init__.py is the public face.
// Every message it hands back names Python's keywords, not the CLI's flags (face_terms.h).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings/core/face_terms.h"
#include "bindings/core/facade.h"

namespace py = pybind11;
namespace tb = trustlint::bindings;
using tb::Json;
constexpr trustlint::Face kFace = trustlint::Face::python;

namespace {

py::object to_python(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return py::none();
    case Json::value_t::boolean: return py::bool_(j.get<bool>());
    case Json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case Json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case Json::value_t::number_float: return py::float_(j.get<double>());
    case Json::value_t::string: {
      const auto& s = j.get_ref<const std::string&>();
      return py::reinterpret_steal<py::object>(PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
    }
    case Json::value_t::array: {
      py::list out;
      for (const auto& v : j) out.append(to_python(v));
      return out;
    }
    case Json::value_t::object: {
      py::dict out;
      for (auto it = j.begin(); it != j.end(); ++it) out[py::str(it.key())] = to_python(it.value());
      return out;
    }
    default: return py::none();
  }
}

// Diagnostics in Python's words, as dicts.
py::object diagnostics_list(const trustlint::Diagnostics& diagnostics) {
  Json list = Json::array();
  for (const auto& d : tb::diagnostics_in_face_terms(diagnostics, kFace)) list.push_back(tb::diagnostic_json(d));
  return to_python(list);
}

// (False, [diagnostic…], text): refused; (True, value, [diagnostic…]): answered, with what was
// met on the way (warnings, errors the gate found harmless). Messages, notes and the document's
// prose in Python's words.
py::tuple failure(const trustlint::Diagnostics& diagnostics) {
  return py::make_tuple(false, diagnostics_list(diagnostics),
                        tb::diagnostics_text(tb::diagnostics_in_face_terms(diagnostics, kFace)));
}

py::tuple answer(const trustlint::Result<Json>& r) {
  if (!r.has_value()) return failure(r.diagnostics());
  return py::make_tuple(true, to_python(tb::document_in_face_terms(r.value(), kFace)), diagnostics_list(r.diagnostics()));
}

// The limits a caller may raise (names as the CLI's flags, without --max-).
tb::CommonArgs common_args(const std::string& resource, const py::dict& limits) {
  tb::CommonArgs c;
  c.resource = resource;
  auto& l = c.load.limits;
  for (auto item : limits) {
    const auto key = item.first.cast<std::string>();
    const auto value = item.second.cast<std::size_t>();
    if (key == "bytes") l.max_bytes = value;
    else if (key == "depth") l.max_depth = value;
    else if (key == "nodes") l.max_nodes = value;
    else if (key == "string_length") l.max_string_length = value;
    else if (key == "statements") l.max_statements = value;
    else if (key == "values") l.max_values = value;
    else if (key == "states") l.max_automaton_states = value;
    else if (key == "errors") l.max_errors = value;
    else if (key == "quota") c.load.quota = {value, true};
    else throw py::value_error("unknown limit: " + key);
  }
  return c;
}

tb::PolicyArg policy_arg(const std::string& text, const std::string& name, bool is_path) {
  return tb::PolicyArg{text, name, is_path};
}

// One compiled policy for can_many: requests are decided in chunks with the GIL released.
class Batch {
 public:
  explicit Batch(std::unique_ptr<tb::BatchPolicy> p) : policy_(std::move(p)) {}
  py::list decide(const std::vector<std::string>& lines, std::size_t first_line) const {
    std::vector<Json> out(lines.size());
    {
      py::gil_scoped_release unlocked;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out[i] = tb::document_in_face_terms(policy_->decide(lines[i], first_line + i), kFace);
      }
    }
    py::list result;
    for (const auto& j : out) result.append(to_python(j));
    return result;
  }

 private:
  std::unique_ptr<tb::BatchPolicy> policy_;
};

}  // namespace

PYBIND11_MODULE(_trustlint, m) {
  m.doc() = "trustlint's engine (use the package trustlint, not this module)";
  m.def("version", &tb::engine_version);
  // The face vocabulary's rows (cli, python, node), for the tests that hold the bindings' option
  // names and the table together (tests/test_vocabulary.py, tests/bindings/three_faces.py).
  m.def("option_vocabulary", [] {
    py::list rows;
    for (const auto& w : trustlint::option_vocabulary()) {
      rows.append(py::make_tuple(std::string(w.cli), std::string(w.python), std::string(w.node)));
    }
    return rows;
  });

  m.def("can", [](const std::string& text, const std::string& name, bool is_path, const std::string& resource,
                  const py::dict& limits, const std::string& request) {
    const auto common = common_args(resource, limits);
    const auto policy = policy_arg(text, name, is_path);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::can(policy, common, request);
    }
    return answer(r);
  });

  m.def("who", [](const std::string& text, const std::string& name, bool is_path, const std::string& resource,
                  const py::dict& limits, bool any_audience) {
    const auto common = common_args(resource, limits);
    const auto policy = policy_arg(text, name, is_path);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::who(policy, common, any_audience);
    }
    return answer(r);
  });

  m.def("lint", [](const std::string& text, const std::string& name, bool is_path, const std::string& resource,
                   const py::dict& limits, const std::vector<std::string>& teams, const std::string& config) {
    const auto common = common_args(resource, limits);
    const auto policy = policy_arg(text, name, is_path);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::lint(policy, common, teams, config);
    }
    return answer(r);
  });

  m.def("lint_paths", [](const std::vector<std::string>& paths, const py::dict& limits, const std::vector<std::string>& teams,
                         const std::string& config) {
    const auto common = common_args("", limits);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::lint_paths(paths, common, teams, config);
    }
    return answer(r);
  });

  m.def("diff", [](const std::string& old_text, const std::string& old_name, bool old_is_path, const std::string& new_text,
                   const std::string& new_name, bool new_is_path, const std::string& resource, const py::dict& limits,
                   bool any_audience) {
    const auto common = common_args(resource, limits);
    const auto old_policy = policy_arg(old_text, old_name, old_is_path);
    const auto new_policy = policy_arg(new_text, new_name, new_is_path);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::diff(old_policy, new_policy, common, any_audience);
    }
    return answer(r);
  });

  m.def("test", [](const std::vector<std::string>& paths, const py::dict& limits) {
    const auto common = common_args("", limits);
    trustlint::Result<Json> r = trustlint::Result<Json>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::test(paths, common);
    }
    return answer(r);
  });

  py::class_<Batch>(m, "Batch").def("decide", &Batch::decide);
  m.def("open_batch", [](const std::string& text, const std::string& name, bool is_path, const std::string& resource,
                         const py::dict& limits) -> py::object {
    const auto common = common_args(resource, limits);
    const auto policy = policy_arg(text, name, is_path);
    trustlint::Result<std::unique_ptr<tb::BatchPolicy>> r =
        trustlint::Result<std::unique_ptr<tb::BatchPolicy>>::failure(trustlint::Diagnostics{});
    {
      py::gil_scoped_release unlocked;
      r = tb::BatchPolicy::open(policy, common);
    }
    if (!r.has_value()) return failure(r.diagnostics());
    return py::make_tuple(true, py::cast(Batch(std::move(r.value()))), diagnostics_list(r.diagnostics()));
  });
}
