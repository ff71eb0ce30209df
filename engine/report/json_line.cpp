// JsonLine: escapes as nlohmann::json::dump does with ensure_ascii off.
#include "report/json_line.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "condition/text.h"

namespace trustlint::internal {

void JsonLine::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

void JsonLine::open(char c) {
  before_value();
  out_ += c;
  first_.push_back(true);
}

void JsonLine::close(char c) {
  out_ += c;
  first_.pop_back();
}

void JsonLine::key(std::string_view k) {
  before_value();
  escaped(k);
  out_ += ':';
  after_key_ = true;
}

void JsonLine::string(std::string_view s) {
  before_value();
  escaped(s);
}

void JsonLine::number(std::uint64_t n) {
  before_value();
  out_ += std::to_string(n);
}

void JsonLine::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonLine::null() {
  before_value();
  out_ += "null";
}

void JsonLine::strings(const std::vector<std::string>& values) {
  begin_array();
  for (const auto& v : values) string(v);
  end_array();
}

void JsonLine::escaped(std::string_view s) {
  if (!append_json_string(out_, s)) ok_ = false;
}

namespace {

// True when none of the 8 bytes of `w` is below 0x20, '"', '\\' or above 0x7F (bit tricks from
// "Bit Twiddling Hacks": a byte below n sets its high bit in (w - n·ones) & ~w; no false "true").
bool plain_word(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
  const std::uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
  const std::uint64_t has_quote = (quote - ones) & ~quote & highs;
  const std::uint64_t has_backslash = (backslash - ones) & ~backslash & highs;
  return (below_space | has_quote | has_backslash | (w & highs)) == 0;
}

// Length of the leading run of `s` that JSON takes as it is (printable ASCII, no '"' or '\\').
std::size_t plain_prefix(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (!plain_word(w)) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
  }
  return i;
}

}  // namespace

bool append_json_string(std::string& out, std::string_view s) {
  out += '"';
  if (plain_prefix(s) == s.size()) {  // the common case: copied whole
    out.append(s.data(), s.size());
    out += '"';
    return true;
  }
  std::size_t run = 0;  // start of the characters not yet copied (copied in one go)
  bool non_ascii = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    non_ascii = non_ascii || c >= 0x80;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
        out += buffer;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
  return !non_ascii || is_valid_utf8(s);
}

}  // namespace trustlint::internal
