// Markdown escaping (see markdown.h).
#include "report/markdown.h"

#include <algorithm>

namespace trustlint::internal {

std::string markdown_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "<br>";
    else if (c == '\r') continue;
    else if (std::string_view("\\`*_[]<>#~&|").find(c) != std::string_view::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string markdown_code(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  std::string body;
  for (char c : text) body += c == '|' ? std::string("\\|") : c == '\n' || c == '\r' ? std::string(" ") : std::string(1, c);
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

}  // namespace trustlint::internal
