// Markdown escaping (see markdown.h).
#include "report/markdown.h"

#include <algorithm>

#include "source/utf8.h"

namespace trustlint::internal {

std::string markdown_text(std::string_view raw) {
  // Line breaks become <br>; every other control character and bad byte a visible escape.
  std::string text;
  for (std::size_t from = 0; from <= raw.size();) {
    const std::size_t nl = std::min(raw.find('\n', from), raw.size());
    text += visible_text(raw.substr(from, nl - from));
    if (nl < raw.size()) text += '\n';
    from = nl + 1;
  }
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "<br>";
    else if (c == '\r') continue;
    else if (std::string_view("\\`*_[]<>#~&|").find(c) != std::string_view::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string markdown_code(std::string_view raw) {
  const std::string text = visible_text(raw);  // control characters (line breaks too) escaped
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
