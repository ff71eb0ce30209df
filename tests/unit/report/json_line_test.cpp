// append_json_string (report/json_line.h) against nlohmann's dump (ensure_ascii off): the same
// bytes for every string of valid UTF-8, whichever byte of an 8-byte word needs an escape; and
// "not valid UTF-8" reported wherever a bad byte sits.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <random>
#include <string>

#include "report/json_line.h"

TEST_SUITE_BEGIN("report");

TEST_CASE("report::append_json_string escapes as nlohmann does") {
  using trustlint::internal::append_json_string;
  const std::string specials[] = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", " ", "/", "\xC3\xA9", "\xE2\x82\xAC"};
  std::mt19937 rng(11);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) {
      if (rng() % 6 == 0) s += specials[rng() % std::size(specials)];
      else s += static_cast<char>('a' + rng() % 26);
    }
    CAPTURE(s);
    std::string out = "x";
    REQUIRE(append_json_string(out, s));
    CHECK(out == "x" + nlohmann::json(s).dump(-1, ' ', false));
  }
  for (std::size_t at = 0; at < 20; ++at) {
    std::string bad(20, 'a');
    bad[at] = '\xE9';
    std::string out;
    CHECK_FALSE(append_json_string(out, bad));
  }
}

TEST_SUITE_END();
