// MappedText: decoding JSON string literals, aligning YAML scalars, percent-decoding, and
// mapping spans inside a decoded string back to the file.
#include "iac/mapped_text.h"

#include <algorithm>

#include "source/utf8.h"

namespace trustlint::internal {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char32_t hex4(std::string_view text, std::size_t at) {
  char32_t v = 0;
  for (std::size_t i = 0; i < 4 && at + i < text.size(); ++i) {
    v = v * 16 + static_cast<char32_t>(std::max(0, hex_value(text[at + i])));
  }
  return v;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes of the source an unmatched value byte may skip before the search gives up (quotes, an
// escape such as \x41 or a block indicator such as |2-); white space is skipped at no cost.
constexpr std::size_t kAlignSkip = 6;

}  // namespace

void MappedText::append(std::string_view bytes, std::size_t from) {
  text.append(bytes);
  origin.insert(origin.end(), bytes.size(), from);
}

MappedText decode_json_literal(std::string_view file_text, std::size_t begin) {
  MappedText out;
  std::size_t pos = begin + 1;
  while (pos < file_text.size() && file_text[pos] != '"') {
    const std::size_t at = pos;
    if (file_text[pos] != '\\') {
      out.append(file_text.substr(pos, 1), at);
      ++pos;
      continue;
    }
    const char e = pos + 1 < file_text.size() ? file_text[pos + 1] : '\\';
    pos += 2;
    switch (e) {
      case 'b': out.append("\b", at); break;
      case 'f': out.append("\f", at); break;
      case 'n': out.append("\n", at); break;
      case 'r': out.append("\r", at); break;
      case 't': out.append("\t", at); break;
      case 'u': {
        char32_t cp = hex4(file_text, pos);
        pos += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && file_text.substr(pos, 2) == "\\u") {
          const char32_t low = hex4(file_text, pos + 2);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          pos += 6;
        }
        std::string bytes;
        append_utf8(bytes, cp);
        out.append(bytes, at);
        break;
      }
      default: out.append(std::string(1, e), at); break;  // \" \\ \/
    }
  }
  out.finish(std::min(pos, file_text.size()));
  return out;
}

MappedText align_scalar(std::string_view file_text, std::size_t begin, std::size_t end, std::string_view value) {
  MappedText out;
  end = std::min(end, file_text.size());
  std::size_t cursor = std::min(begin, end);
  for (char c : value) {
    std::size_t look = cursor;
    std::size_t skipped = 0;
    while (look < end && file_text[look] != c && (is_blank(file_text[look]) || skipped++ < kAlignSkip)) ++look;
    if (look < end && file_text[look] == c) {
      out.append(std::string_view(&c, 1), look);
      cursor = look + 1;
    } else {
      out.append(std::string_view(&c, 1), cursor);
    }
  }
  out.finish(cursor);
  return out;
}

bool percent_decode(const MappedText& in, MappedText& out, std::size_t& bad_at) {
  out = MappedText{};
  const std::string& t = in.text;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] != '%') {
      out.append(std::string_view(t).substr(i, 1), in.origin[i]);
      ++i;
      continue;
    }
    const int hi = i + 2 < t.size() ? hex_value(t[i + 1]) : -1;
    const int lo = hi >= 0 ? hex_value(t[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      bad_at = i;
      return false;
    }
    const char byte = static_cast<char>(hi * 16 + lo);
    out.append(std::string_view(&byte, 1), in.origin[i]);
    i += 3;
  }
  out.finish(in.origin.back());
  return true;
}

Span map_span(const Span& inner, const MappedText& text, const SourceFile& file) {
  if (!inner.known()) {
    Span s = inner;
    s.file = file.name();
    return s;
  }
  const std::size_t last = text.origin.size() - 1;
  const std::size_t begin = text.origin[std::min<std::size_t>(inner.offset, last)];
  const std::size_t end = text.origin[std::min<std::size_t>(inner.end_offset, last)];
  return file.span(begin, std::max(begin, end));
}

}  // namespace trustlint::internal
