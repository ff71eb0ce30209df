// SourceFile (line index, code-point columns) and read_source_file (limits, stdin name, BOM).
#include "source/source_file.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

TEST_SUITE_BEGIN("source");

using trustlint::internal::read_source_file;
using trustlint::internal::SourceFile;

namespace {

// A file in the system temp directory, removed at the end of the test.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& name) : path(std::filesystem::temp_directory_path() / name) {}
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  void write(const std::string& bytes) const {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
};

std::string unique_name(const char* stem) {
  return std::string("trustlint_") + stem + "_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

}  // namespace

TEST_CASE("source::SourceFile lines and columns") {
  SUBCASE("LF") {
    SourceFile f("a.json", "ab\ncd\n");
    auto s = f.point(4);
    CHECK(s.file == "a.json");
    CHECK(s.line == 2);
    CHECK(s.col == 2);
    CHECK(f.point(6).line == 3);
    CHECK(f.point(6).col == 1);
    CHECK(f.line_text(1) == "ab");
    CHECK(f.line_text(2) == "cd");
    CHECK(f.line_text(3) == "");
    CHECK(f.line_text(9) == "");
  }
  SUBCASE("CRLF: the CR belongs to the line ending, not the next line") {
    SourceFile f("a.json", "ab\r\ncd\r\n");
    CHECK(f.point(4).line == 2);
    CHECK(f.point(4).col == 1);
    CHECK(f.point(5).col == 2);
    CHECK(f.line_text(1) == "ab");
    CHECK(f.line_text(2) == "cd");
  }
  SUBCASE("a lone CR ends a line") {
    SourceFile f("a.json", "ab\rcd");
    CHECK(f.point(3).line == 2);
    CHECK(f.point(3).col == 1);
  }
  SUBCASE("columns count code points, not bytes") {
    SourceFile f("a.json", "\"é€😀x\"");  // é: 2 bytes, €: 3, 😀: 4
    CHECK(f.point(1 + 2 + 3 + 4).col == 5);  // the x
  }
  SUBCASE("span start and end") {
    SourceFile f("a.json", "{\n  \"k\": 1\n}");
    auto s = f.span(4, 7);
    CHECK(s.line == 2);
    CHECK(s.col == 3);
    CHECK(s.end_line == 2);
    CHECK(s.end_col == 6);
    CHECK(s.offset == 4);
    CHECK(s.end_offset == 7);
    auto whole = f.span(0, f.text().size());
    CHECK(whole.end_line == 3);
    CHECK(whole.end_col == 2);
  }
  SUBCASE("columns far into a long single line") {
    std::string text(100000, 'a');
    text.replace(50000, 2, "é");
    SourceFile f("a.json", text);
    CHECK(f.point(99999).col == 99999);  // one code point fewer than bytes
    CHECK(f.point(50002).col == 50002);
  }
  SUBCASE("empty text") {
    SourceFile f("e.json", "");
    CHECK(f.point(0).line == 1);
    CHECK(f.point(0).col == 1);
  }
}

TEST_CASE("source::read_source_file") {
  trustlint::Limits limits;
  SUBCASE("reads a file and strips a UTF-8 BOM") {
    TempFile t(unique_name("bom") + ".json");
    t.write("\xEF\xBB\xBF{}");
    auto r = read_source_file(t.path.string(), limits);
    REQUIRE(r.ok());
    CHECK(r.value().text() == "{}");
    CHECK(r.value().name() == t.path.string());
  }
  SUBCASE("a missing file is TL001") {
    auto r = read_source_file("/nonexistent/trustlint/policy.json", limits);
    REQUIRE_FALSE(r.has_value());
    REQUIRE(r.diagnostics().size() == 1);
    CHECK(r.diagnostics()[0].code == "TL001");
    CHECK(r.diagnostics()[0].span.file == "/nonexistent/trustlint/policy.json");
  }
  SUBCASE("a directory is TL001") {
    auto r = read_source_file(std::filesystem::temp_directory_path().string(), limits);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL001");
  }
  SUBCASE("exactly max_bytes is fine, one more is TL002") {
    limits.max_bytes = 10;
    TempFile t(unique_name("limit"));
    t.write("0123456789");
    CHECK(read_source_file(t.path.string(), limits).ok());
    t.write("0123456789A");
    auto r = read_source_file(t.path.string(), limits);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL002");
  }
  SUBCASE("a 50 MB file is TL002, quickly") {
    TempFile t(unique_name("big"));
    {
      std::ofstream out(t.path, std::ios::binary);
      std::string chunk(1 << 20, ' ');
      for (int i = 0; i < 50; ++i) out << chunk;
    }
    const auto start = std::chrono::steady_clock::now();
    auto r = read_source_file(t.path.string(), limits);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(r.has_value());
    CHECK(r.diagnostics()[0].code == "TL002");
    CHECK(r.diagnostics()[0].message.find("16,777,216") != std::string::npos);
    CHECK(elapsed < std::chrono::seconds(2));
  }
}

TEST_SUITE_END();
