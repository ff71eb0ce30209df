// BinaryEquals: base64 decoding and byte comparison.
#include "condition/binary.h"

#include <cstdint>

#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> decode_base64(std::string_view text) {
  std::size_t pad = 0;
  while (!text.empty() && text.back() == '=' && pad < 2) {
    text.remove_suffix(1);
    ++pad;
  }
  if (pad > 0 && (text.size() + pad) % 4 != 0) return std::nullopt;
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = sextet(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // Leftover bits (non-canonical text such as "QR==") are dropped, as common decoders do.
  return out;
}

namespace {

class BinaryValueMatcher final : public ValueMatcher {
 public:
  explicit BinaryValueMatcher(std::vector<std::string> bytes) : bytes_(std::move(bytes)) {}

  std::size_t find_match(std::string_view request_value, MatchContext&) const override {
    const std::optional<std::string> request = decode_base64(request_value);
    if (!request) return kNoMatch;
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
      if (*request == bytes_[i]) return i;
    }
    return kNoMatch;
  }

 private:
  std::vector<std::string> bytes_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_binary_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics) {
  std::vector<std::string> bytes;
  for (const PreparedValue& pv : values) {
    std::optional<std::string> b = decode_base64(pv.source->text);
    if (!b) {
      diagnostics.push_back(make_error(
          "TL073", quote(pv.source->text) + " is not base64: BinaryEquals takes base64 text such as QmluYXJ5", pv.source->span));
      continue;
    }
    bytes.push_back(std::move(*b));
  }
  return std::make_unique<BinaryValueMatcher>(std::move(bytes));
}

}  // namespace trustlint::internal
