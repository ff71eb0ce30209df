// ANSI colours for the text renderers (clang's palette). Whether to colour is the caller's
// choice (a flag in the options); these helpers only wrap text. Internal; stateless.
#pragma once

#include <string>
#include <string_view>

namespace trustlint::internal {

inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kRedBold = "\x1b[1;31m";
inline constexpr std::string_view kMagentaBold = "\x1b[1;35m";
inline constexpr std::string_view kCyanBold = "\x1b[1;36m";
inline constexpr std::string_view kGreenBold = "\x1b[1;32m";
inline constexpr std::string_view kReset = "\x1b[0m";

inline std::string paint(std::string_view text, std::string_view style, bool color) {
  if (!color || text.empty()) return std::string(text);
  std::string out(style);
  out += text;
  out += kReset;
  return out;
}

}  // namespace trustlint::internal
