// IAM's character set for policy documents: TAB, LF, CR and U+0020–U+00FF (docs/semantics.md#document).
// Every key and string value is checked; the diagnostic points at the offending character in
// the source, or at the string when the character was written in a way we cannot map back.
#include "policy/model_parts.h"
#include "source/json_scan.h"
#include "source/utf8.h"

namespace trustlint::internal {

namespace {

// First character of `text` IAM does not accept, or npos.
std::size_t first_rejected(std::string_view text, char32_t& found) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (c.problem == nullptr && !iam_accepts_character(c.code_point)) {
      found = c.code_point;
      return i;
    }
    i += c.length;
  }
  return std::string_view::npos;
}

// Scans the source text of a JSON string for the first rejected character, decoding escapes
// (\b, \f, \uXXXX and surrogate pairs) as it goes. Returns the [begin, end) bytes or npos.
std::size_t locate_in_source(std::string_view raw, std::size_t& length) {
  for (std::size_t i = 0; i < raw.size();) {
    char32_t cp = 0;
    std::size_t n = 1;
    if (raw[i] == '\\' && i + 1 < raw.size()) {
      n = 2;
      switch (raw[i + 1]) {
        case 'b': cp = 0x08; break;
        case 'f': cp = 0x0C; break;
        case 'u': {
          const UnicodeEscape u = decode_unicode_escape(raw, i);
          if (u.length == 0) {
            cp = 0x20;  // not a valid escape; the reader has reported it
            break;
          }
          cp = u.code_point;  // a lone surrogate (reported by the reader too) as itself
          n = u.length;
          break;
        }
        default: cp = 0x20; break;  // \" \\ \/ \n \r \t: all accepted
      }
    } else {
      const Utf8Char c = decode_utf8(raw, i);
      cp = c.problem == nullptr ? c.code_point : 0x20;
      n = c.length;
    }
    if (!iam_accepts_character(cp)) {
      length = n;
      return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

void check_text(const std::string& text, const Span& span, ModelContext& ctx) {
  char32_t cp = 0;
  if (first_rejected(text, cp) == std::string_view::npos) return;
  Span where = span;
  const std::string_view source = ctx.file.text();
  if (span.end_offset <= source.size() && span.offset < span.end_offset) {
    std::string_view raw(source);
    raw = raw.substr(span.offset, span.end_offset - span.offset);
    std::size_t length = 0;
    const std::size_t at = locate_in_source(raw, length);
    if (at != std::string_view::npos) where = ctx.file.span(span.offset + at, span.offset + at + length);
  }
  ctx.report(Severity::error, "TL059", "character " + describe_code_point(cp) + " is not allowed in an IAM policy document",
             where, {"IAM accepts only TAB, LF, CR and U+0020–U+00FF in a policy (docs/semantics.md#document)"});
}

}  // namespace

bool iam_accepts_character(char32_t cp) { return cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0xFF); }

void check_character_set(const Node& root, ModelContext& ctx) {
  std::vector<const Node*> todo{&root};
  while (!todo.empty()) {
    const Node* node = todo.back();
    todo.pop_back();
    if (node->kind == NodeKind::string) check_text(node->text, node->span, ctx);
    for (auto it = node->members.rbegin(); it != node->members.rend(); ++it) todo.push_back(&it->value);
    for (auto it = node->items.rbegin(); it != node->items.rend(); ++it) todo.push_back(&*it);
    // Keys come before their values in the source; check them in that order.
    for (const Member& m : node->members) check_text(m.key, m.key_span, ctx);
  }
}

}  // namespace trustlint::internal
