// Every finding on every fixture points at the offending value: a known span (1-based line and
// column, never 0), start before end, byte offsets inside the file that agree with the line and
// column (counted here from the file's own bytes), and for JSON fixtures the bytes of the span
// are the value its JSON pointer names (or the key, for a finding about a key).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "unit/report/report_test_util.h"

TEST_SUITE_BEGIN("report");

namespace {

using namespace trustlint;
using namespace trustlint::testing;

struct Position {
  std::uint32_t line = 1, col = 1;
};

// Line and code-point column of byte `offset` in `text`.
Position position_of(const std::string& text, std::uint64_t offset) {
  Position p;
  for (std::uint64_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.col;
    }
  }
  return p;
}

// The span's bytes are the value at `pointer`; or, for a finding about a key (Resource,
// NotPrincipal, a misspelt operator or condition key), that key, quoted, as the pointer's last
// segment or as a member of the object it names; or, for a finding about one character
// (TL059), a part of the string there, as written (raw, or a JSON escape such as \u0000).
bool names_value(const nlohmann::json& tree, const nlohmann::json::json_pointer& pointer, const std::string& bytes) {
  const nlohmann::json& value = tree.at(pointer);
  const auto parsed = nlohmann::json::parse(bytes, nullptr, false);
  if (parsed.is_discarded()) {
    if (!value.is_string()) return false;
    const auto unescaped = nlohmann::json::parse("\"" + bytes + "\"", nullptr, false);
    const std::string part = unescaped.is_string() ? unescaped.get<std::string>() : bytes;
    return value.get<std::string>().find(part) != std::string::npos;
  }
  if (parsed == value) return true;
  if (!parsed.is_string()) return false;
  const auto key = parsed.get<std::string>();
  return (!pointer.empty() && pointer.back() == key) || (value.is_object() && value.contains(key));
}

}  // namespace

TEST_CASE("report::finding spans on every fixture") {
  const auto fixtures = all_fixtures();
  REQUIRE(fixtures.size() > 50);
  std::size_t checked = 0, values_compared = 0;
  for (const auto& fixture : fixtures) {
    const LintReport report = lint_relative(fixture);
    const std::string text = read_text(std::string(TRUSTLINT_SOURCE_DIR) + "/" + fixture);
    nlohmann::json tree;
    const bool json_file = fixture.size() > 5 && fixture.substr(fixture.size() - 5) == ".json";
    if (json_file) tree = nlohmann::json::parse(text, nullptr, false);
    for (const auto& f : report.findings) {
      CAPTURE(fixture);
      CAPTURE(f.rule);
      CAPTURE(f.message);
      const Span& s = f.span;
      REQUIRE(s.known());
      CHECK((s.file.empty() || s.file == fixture));
      CHECK(s.col >= 1);
      CHECK(s.end_line >= 1);
      CHECK(s.end_col >= 1);
      CHECK(std::tie(s.line, s.col) <= std::tie(s.end_line, s.end_col));
      CHECK(s.offset <= s.end_offset);
      CHECK(s.end_offset <= text.size());
      const Position start = position_of(text, s.offset), end = position_of(text, s.end_offset);
      CHECK(start.line == s.line);
      CHECK(start.col == s.col);
      CHECK(end.line == s.end_line);
      CHECK(end.col == s.end_col);
      ++checked;
      // The offending value itself: its bytes are the JSON value the pointer names.
      if (json_file && !tree.is_discarded() && !f.pointer.empty() && s.end_offset > s.offset) {
        const auto pointer = nlohmann::json::json_pointer(f.pointer);
        if (!tree.contains(pointer)) continue;
        const auto bytes = text.substr(s.offset, s.end_offset - s.offset);
        CAPTURE(bytes);
        CAPTURE(f.pointer);
        CHECK(names_value(tree, pointer, bytes));
        ++values_compared;
      }
    }
  }
  MESSAGE(checked << " findings checked, " << values_compared << " values compared");
  CHECK(checked > 100);
  CHECK(values_compared > 50);
}

TEST_SUITE_END();
