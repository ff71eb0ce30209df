// SourceSnapshot lookups and the clang-style excerpt under a finding: the source line and a
// caret with tildes under the offending value. Only quotes what the snapshot holds; control
// characters, direction marks (needs_escape) and malformed UTF-8 are shown as '?' so an excerpt
// can never drive the terminal or reorder what it shows.
#include <iomanip>
#include <sstream>

#include "report/ansi.h"
#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {

const std::string* SourceSnapshot::text(const std::string& file) const {
  if (auto it = files.find(file); it != files.end()) return &it->second;
  auto it = shared.find(file);
  return it == shared.end() || !it->second ? nullptr : it->second.get();
}

bool SourceSnapshot::has(const std::string& file) const { return text(file) != nullptr || quoted.contains(file); }

namespace {

void add_report(SourceSnapshot& snapshot, const LintReport& r) {
  if (r.source) snapshot.shared.emplace(r.file, r.source);
  if (!r.quoted) return;
  QuotedLines& lines = snapshot.quoted[r.file];
  for (const auto& [offset, run] : r.quoted->runs) lines.merge(offset, run);
}

}  // namespace

SourceSnapshot SourceSnapshot::of(const LintReport& report) {
  SourceSnapshot snapshot;
  add_report(snapshot, report);
  return snapshot;
}

SourceSnapshot SourceSnapshot::of(const std::vector<LintReport>& reports) {
  SourceSnapshot snapshot;
  for (const auto& r : reports) add_report(snapshot, r);
  return snapshot;
}

std::optional<std::string_view> SourceSnapshot::line(const std::string& file, std::uint32_t number) const {
  const std::string* t = text(file);
  if (t == nullptr || number == 0) return std::nullopt;
  std::size_t start = 0;
  for (std::uint32_t n = 1; n < number; ++n) {
    start = t->find('\n', start);
    if (start == std::string::npos) return std::nullopt;
    ++start;
  }
  if (start > t->size()) return std::nullopt;
  std::size_t end = t->find('\n', start);
  if (end == std::string::npos) end = t->size();
  if (end > start && (*t)[end - 1] == '\r') --end;
  return std::string_view(*t).substr(start, end - start);
}

std::optional<std::string_view> SourceSnapshot::line_at(const std::string& file, std::uint64_t offset) const {
  const std::string* t = text(file);
  std::uint64_t base = 0;
  if (t == nullptr) {
    auto it = quoted.find(file);
    const auto* run = it == quoted.end() ? nullptr : it->second.find(offset, offset);
    if (run == nullptr) return std::nullopt;
    base = run->first;
    t = &run->second;
  }
  offset -= base;
  if (offset > t->size()) return std::nullopt;
  const std::size_t start = offset == 0 ? 0 : t->rfind('\n', offset - 1) + 1;  // npos + 1 == 0
  std::size_t end = t->find('\n', offset);
  if (end == std::string::npos) end = t->size();
  if (end > start && (*t)[end - 1] == '\r') --end;
  return std::string_view(*t).substr(start, end - start);
}

std::optional<std::string_view> SourceSnapshot::excerpt(const Span& span, const std::string& fallback_file) const {
  const std::string& file = span.file.empty() ? fallback_file : span.file;
  const std::string* t = text(file);
  std::uint64_t base = 0;
  if (t == nullptr && span.end_offset >= span.offset) {
    auto it = quoted.find(file);
    const auto* run = it == quoted.end() ? nullptr : it->second.find(span.offset, span.end_offset);
    if (run != nullptr) {
      base = run->first;
      t = &run->second;
    }
  }
  if (t == nullptr || !span.known() || span.end_offset < span.offset || span.end_offset - base > t->size()) {
    return std::nullopt;
  }
  return std::string_view(*t).substr(span.offset - base, span.end_offset - span.offset);
}

namespace {

// How many code points the line holds (malformed bytes count as they are shown, one '?' each).
std::size_t code_points(std::string_view line) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < line.size(); ++n) pos += internal::decode_utf8(line, pos).length;
  return n;
}

// Code points [from, to) of the line as printable text: each entry is what to print for one
// code point. Only the shown window is built (a minified policy is one long line, quoted once
// per finding).
std::vector<std::string> printable(std::string_view line, std::size_t from, std::size_t to) {
  std::vector<std::string> out;
  out.reserve(to - from);
  std::size_t index = 0;
  for (std::size_t pos = 0; pos < line.size() && index < to; ++index) {
    const auto c = internal::decode_utf8(line, pos);
    if (index >= from) {
      if (c.problem != nullptr || (internal::needs_escape(c.code_point) && c.code_point != '\t')) {
        out.emplace_back("?");
      } else {
        out.emplace_back(line.substr(pos, c.length));
      }
    }
    pos += c.length;
  }
  return out;
}

constexpr std::size_t kMaxShown = 160;  // code points of one excerpt line (minified policies)
constexpr std::size_t kContext = 40;

}  // namespace

std::string render_source_excerpt(const Span& span, const std::string& fallback_file, const SourceSnapshot& sources,
                                  bool color) {
  if (!span.known()) return "";
  const std::string& file = span.file.empty() ? fallback_file : span.file;
  // By offset when the span has one (a long file is not scanned from its start for each finding).
  const bool by_offset = span.offset > 0 || span.line == 1;
  const auto line = by_offset ? sources.line_at(file, span.offset) : sources.line(file, span.line);
  if (!line) return "";
  const std::size_t size = code_points(*line);
  // Columns are 1-based code points; the value runs to end_col on its line, or to the line's end
  // when it goes on below. An empty span (a position, not a value) gets one caret.
  std::size_t first = std::min<std::size_t>(span.col - 1, size);
  std::size_t last = span.end_line > span.line ? size : span.end_col > span.col ? span.end_col - 1 : first + 1;
  last = std::max(std::min(last, size), first + 1);
  std::size_t from = 0, to = size;
  if (size > kMaxShown) {
    from = first > kContext ? first - kContext : 0;
    to = std::min(size, from + kMaxShown);  // a value longer than that is underlined up to the cut
  }
  const auto chars = printable(*line, from, to);  // chars[i - from] is code point i
  std::string text = from > 0 ? "..." : "", marks = from > 0 ? "   " : "";
  for (std::size_t i = from; i < to; ++i) {
    const std::string& ch = chars[i - from];
    text += ch;
    if (i < first) marks += ch == "\t" ? "\t" : " ";
    else if (i < last) marks += i == first ? '^' : '~';
  }
  if (first >= to) marks += '^';  // the span starts at the end of the line
  if (to < size) text += "...";
  const std::size_t lead = marks.find_first_not_of(" \t");
  std::ostringstream out;
  out << std::setw(5) << span.line << " | " << text << "\n"
      << "      | " << marks.substr(0, lead) << internal::paint(marks.substr(lead), internal::kGreenBold, color) << "\n";
  return out.str();
}

}  // namespace trustlint
