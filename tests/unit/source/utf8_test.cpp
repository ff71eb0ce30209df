// check_utf8 and the UTF-8 helpers: every kind of malformed sequence is TL003 at its first byte;
// visible_text, cut_utf8 and quote keep every value printable and cut only between code points.
#include "source/utf8.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "source/diagnostic_sink.h"
#include "source/source_file.h"

TEST_SUITE_BEGIN("source");

using namespace trustlint::internal;

TEST_CASE("source::check_utf8 accepts well-formed text") {
  for (const char* ok : {"", "plain", "é", "€", "😀", "\xF4\x8F\xBF\xBF" /* U+10FFFF */, "\xEE\x80\x80" /* U+E000 */}) {
    CAPTURE(ok);
    CHECK(check_utf8(SourceFile("t", ok)).empty());
  }
}

TEST_CASE("source::check_utf8 rejects malformed text with the first bad byte's column") {
  struct Case {
    std::string bytes;
    std::uint32_t line, col;
    const char* problem;
  };
  const Case cases[] = {
      {"ab\xC0\x80", 1, 3, "overlong"},              // overlong NUL
      {"\xC1\xBF", 1, 1, "overlong"},                // overlong '?'
      {"x\xE0\x80\xAF", 1, 2, "overlong"},           // overlong '/'
      {"\xF0\x80\x80\xAF", 1, 1, "overlong"},        // overlong '/', 4 bytes
      {"é\xED\xA0\x80", 1, 2, "surrogate"},          // U+D800
      {"\xED\xBF\xBF", 1, 1, "surrogate"},           // U+DFFF
      {"\xF4\x90\x80\x80", 1, 1, "past U+10FFFF"},   // U+110000
      {"\xF5\x80\x80\x80", 1, 1, "never appears"},
      {"\xFF", 1, 1, "never appears"},
      {"a\x80", 1, 2, "continuation"},
      {"\nab\xE2\x82", 2, 3, "truncated"},           // € cut at the end
      {"\xE2\x28\xA1", 1, 1, "truncated"},           // second byte not a continuation
      {"\r\n€\xF0\x9F\x98", 2, 2, "truncated"},      // CRLF, then a cut emoji
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes);
    auto d = check_utf8(SourceFile("t.json", c.bytes));
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "TL003");
    CHECK(d[0].span.line == c.line);
    CHECK(d[0].span.col == c.col);
    CHECK(d[0].message.find(c.problem) != std::string::npos);
  }
}

TEST_CASE("source::utf8 helpers") {
  std::string s;
  for (char32_t cp : {U'A', U'é', U'€', U'😀'}) append_utf8(s, cp);
  CHECK(s == "Aé€😀");
  CHECK(count_code_points(s) == 4);
  CHECK(decode_utf8(s, 1).code_point == U'é');
  CHECK(decode_utf8(s, 6).code_point == U'😀');
  CHECK(decode_utf8(s, 6).length == 4);
  CHECK(describe_code_point(U'x') == "'x'");
  CHECK(describe_code_point(0x2019) == "U+2019");
  CHECK(describe_code_point(0) == "U+0000");
}

TEST_SUITE_END();

TEST_CASE("source::visible_text escapes control characters, direction marks and bad bytes, nothing else") {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"plain ascii ~", "plain ascii ~"},
      {"wéb € 😀", "wéb € 😀"},  // printable non-ASCII stays
      {std::string("a\0b", 3), "a\\u0000b"},
      {"a\nb\tc\rd", "a\\nb\\tc\\rd"},
      {"\x1b[31mred", "\\u001B[31mred"},
      {"\x7f", "\\u007F"},
      {"\xC2\x85", "\\u0085"},                 // NEL (C1)
      {"x\xE2\x80\xAEy", "x\\u202Ey"},         // right-to-left override
      {"\xEF\xBB\xBF", "\\uFEFF"},             // byte-order mark
      {"acm\xE9", "acm\\xE9"},                 // Latin-1 byte, not UTF-8
      {"\xE2\x82", "\\xE2\\x82"},              // truncated sequence: each byte
      {"\xC0\xAF", "\\xC0\\xAF"},              // overlong
      {"back\\slash \"q\"", "back\\slash \"q\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.out);
    CHECK(visible_text(c.in) == c.out);
    CHECK(visible_text(visible_text(c.in)) == visible_text(c.in));
  }
}

TEST_CASE("source::cut_utf8 and quote cut between code points, never inside one") {
  CHECK(cut_utf8("abc", 3) == "abc");
  CHECK(cut_utf8("abcd", 3) == "abc…");
  CHECK(cut_utf8("éééé", 2) == "éé…");
  CHECK(cut_utf8("😀😀", 1) == "😀…");
  CHECK(cut_utf8("a\xE9zz", 2) == "a\xE9…");  // a bad byte counts as one
  const std::string long_value = "owner:acme:project:" + std::string(300, 'x') + "é";
  for (std::size_t max = 0; max < 40; ++max) {
    CAPTURE(max);
    const std::string s = "é" + std::string(max % 3, 'a') + "éüÿ€😀" + long_value;
    const std::string q = trustlint::internal::quote(s, max);
    CHECK(trustlint::internal::visible_text(q) == q);  // valid UTF-8, nothing to escape
  }
  CHECK(trustlint::internal::quote("wé\"b\\\n\xE9", 60) == "\"wé\\\"b\\\\\\n\\xE9\"");
}

TEST_CASE("source::next_code_point decodes totally, exactly where decode_utf8 finds no problem") {
  // Every one- and two-byte string, and the edges of every multi-byte form: next_code_point
  // moves by decode_utf8's length when the sequence is well-formed, else by one byte with
  // kInvalidByteBase + that byte (the condition operators' reading of invalid text).
  std::vector<std::string> texts;
  for (int a = 0; a < 256; ++a) {
    texts.push_back(std::string(1, static_cast<char>(a)));
    for (int b : {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
      texts.push_back(std::string{static_cast<char>(a), static_cast<char>(b)});
      texts.push_back(std::string{static_cast<char>(a), static_cast<char>(b), '\x80', '\xBF'});
    }
  }
  for (const auto& text : texts) {
    CAPTURE(visible_text(text));
    std::size_t pos = 0;
    const char32_t cp = next_code_point(text, pos);
    const Utf8Char c = decode_utf8(text, 0);
    if (c.problem == nullptr) {
      CHECK(cp == c.code_point);
      CHECK(pos == c.length);
    } else {
      CHECK(cp == kInvalidByteBase + static_cast<unsigned char>(text[0]));
      CHECK(pos == 1);
    }
  }
  CHECK(is_valid_utf8("h\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // an encoded surrogate
  CHECK_FALSE(is_valid_utf8("ok\xE2\x82"));    // truncated
  CHECK(is_utf8_continuation('\x80'));
  CHECK(is_utf8_continuation('\xBF'));
  CHECK_FALSE(is_utf8_continuation('\xC0'));
  CHECK_FALSE(is_utf8_continuation('a'));
}
