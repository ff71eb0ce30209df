// Result<T>: a value and the diagnostics produced while computing it. A result is ok() when it
// holds a value and no error; it may still carry warnings. A failed result may hold a partial
// value (collect, don't stop), reachable through has_value() and value(). No exceptions cross
// the API.
//
// Example:
//   trustlint::Result<trustlint::Document> doc = trustlint::load_policy_file("role.json");
//   for (const auto& d : doc.diagnostics()) std::cerr << trustlint::format_diagnostic(d) << "\n";
//   if (doc.ok()) use(doc.value());                  // a value and no error
//   else if (doc.has_value()) partial(doc.value());  // errors, and what could still be read
//   trustlint::Document owned = std::move(doc).value();  // REQUIRES: has_value()
//
// Ownership: Result owns its value and its diagnostics; value() returns a reference into it,
// std::move(result).value() moves the value out.
// Thread safety: like T: a Result may be read from several threads when T may.
#pragma once

#include <optional>
#include <utility>

#include "trustlint/diagnostic.h"

namespace trustlint {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose
  Result(T value, Diagnostics diagnostics) : value_(std::move(value)), diagnostics_(std::move(diagnostics)) {}
  static Result failure(Diagnostics diagnostics) {
    Result r;
    r.diagnostics_ = std::move(diagnostics);
    return r;
  }
  static Result failure(Diagnostic diagnostic) { return failure(Diagnostics{std::move(diagnostic)}); }

  bool ok() const { return value_.has_value() && !has_errors(diagnostics_); }
  bool has_value() const { return value_.has_value(); }

  // REQUIRES: has_value()
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  const T& operator*() const { return *value_; }

  const Diagnostics& diagnostics() const { return diagnostics_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  Diagnostics take_diagnostics() { return std::move(diagnostics_); }

 private:
  Result() = default;
  std::optional<T> value_;
  Diagnostics diagnostics_;
};

}  // namespace trustlint
