// UTF-8 decoding (RFC 3629 well-formedness, Unicode Table 3-7), encoding and check_utf8.
#include "source/utf8.h"

#include <cstdio>

#include "source/source_file.h"

namespace trustlint::internal {

namespace {

bool is_continuation(unsigned char b) { return is_utf8_continuation(static_cast<char>(b)); }

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  Utf8Char c;
  if (b0 < 0x80) {
    c.code_point = b0;
    return c;
  }
  if (is_continuation(b0)) {
    c.problem = "unexpected continuation byte";
    return c;
  }
  if (b0 == 0xC0 || b0 == 0xC1) {
    c.problem = "overlong encoding";
    return c;
  }
  if (b0 > 0xF4) {
    c.problem = "byte that never appears in UTF-8";
    return c;
  }
  std::size_t need = b0 < 0xE0 ? 1 : b0 < 0xF0 ? 2 : 3;
  // Allowed range of the second byte (Unicode Table 3-7): this is where overlong forms,
  // surrogates and code points past U+10FFFF are ruled out.
  unsigned char lo = 0x80, hi = 0xBF;
  const char* range_problem = nullptr;
  if (b0 == 0xE0) lo = 0xA0, range_problem = "overlong encoding";
  if (b0 == 0xED) hi = 0x9F, range_problem = "encoded surrogate (U+D800–U+DFFF)";
  if (b0 == 0xF0) lo = 0x90, range_problem = "overlong encoding";
  if (b0 == 0xF4) hi = 0x8F, range_problem = "code point past U+10FFFF";
  if (pos + 1 >= text.size()) {
    c.problem = "truncated multi-byte sequence";
    return c;
  }
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  if (!is_continuation(b1)) {
    c.problem = "truncated multi-byte sequence";
    return c;
  }
  if (b1 < lo || b1 > hi) {
    c.problem = range_problem;
    return c;
  }
  char32_t cp = b0 & (need == 1 ? 0x1Fu : need == 2 ? 0x0Fu : 0x07u);
  for (std::size_t i = 1; i <= need; ++i) {
    if (pos + i >= text.size() || !is_continuation(static_cast<unsigned char>(text[pos + i]))) {
      c.problem = "truncated multi-byte sequence";
      return c;
    }
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3Fu);
  }
  c.code_point = cp;
  c.length = need + 1;
  return c;
}

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  const Utf8Char c = decode_utf8(text, pos);
  if (c.problem != nullptr) {
    ++pos;
    return kInvalidByteBase + b0;
  }
  pos += c.length;
  return c.code_point;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (next_code_point(text, pos) >= kInvalidByteBase) return false;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char ch : text) n += is_utf8_continuation(ch) ? 0 : 1;
  return n;
}

std::string describe_code_point(char32_t cp) {
  if (cp >= 0x21 && cp < 0x7F) return std::string("'") + static_cast<char>(cp) + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool needs_escape(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

std::string visible_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b >= 0x20 && b < 0x7F) {  // a run of printable ASCII is copied as it is, in one append
      std::size_t end = pos + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x20 && static_cast<unsigned char>(text[end]) < 0x7F) ++end;
      out.append(text.data() + pos, end - pos);
      pos = end;
      continue;
    }
    const Utf8Char c = decode_utf8(text, pos);
    char buf[16];
    if (c.problem != nullptr) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(b));
      out += buf;
    } else if (c.code_point == '\n') {
      out += "\\n";
    } else if (c.code_point == '\t') {
      out += "\\t";
    } else if (c.code_point == '\r') {
      out += "\\r";
    } else if (needs_escape(c.code_point)) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c.code_point));
      out += buf;
    } else {
      out.append(text.substr(pos, c.length));
    }
    pos += c.length;
  }
  return out;
}

std::string cut_utf8(std::string_view text, std::size_t max_code_points) {
  std::size_t pos = 0;
  for (std::size_t n = 0; pos < text.size(); ++n) {
    if (n == max_code_points) return std::string(text.substr(0, pos)) + "…";
    pos += decode_utf8(text, pos).length;
  }
  return std::string(text);
}

Diagnostics check_utf8(const SourceFile& file) {
  std::string_view text = file.text();
  for (std::size_t pos = 0; pos < text.size();) {
    // Fast path for ASCII runs.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      if ((++pos & 0x3FFFFF) == 0) file.release_before(pos);  // a mapped file: 4 MB resident at most
      continue;
    }
    Utf8Char c = decode_utf8(text, pos);
    if (c.problem != nullptr) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[pos])));
      Diagnostic d = make_error("TL003", std::string("invalid UTF-8: ") + c.problem + " at byte " + byte,
                                file.point(pos));
      d.notes.push_back("policies must be UTF-8 text; re-save the file as UTF-8 (it may be Latin-1 or UTF-16)");
      return {d};
    }
    pos += c.length;
  }
  file.release_before(text.size());
  return {};
}

}  // namespace trustlint::internal
