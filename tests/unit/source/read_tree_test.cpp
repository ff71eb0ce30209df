// read_tree: UTF-8 is checked first, then the format comes from the option, the extension or
// the content. (YAML itself is tested by the YAML reader's own suite.)
#include "source/read_tree.h"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("source");

using namespace trustlint::internal;
using trustlint::InputFormat;

namespace {

std::string first_code(const trustlint::Result<Node>& r) { return r.diagnostics().empty() ? "" : r.diagnostics()[0].code; }

}  // namespace

TEST_CASE("source::read_tree checks UTF-8 before parsing") {
  auto r = read_tree(SourceFile("p.json", "{\"a\": \"\xC0\x80\"}"), InputFormat::auto_detect, {});
  REQUIRE_FALSE(r.has_value());
  CHECK(first_code(r) == "TL003");
  CHECK(r.diagnostics()[0].span.col == 8);
}

TEST_CASE("source::read_tree picks the reader") {
  SUBCASE("by extension, case-insensitively") {
    CHECK(read_tree(SourceFile("p.JSON", "{}"), InputFormat::auto_detect, {}).ok());
    CHECK(first_code(read_tree(SourceFile("p.json", "a: 1"), InputFormat::auto_detect, {})) == "TL004");
    CHECK(first_code(read_tree(SourceFile("p.yml", "{}"), InputFormat::auto_detect, {})) != "TL004");
  }
  SUBCASE("by content when the name says nothing") {
    CHECK(read_tree(SourceFile("<stdin>", "  \n{}"), InputFormat::auto_detect, {}).ok());
    CHECK(read_tree(SourceFile("policy", "[]"), InputFormat::auto_detect, {}).ok());
  }
  SUBCASE("the format option wins over the extension") {
    CHECK(read_tree(SourceFile("p.yaml", "{}"), InputFormat::json, {}).ok());
  }
}

TEST_SUITE_END();
