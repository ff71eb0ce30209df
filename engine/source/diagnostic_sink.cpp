// DiagnosticSink and message helpers.
#include "source/diagnostic_sink.h"

#include <cstdio>
#include <cstdlib>

#include "source/utf8.h"

namespace trustlint::internal {

void DiagnosticSink::add(Diagnostic d) {
  if (d.severity == Severity::error) {
    ++errors_;
    if (max_errors_ != 0 && errors_ > max_errors_) {
      ++hidden_;
      return;
    }
  }
  kept_.push_back(std::move(d));
}

void DiagnosticSink::add_all(Diagnostics diagnostics) {
  for (auto& d : diagnostics) {
    if (d.code == kMoreErrorsCode) {
      // "N more errors not shown" from an earlier stage: those errors count here too.
      const std::size_t n = std::strtoull(d.message.c_str(), nullptr, 10);
      errors_ += n;
      hidden_ += n;
      continue;
    }
    add(std::move(d));
  }
}

Diagnostics DiagnosticSink::finish(const std::string& file) && {
  if (hidden_ != 0) {
    Span where;
    where.file = file;
    kept_.push_back(make_note(kMoreErrorsCode,
                              std::to_string(hidden_) + (hidden_ == 1 ? " more error" : " more errors") +
                                  " not shown (the limit is " + std::to_string(max_errors_) + ")",
                              where));
  }
  return std::move(kept_);
}

std::string group_thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string quote(std::string_view text, std::size_t max_chars) {
  std::string out = "\"";
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    if (chars++ == max_chars) {
      out += "…";
      break;
    }
    const Utf8Char c = decode_utf8(text, pos);
    if (c.problem == nullptr && (c.code_point == '"' || c.code_point == '\\')) {
      out += '\\';
      out += static_cast<char>(c.code_point);
    } else {
      out += visible_text(text.substr(pos, c.length));  // one code point or one bad byte
    }
    pos += c.length;
  }
  out += '"';
  return out;
}

}  // namespace trustlint::internal
