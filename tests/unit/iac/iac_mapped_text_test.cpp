// MappedText: where each decoded byte came from, for JSON string literals (every escape),
// YAML scalars (alignment), percent-decoding, and spans mapped back to the file.
#include <doctest/doctest.h>

#include "iac/mapped_text.h"

TEST_SUITE_BEGIN("iac");

using namespace trustlint::internal;

TEST_CASE("iac::decode_json_literal") {
  struct Case {
    const char* literal;
    const char* text;
    std::vector<std::size_t> origin;
  };
  const Case cases[] = {
      {R"("ab")", "ab", {1, 2, 3}},
      {R"("a\"b")", "a\"b", {1, 2, 4, 5}},
      {R"("\n\u0022x")", "\n\"x", {1, 3, 9, 10}},
      {R"("\ud83d\ude00!")", "\xF0\x9F\x98\x80!", {1, 1, 1, 1, 13, 14}},
      {R"("é\/")", "é/", {1, 2, 3, 5}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.literal);
    const MappedText m = decode_json_literal(c.literal, 0);
    CHECK(m.text == c.text);
    CHECK(m.origin == c.origin);
  }
}

TEST_CASE("iac::align_scalar") {
  // A literal block scalar: the value's bytes are found in order, indentation skipped.
  const std::string yaml = "p: |\n    {\"a\":\n      1}\n";
  const std::size_t begin = yaml.find('|');
  const MappedText m = align_scalar(yaml, begin, yaml.size(), "{\"a\":\n  1}\n");
  CHECK(m.text == "{\"a\":\n  1}\n");
  CHECK(m.origin[0] == yaml.find('{'));
  CHECK(m.origin[8] == yaml.find('1'));
  CHECK(m.origin.size() == m.text.size() + 1);
  // A byte the source does not have (a YAML escape) takes the position reached so far.
  const std::string quoted = "\"a\\x41b\"";
  const MappedText e = align_scalar(quoted, 0, quoted.size(), "aAb");
  CHECK(e.origin == std::vector<std::size_t>{1, 2, 6, 7});
}

TEST_CASE("iac::percent_decode") {
  MappedText in;
  in.append("%7Ba%22", 10);
  in.finish(17);
  for (std::size_t i = 0; i < in.text.size(); ++i) in.origin[i] = 10 + i;
  MappedText out;
  std::size_t bad = 0;
  REQUIRE(percent_decode(in, out, bad));
  CHECK(out.text == "{a\"");
  CHECK(out.origin == std::vector<std::size_t>{10, 13, 14, 17});

  MappedText broken;
  broken.append("ab%4", 0);
  broken.finish(4);
  CHECK_FALSE(percent_decode(broken, out, bad));
  CHECK(bad == 2);
}

TEST_CASE("iac::map_span") {
  const SourceFile file("f.json", "{\"p\": \"x\\ny\"}");
  const MappedText m = decode_json_literal(file.text(), 6);
  REQUIRE(m.text == "x\ny");
  trustlint::Span inner;
  inner.line = 2;
  inner.col = 1;
  inner.offset = 2;  // "y", on line 2 of the string
  inner.end_offset = 3;
  const trustlint::Span s = map_span(inner, m, file);
  CHECK(s.line == 1);
  CHECK(s.col == 11);
  CHECK(s.end_col == 12);
}

TEST_SUITE_END();
