// Diagnostic helpers: severity names, counting, the one-line compiler-style format.
#include "trustlint/diagnostic.h"

#include <algorithm>

#include "source/utf8.h"

namespace trustlint {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t count_errors(const Diagnostics& diagnostics) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.span.file.empty() ? std::string("<input>") : internal::visible_text(d.span.file);
  if (d.span.known()) {
    out += ":" + std::to_string(d.span.line) + ":" + std::to_string(d.span.col);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": " + internal::visible_text(d.message) + " [" + d.code + "]";
  return out;
}

static Diagnostic make(Severity s, std::string code, std::string message, Span span) {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = s;
  d.message = std::move(message);
  d.span = std::move(span);
  return d;
}

Diagnostic make_error(std::string code, std::string message, Span span) {
  return make(Severity::error, std::move(code), std::move(message), std::move(span));
}
Diagnostic make_warning(std::string code, std::string message, Span span) {
  return make(Severity::warning, std::move(code), std::move(message), std::move(span));
}
Diagnostic make_note(std::string code, std::string message, Span span) {
  return make(Severity::note, std::move(code), std::move(message), std::move(span));
}

}  // namespace trustlint
