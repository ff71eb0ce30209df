// SARIF helpers: file URIs, UTF-16 columns, fingerprints, slugs (see sarif_support.h).
#include "report/sarif_support.h"

#include <cctype>

#include "source/utf8.h"

namespace trustlint::internal {

std::string file_uri(std::string_view path) {
  while (path.size() > 2 && path.substr(0, 2) == "./") path.remove_prefix(2);
  static const char* kHex = "0123456789ABCDEF";
  std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::uint32_t utf16_column(std::optional<std::string_view> line, std::uint32_t col) {
  if (!line || col == 0) return col;
  std::uint32_t units = 1, seen = 1;
  for (std::size_t pos = 0; pos < line->size() && seen < col; ++seen) {
    const auto c = decode_utf8(*line, pos);
    units += c.problem == nullptr && c.code_point > 0xFFFF ? 2 : 1;
    pos += c.length;
  }
  return units + (col - seen);  // past the end of the line (a span's end): one unit each
}

std::string fingerprint_hex(std::initializer_list<std::string_view> parts) {
  std::uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull;
  auto mix = [&](unsigned char c) {
    a = (a ^ c) * 0x100000001b3ull;
    b = (b ^ c) * 0x100000001b3ull;
  };
  for (auto part : parts) {
    for (int shift = 0; shift < 64; shift += 8) mix(static_cast<unsigned char>(part.size() >> shift));
    for (unsigned char c : part) mix(c);
  }
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (std::uint64_t v : {a, b}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 15];
  }
  return out;
}

std::string slug(std::string_view title) {
  std::string out;
  for (unsigned char c : title) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string printable_text(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = decode_utf8(text, pos);
    const bool line_break = c.code_point == '\t' || c.code_point == '\n' || c.code_point == '\r';
    if (c.problem != nullptr) append_utf8(out, 0xFFFD);
    else if (needs_escape(c.code_point) && !line_break) out += visible_text(text.substr(pos, c.length));
    else out.append(text.substr(pos, c.length));
    pos += c.length;
  }
  return out;
}

}  // namespace trustlint::internal
