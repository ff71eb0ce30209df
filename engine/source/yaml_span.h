// Where YAML nodes end. yaml-cpp reports only where a node starts (a Mark), so the YAML reader
// scans the source from that start to find the end: past node properties, to the end of a plain,
// quoted or block scalar, an alias, or the bracket that closes a flow collection.
// All offsets are byte offsets into `text`; every function stays within [0, text.size()] even on
// malformed input. Pure functions; safe to call from several threads.
#pragma once

#include <cstddef>
#include <string_view>

namespace trustlint::internal {

enum class ScalarStyle { plain, single_quoted, double_quoted, literal, folded };

// Skips blanks, line breaks and comments from `pos`.
std::size_t skip_yaml_blank(std::string_view text, std::size_t pos);

// Skips the node properties (tags "!x", "!<x>", anchors "&x") that start at `pos`, with what
// separates them; returns the end of the last property, or `pos` when there is none.
std::size_t skip_yaml_properties(std::string_view text, std::size_t pos);

// The style of the scalar whose content starts at `pos`.
ScalarStyle yaml_scalar_style(std::string_view text, std::size_t pos);

// End (exclusive) of the scalar whose content starts at `pos`. `value` is the scalar's value as
// the parser produced it; a plain scalar is matched against it (so its line folding and trailing
// blanks are accounted for), quoted scalars end at their closing quote (escapes honoured), block
// scalars at their last content line. npos when a quoted scalar has no closing quote (yaml-cpp
// 0.7.0 accepts `a: "open` followed by a line break at the end of the input).
std::size_t yaml_scalar_end(std::string_view text, std::size_t pos, ScalarStyle style, std::string_view value);

// End of the alias ("*name") or anchor-like word that starts at `pos`.
std::size_t yaml_word_end(std::string_view text, std::size_t pos);

// If `close` (']' or '}') follows `pos` after blanks, comments and commas, the offset just past it;
// otherwise `pos`.
std::size_t yaml_flow_end(std::string_view text, std::size_t pos, char close);

// If a plain null spelled out ("~", "null", "Null", "NULL") starts at `pos`, its end; else `pos`.
// `allow_key`: when false, a null followed by a mapping indicator (": ") is the next key, not a value.
std::size_t yaml_null_end(std::string_view text, std::size_t pos, bool allow_key);

// Where an empty node is best shown: just past the indicator (':', '-', '?') that follows `pos`
// after blanks, line breaks and comments, else `pos`. `pos` is the end of the previous sibling or
// key, so the next indicator is the empty node's own.
std::size_t yaml_empty_point(std::string_view text, std::size_t pos);

}  // namespace trustlint::internal
