// build_embedded_policy: read the decoded string as JSON, build the model against it, then move
// every location from the string's coordinates to the outer file's.
#include "iac/embedded_policy.h"

#include "policy/build_model.h"
#include "source/diagnostic_sink.h"
#include "source/read_tree.h"

namespace trustlint::internal {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Byte offset of 1-based (line, col) in `text`, lines ending at LF, CR LF or CR as SourceFile
// counts them, columns in code points. Clamped to the text.
std::size_t offset_of(std::string_view text, std::size_t line, std::size_t col) {
  std::size_t pos = 0;
  for (std::size_t l = 1; l < line && pos < text.size(); ++pos) {
    if (text[pos] == '\n' || (text[pos] == '\r' && (pos + 1 == text.size() || text[pos + 1] != '\n'))) ++l;
  }
  for (std::size_t c = 1; c < col && pos < text.size(); ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0u) == 0x80u) ++pos;
  }
  return pos;
}

// Rewrites each "line N, column M" (the readers' and the grammar's way of pointing at an earlier
// place, e.g. a duplicate key's first occurrence) from string coordinates to file coordinates.
std::string translate_positions(const std::string& message, const MappedText& text, const SourceFile& outer) {
  static constexpr std::string_view kLine = "line ";
  static constexpr std::string_view kColumn = ", column ";
  std::string out;
  std::size_t pos = 0;
  while (pos < message.size()) {
    const std::size_t at = message.find(kLine, pos);
    if (at == std::string::npos) break;
    std::size_t p = at + kLine.size();
    const std::size_t line_begin = p;
    while (p < message.size() && is_digit(message[p])) ++p;
    const std::size_t line_end = p;
    const bool has_column = line_end > line_begin && message.compare(p, kColumn.size(), kColumn) == 0;
    std::size_t col_begin = p + kColumn.size();
    std::size_t col_end = col_begin;
    while (has_column && col_end < message.size() && is_digit(message[col_end])) ++col_end;
    if (!has_column || col_end == col_begin || line_end - line_begin > 9 || col_end - col_begin > 9) {
      out.append(message, pos, at + kLine.size() - pos);
      pos = at + kLine.size();
      continue;
    }
    Span inner;
    inner.line = 1;
    inner.offset = inner.end_offset = offset_of(text.text, std::stoul(message.substr(line_begin, line_end - line_begin)),
                                                std::stoul(message.substr(col_begin, col_end - col_begin)));
    const Span s = map_span(inner, text, outer);
    out.append(message, pos, at - pos);
    out += "line " + std::to_string(s.line) + ", column " + std::to_string(s.col);
    pos = col_end;
  }
  out.append(message, std::min(pos, message.size()), std::string::npos);
  return out;
}

void remap_diagnostics(Diagnostics& diagnostics, const MappedText& text, const SourceFile& outer) {
  for (Diagnostic& d : diagnostics) {
    d.span = map_span(d.span, text, outer);
    d.message = translate_positions(d.message, text, outer);
    for (std::string& note : d.notes) note = translate_positions(note, text, outer);
  }
}

}  // namespace

Result<Document> build_embedded_policy(const MappedText& text, const SourceFile& outer, const LoadOptions& options) {
  const SourceFile inner(outer.name(), text.text);
  DiagnosticSink sink(options.limits.max_errors);
  Result<Node> tree = read_tree(inner, InputFormat::json, options.limits);
  Diagnostics tree_diagnostics = tree.take_diagnostics();
  for (Diagnostic& d : tree_diagnostics) {
    if (d.code == "TL004" || d.code == "TL003") {
      d.notes.push_back("the trust policy is a JSON string inside this file; the position is inside that string");
    }
  }
  sink.add_all(std::move(tree_diagnostics));
  if (!tree.has_value()) {
    Diagnostics diagnostics = std::move(sink).finish(outer.name());
    remap_diagnostics(diagnostics, text, outer);
    return Result<Document>::failure(std::move(diagnostics));
  }
  Result<Document> model = build_model(tree.value(), inner, options);
  sink.add_all(model.take_diagnostics());
  Diagnostics diagnostics = std::move(sink).finish(outer.name());
  remap_diagnostics(diagnostics, text, outer);
  if (!model.has_value()) return Result<Document>::failure(std::move(diagnostics));
  Document doc = std::move(model).value();
  remap_document(doc, [&](const Span& s) { return map_span(s, text, outer); });
  return Result<Document>(std::move(doc), std::move(diagnostics));
}

}  // namespace trustlint::internal
