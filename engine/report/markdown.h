// Markdown escaping for the renderers' pull-request tables (GitHub Flavored Markdown).
// Internal; stateless.
#pragma once

#include <string>
#include <string_view>

namespace trustlint::internal {

// Text in a table cell: Markdown's punctuation escaped, pipes kept inside the cell, line breaks
// as <br>, other control characters and bytes that are not UTF-8 as visible_text escapes.
std::string markdown_text(std::string_view text);
// Inline code, also inside a table: a fence longer than any backtick run in the text, pipes
// escaped (GFM reads `\|` as a pipe even inside code spans), control characters (line breaks
// too) and bytes that are not UTF-8 as visible_text escapes.
std::string markdown_code(std::string_view text);

}  // namespace trustlint::internal
