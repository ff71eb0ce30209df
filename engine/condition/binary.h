// BinaryEquals (docs/semantics.md#other-operators): policy values are base64; they match a request value when
// the decoded bytes are equal. Request values are given as base64 text too (context values are
// strings in a Request), and are decoded the same way.
// Pure functions; safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trustlint::internal {

// Standard alphabet (RFC 4648 docs/semantics.md#vercel); '=' padding optional but, when present, correct.
// nullopt on any other character or an impossible length.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace trustlint::internal
