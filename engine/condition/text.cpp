// Text helpers for the condition operators: ASCII folding (UTF-8 decoding is source/utf8.h's).
#include "condition/text.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace trustlint::internal {

std::string ascii_lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool equals_ignore_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

bool has_non_ascii(std::string_view s) {
  // Eight bytes at a time (it runs on every request value a pattern meets).
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if ((w & 0x8080808080808080ULL) != 0) return true;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return true;
  }
  return false;
}

}  // namespace trustlint::internal
