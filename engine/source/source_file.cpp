// STUB: replaced by the parse helper's file at merge.
// Minimal SourceFile (line index, span, line_text) so the YAML reader can link and be tested.
#include "source/source_file.h"

#include <algorithm>

namespace trustlint::internal {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

// Columns count code points: every byte that is not a UTF-8 continuation byte starts one.
std::uint32_t SourceFile::column_of(std::size_t line_start, std::size_t offset) const {
  std::uint32_t col = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

Span SourceFile::span(std::size_t begin, std::size_t end) const {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  auto locate = [this](std::size_t offset, std::uint32_t& line, std::uint32_t& col) {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    line = static_cast<std::uint32_t>(index + 1);
    col = column_of(line_starts_[index], offset);
  };
  Span s;
  s.file = name_;
  locate(begin, s.line, s.col);
  locate(end, s.end_line, s.end_col);
  s.offset = begin;
  s.end_offset = end;
  return s;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace trustlint::internal
