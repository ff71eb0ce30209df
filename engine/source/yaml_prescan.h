// A linear pass over YAML text before yaml-cpp parses it, for the limits yaml-cpp cannot enforce
// in time. yaml-cpp tokenises a whole flow collection (it might be a mapping key) before it emits
// the first event inside it, at about 100 bytes per token: 1,000,000 '[' cost it 0.7 s and
// 240 MB before its own depth guard (500) fires, 4,000,000 cost 3 s and 900 MB. This pass follows
// yaml-cpp's tokenisation (flow and block context, quotes, comments, block and plain scalars)
// and stops such input first. Where it disagrees with yaml-cpp on malformed input it counts more,
// never less, and yaml-cpp's depth guard still rules out a stack overflow.
// Pure function; safe to call from several threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "trustlint/options.h"

namespace trustlint::internal {

struct YamlPrescanProblem {
  std::string code;  // TL005, TL007 or TL008
  std::string message;
  std::size_t offset = 0;
};

// Reports the first of:
//   TL005  a control character (YAML forbids them; yaml-cpp takes 0x04 for the end of input);
//   TL007  a flow collection nested deeper than limits.max_depth (block collections around it count);
//   TL008  more than 4 × limits.max_nodes tokens (no document within max_nodes has that many).
std::optional<YamlPrescanProblem> prescan_yaml(std::string_view text, const Limits& limits);

}  // namespace trustlint::internal
