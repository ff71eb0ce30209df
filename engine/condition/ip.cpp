// IpAddress / NotIpAddress: CIDR parsing and containment.
#include "condition/ip.h"

#include <vector>

#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

bool parse_v4(std::string_view s, std::uint8_t* out) {
  for (int k = 0; k < 4; ++k) {
    if (k > 0) {
      if (s.empty() || s.front() != '.') return false;
      s.remove_prefix(1);
    }
    int value = 0, n = 0;
    while (!s.empty() && s.front() >= '0' && s.front() <= '9' && n < 3) {
      value = value * 10 + (s.front() - '0');
      s.remove_prefix(1);
      ++n;
    }
    if (n == 0 || value > 255) return false;
    out[k] = static_cast<std::uint8_t>(value);
  }
  return s.empty();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_v6(std::string_view s, std::uint8_t* out) {
  std::vector<std::uint16_t> head, tail;
  bool seen_gap = false;
  std::uint8_t v4[4];
  bool has_v4 = false;
  if (s.substr(0, 2) == "::") {
    seen_gap = true;
    s.remove_prefix(2);
  } else if (!s.empty() && s.front() == ':') {
    return false;
  }
  while (!s.empty()) {
    const std::size_t end = s.find(':');
    const std::string_view group = s.substr(0, end);
    if (group.find('.') != std::string_view::npos) {
      if (end != std::string_view::npos || !parse_v4(group, v4)) return false;
      has_v4 = true;
      s = {};
      break;
    }
    if (group.empty() || group.size() > 4) return false;
    std::uint16_t value = 0;
    for (char c : group) {
      const int h = hex_value(c);
      if (h < 0) return false;
      value = static_cast<std::uint16_t>(value * 16 + h);
    }
    (seen_gap ? tail : head).push_back(value);
    if (end == std::string_view::npos) break;
    s.remove_prefix(end + 1);
    if (s.empty()) return false;  // trailing single ':'
    if (s.front() == ':') {
      if (seen_gap) return false;  // a second "::"
      seen_gap = true;
      s.remove_prefix(1);
    }
  }
  const std::size_t groups = head.size() + tail.size() + (has_v4 ? 2 : 0);
  if (seen_gap ? groups > 7 : groups != 8) return false;
  std::size_t k = 0;
  for (std::uint16_t g : head) out[k++] = g >> 8, out[k++] = g & 0xFF;
  const std::size_t gap_end = 16 - tail.size() * 2 - (has_v4 ? 4 : 0);
  while (k < gap_end) out[k++] = 0;
  for (std::uint16_t g : tail) out[k++] = g >> 8, out[k++] = g & 0xFF;
  if (has_v4) {
    for (std::uint8_t b : v4) out[k++] = b;
  }
  return true;
}

}  // namespace

std::optional<IpBlock> parse_ip_block(std::string_view text) {
  IpBlock block;
  const std::size_t slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  block.v6 = address.find(':') != std::string_view::npos;
  if (!(block.v6 ? parse_v6(address, block.bytes.data()) : parse_v4(address, block.bytes.data()))) return std::nullopt;
  const int max_prefix = block.v6 ? 128 : 32;
  block.prefix = max_prefix;
  if (slash != std::string_view::npos) {
    const std::string_view digits = text.substr(slash + 1);
    if (digits.empty() || digits.size() > 3) return std::nullopt;
    int prefix = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      prefix = prefix * 10 + (c - '0');
    }
    if (prefix > max_prefix) return std::nullopt;
    block.prefix = prefix;
  }
  return block;
}

bool ip_block_contains(const IpBlock& block, const IpBlock& address) {
  if (block.v6 != address.v6) return false;
  int bits = block.prefix;
  for (std::size_t k = 0; bits > 0; ++k, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xFF : static_cast<std::uint8_t>(0xFF << (8 - bits));
    if ((block.bytes[k] & mask) != (address.bytes[k] & mask)) return false;
  }
  return true;
}

namespace {

class IpValueMatcher final : public ValueMatcher {
 public:
  explicit IpValueMatcher(std::vector<IpBlock> blocks) : blocks_(std::move(blocks)) {}

  std::size_t find_match(std::string_view request_value, MatchContext&) const override {
    const std::optional<IpBlock> address = parse_ip_block(request_value);
    // The request carries one address; a CIDR there is not an address.
    if (!address || request_value.find('/') != std::string_view::npos) return kNoMatch;
    for (std::size_t i = 0; i < blocks_.size(); ++i) {
      if (ip_block_contains(blocks_[i], *address)) return i;
    }
    return kNoMatch;
  }

 private:
  std::vector<IpBlock> blocks_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_ip_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics) {
  std::vector<IpBlock> blocks;
  for (const PreparedValue& pv : values) {
    const std::optional<IpBlock> block = parse_ip_block(pv.source->text);
    if (!block) {
      diagnostics.push_back(make_error("TL072",
                                       quote(pv.source->text) +
                                           " is not an IP address or CIDR block such as 203.0.113.0/24 or "
                                           "2001:db8::/32",
                                       pv.source->span));
      continue;
    }
    blocks.push_back(*block);
  }
  return std::make_unique<IpValueMatcher>(std::move(blocks));
}

}  // namespace trustlint::internal
