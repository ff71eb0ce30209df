// Small pure helpers of the SARIF renderer: relative file URIs, UTF-16 columns, a stable hash
// for partialFingerprints, rule-name slugs. Internal; stateless.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace trustlint::internal {

// A path as a SARIF artifact URI: relative paths percent-encoded (without a leading "./"),
// absolute paths as file:// URIs.
std::string file_uri(std::string_view path);

// The 1-based UTF-16 column of 1-based code-point column `col` on `line` (code points beyond
// U+FFFF count two). Without the line text, `col` itself.
std::uint32_t utf16_column(std::optional<std::string_view> line, std::uint32_t col);

// 128 bits (two FNV-1a 64 hashes with different bases) of the parts, each length-prefixed,
// as 32 hex digits. Stable across platforms and runs.
std::string fingerprint_hex(std::initializer_list<std::string_view> parts);

// "cannot read input" → "cannot-read-input".
std::string slug(std::string_view title);

// A source snippet for JSON: malformed sequences become U+FFFD; control characters other than
// tab and line breaks, and invisible direction marks, become visible_text escapes.
std::string printable_text(std::string_view text);

}  // namespace trustlint::internal
