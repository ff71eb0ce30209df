// DiagnosticSink: collects the diagnostics of one input and enforces Limits::max_errors
// (collect, don't stop; OPA's default of 10). Errors past the limit are counted, not kept, and
// finish() appends one TL069 note "N more errors not shown". Also small message helpers.
// One sink per input; not shared between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "trustlint/diagnostic.h"

namespace trustlint::internal {

inline constexpr const char* kMoreErrorsCode = "TL069";

class DiagnosticSink {
 public:
  // max_errors == 0 means no limit.
  explicit DiagnosticSink(std::size_t max_errors) : max_errors_(max_errors) {}

  void add(Diagnostic d);
  // Adds diagnostics from an earlier stage; a TL069 note among them adds to the hidden count.
  void add_all(Diagnostics diagnostics);

  void error(const char* code, std::string message, Span span) { add(make_error(code, std::move(message), std::move(span))); }
  void warning(const char* code, std::string message, Span span) { add(make_warning(code, std::move(message), std::move(span))); }
  void note(const char* code, std::string message, Span span) { add(make_note(code, std::move(message), std::move(span))); }

  std::size_t error_count() const { return errors_; }  // kept and hidden
  bool has_errors() const { return errors_ != 0; }

  // The kept diagnostics, plus the TL069 note (spanned at `file`) when errors were hidden.
  Diagnostics finish(const std::string& file) &&;

 private:
  std::size_t max_errors_;
  std::size_t errors_ = 0;
  std::size_t hidden_ = 0;
  Diagnostics kept_;
};

// 16777216 → "16,777,216".
std::string group_thousands(std::uint64_t n);

// A value for a message: in double quotes, '"' and '\\' escaped, control characters and bytes
// that are not UTF-8 escaped as visible_text does, cut after `max_chars` code points (never
// inside one) with "…" so that a 10 MB string never lands in a message.
std::string quote(std::string_view text, std::size_t max_chars = 60);

}  // namespace trustlint::internal
