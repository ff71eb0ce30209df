// Diagnostics: located messages with stable codes. Every error the library reports is a
// Diagnostic value (never an exception across the API), so callers can render, filter or count
// them.
//
// Example:
//   auto doc = trustlint::load_policy_file("trust-policy.json");
//   for (const trustlint::Diagnostic& d : doc.diagnostics())
//     std::cerr << trustlint::format_diagnostic(d) << "\n";  // "file:3:5: error: ... [TL004]"
//   if (trustlint::has_errors(doc.diagnostics())) return 2;
//   std::cout << trustlint::count_errors(doc.diagnostics()) << " errors\n";
//
// Ownership: Span, Diagnostic and Diagnostics (a vector) are plain values owning their
// strings; a Span names its file by path and points into no buffer.
// Thread safety: the functions are pure; values are safe to copy and read between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace trustlint {

enum class Severity { error, warning, note };

const char* severity_name(Severity s);  // "error", "warning", "note"

// A region of a source file. Lines and columns are 1-based (0 means "unknown"); columns count
// Unicode code points from the start of the line. Offsets are byte offsets into the file.
struct Span {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t col = 0;
  std::uint32_t end_line = 0;  // position just past the last character
  std::uint32_t end_col = 0;
  std::uint64_t offset = 0;
  std::uint64_t end_offset = 0;

  bool known() const { return line != 0; }
};

struct Diagnostic {
  std::string code;  // stable, e.g. "TL001"; listed in rules/catalogue.yaml
  Severity severity = Severity::error;
  std::string message;
  Span span;
  std::vector<std::string> notes;  // extra lines: did-you-mean, what IAM says, (u) markers
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);
std::size_t count_errors(const Diagnostics& diagnostics);

// "file:line:col: severity: message [CODE]" (ninja/clang style), without the notes.
std::string format_diagnostic(const Diagnostic& d);

// Builders used throughout the engine.
Diagnostic make_error(std::string code, std::string message, Span span);
Diagnostic make_warning(std::string code, std::string message, Span span);
Diagnostic make_note(std::string code, std::string message, Span span);

}  // namespace trustlint
