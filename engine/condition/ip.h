// IpAddress / NotIpAddress (docs/semantics.md#other-operators): IPv4 and IPv6 CIDR blocks; a bare address is a
// /32 or /128. An IPv4 value never matches an IPv6 one, including IPv4-mapped IPv6 (::ffff:a.b.c.d).
// Pure functions; safe to call from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace trustlint::internal {

struct IpBlock {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 uses the first four
  int prefix = 0;                        // bits; 0 … 32 or 0 … 128
};

// "a.b.c.d", "a.b.c.d/n", IPv6 in RFC 4291 text form (with "::" and a dotted IPv4 tail), "/n".
std::optional<IpBlock> parse_ip_block(std::string_view text);
// REQUIRES: address.prefix is the full length (a single address).
bool ip_block_contains(const IpBlock& block, const IpBlock& address);

}  // namespace trustlint::internal
