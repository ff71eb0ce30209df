// The YAML pre-scan (see yaml_prescan.h): a cut-down copy of yaml-cpp's scanner that only tracks
// contexts, indentation and token counts.
#include "source/yaml_prescan.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <vector>

#include "source/yaml_chars.h"

namespace trustlint::internal {
namespace {

using yaml_chars::is_blank;
using yaml_chars::is_break;
using yaml_chars::is_flow_indicator;
using yaml_chars::is_space;

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Characters yaml-cpp accepts in a tag after '!' (Exp::Tag plus '!' for named handles).
bool is_tag_char(char c) {
  if (is_alnum(c)) return true;
  for (char t : std::string_view("-#;/?:@&=+$_.~*'()%!")) {
    if (c == t) return true;
  }
  return false;
}

class Prescan {
 public:
  Prescan(std::string_view text, const Limits& limits) : t_(text), limits_(limits) {
    const std::size_t max = std::numeric_limits<std::size_t>::max();
    token_budget_ = limits.max_nodes > (max - 64) / 4 ? max : limits.max_nodes * 4 + 64;
  }

  std::optional<YamlPrescanProblem> run() {
    check_control_characters();
    while (!problem_ && i_ < t_.size()) step();
    return problem_;
  }

 private:
  struct Indent {
    long col;
    bool seq;
  };

  char at(std::size_t k) const { return k < t_.size() ? t_[k] : '\0'; }
  bool space_or_end(std::size_t k) const { return k >= t_.size() || is_space(t_[k]); }
  long col() const { return static_cast<long>(i_ - line_start_); }
  long top() const { return indents_.empty() ? -1 : indents_.back().col; }
  bool doc_marker(std::size_t k) const {
    return k == line_start_ && (t_.substr(k, 3) == "---" || t_.substr(k, 3) == "...") && space_or_end(k + 3);
  }

  void fail(const char* code, std::string message, std::size_t offset) {
    if (!problem_) problem_ = YamlPrescanProblem{code, std::move(message), offset};
  }

  void check_control_characters() {
    for (std::size_t k = 0; k < t_.size(); ++k) {
      const auto c = static_cast<unsigned char>(t_[k]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        char message[80];
        std::snprintf(message, sizeof message, "malformed YAML: control character U+%04X is not allowed", c);
        return fail("TL005", message, k);
      }
    }
  }

  void count_token() {
    if (++tokens_ > token_budget_) {
      fail("TL008", "too many YAML nodes: more than " + std::to_string(limits_.max_nodes) + " (limit max_nodes)", i_);
    }
  }

  void newline() {
    if (at(i_) == '\r') ++i_;
    if (at(i_) == '\n') ++i_;
    line_start_ = i_;
    key_col_ = -1;
  }

  // Blanks, comments and line breaks between tokens (a '#' at a token start is a comment).
  void skip_to_token() {
    while (i_ < t_.size()) {
      if (is_blank(t_[i_])) {
        ++i_;
      } else if (t_[i_] == '#') {
        while (i_ < t_.size() && !is_break(t_[i_])) ++i_;
      } else if (is_break(t_[i_])) {
        newline();
      } else {
        break;
      }
    }
  }

  // yaml-cpp's PushIndentTo and PopIndentToHere: block collections opened by '-', '?' and keys.
  void push_indent(long column, bool seq) {
    if (flow_ > 0 || column < top()) return;
    if (column == top() && !(seq && !indents_.back().seq)) return;
    indents_.push_back({column, seq});
  }
  void pop_indents() {
    const bool entry = at(i_) == '-' && space_or_end(i_ + 1);
    while (!indents_.empty() && (indents_.back().col > col() || (indents_.back().col == col() && indents_.back().seq && !entry))) {
      indents_.pop_back();
    }
  }

  void step() {
    skip_to_token();
    if (i_ >= t_.size()) return;
    if (flow_ == 0) pop_indents();
    if (doc_marker(i_)) {
      if (flow_ == 0) indents_.clear();
      i_ += 3;
      return;
    }
    const char c = t_[i_];
    if (c == '%' && col() == 0) {  // a directive takes the whole line
      while (i_ < t_.size() && !is_break(t_[i_])) ++i_;
      return;
    }
    const bool was_json = json_;
    json_ = false;
    if (c == '[' || c == '{') return open_flow();
    if (c == ']' || c == '}') {
      count_token();
      if (flow_ > 0) --flow_;
      json_ = true;
      ++i_;
      return;
    }
    if (c == ',') {
      count_token();
      ++i_;
      return;
    }
    if (indicator(c, was_json)) return;
    note_key_start();
    count_token();
    if (c == '!' || c == '&' || c == '*') return skip_property();
    if ((c == '|' || c == '>') && flow_ == 0) return skip_block_scalar();
    if (c == '"' || c == '\'') {
      skip_quoted(c);
      json_ = true;
      return;
    }
    skip_plain();
  }

  // '-', '?' and ':' as indicators; returns false when `c` starts something else.
  bool indicator(char c, bool was_json) {
    const bool spaced = space_or_end(i_ + 1);
    if (flow_ == 0) {
      if (c == '-' && spaced) {
        push_indent(col(), true);
      } else if (c == '?' && spaced) {
        push_indent(col(), false);
      } else if (c == ':' && spaced) {
        push_indent(key_col_ >= 0 ? key_col_ : col(), false);
      } else {
        return false;
      }
      key_col_ = -1;
    } else {
      const char next = at(i_ + 1);
      if (!((c == '?' && spaced) || (c == ':' && (spaced || was_json || next == ',' || next == ']' || next == '}')))) {
        return false;
      }
    }
    count_token();
    ++i_;
    return true;
  }

  void note_key_start() {
    if (flow_ == 0 && key_col_ < 0) key_col_ = col();
  }

  void open_flow() {
    note_key_start();
    count_token();
    ++flow_;
    if (flow_ + indents_.size() > limits_.max_depth) {
      fail("TL007", "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (limit max_depth)", i_);
    }
    ++i_;
  }

  void skip_property() {
    const char c = t_[i_++];
    if (c == '!' && at(i_) == '<') {
      while (i_ < t_.size() && t_[i_] != '>' && !is_break(t_[i_])) ++i_;
      if (at(i_) == '>') ++i_;
    } else if (c == '!') {
      while (i_ < t_.size() && is_tag_char(t_[i_])) ++i_;
    } else {
      while (i_ < t_.size() && !is_space(t_[i_]) && !is_flow_indicator(t_[i_])) ++i_;
    }
  }

  void skip_quoted(char quote) {
    ++i_;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (is_break(c)) {
        newline();
      } else if (quote == '"' && c == '\\') {
        ++i_;
        if (i_ < t_.size() && !is_break(t_[i_])) ++i_;
      } else if (c == quote && quote == '\'' && at(i_ + 1) == '\'') {
        i_ += 2;
      } else if (c == quote) {
        ++i_;
        return;
      } else {
        ++i_;
      }
    }
  }

  // A block scalar: the header line, then lines indented at least as deep as the first
  // non-empty one (and deeper than the enclosing block collection), or empty.
  void skip_block_scalar() {
    long indent = 1;
    bool detect = true;
    ++i_;
    while (at(i_) == '+' || at(i_) == '-' || (at(i_) >= '1' && at(i_) <= '9')) {
      if (t_[i_] != '+' && t_[i_] != '-') {
        indent = t_[i_] - '0';
        detect = false;
      }
      ++i_;
    }
    while (i_ < t_.size() && !is_break(t_[i_])) ++i_;  // blanks and a comment
    if (top() >= 0) indent += top();
    bool found = false;
    while (i_ < t_.size()) {
      newline();
      std::size_t j = i_;
      while (j < t_.size() && t_[j] == ' ') ++j;
      const long column = static_cast<long>(j - line_start_);
      if (j >= t_.size() || is_break(t_[j])) {
        i_ = j;
        continue;
      }
      if (detect && !found) indent = std::max(indent, column);
      found = true;
      if (column < indent) return;  // i_ is at the start of the line that ends the scalar
      i_ = j;
      while (i_ < t_.size() && !is_break(t_[i_])) ++i_;
    }
  }

  bool ends_plain(std::size_t k) const {
    const char c = at(k);
    if (flow_ > 0) {
      if (c == '?' || is_flow_indicator(c)) return true;
      const char next = at(k + 1);
      return c == ':' && (space_or_end(k + 1) || next == ',' || next == ']' || next == '}');
    }
    return c == ':' && space_or_end(k + 1);
  }

  // A plain scalar, over as many lines as yaml-cpp would continue it. Consumes at least one character.
  void skip_plain() {
    const long indent = flow_ > 0 ? 0 : top() + 1;
    ++i_;
    while (true) {
      while (i_ < t_.size() && !is_break(t_[i_]) && !ends_plain(i_) && !(is_blank(t_[i_]) && at(i_ + 1) == '#')) ++i_;
      if (i_ >= t_.size() || !is_break(t_[i_])) return;
      // Look past the line break(s) for a continuation line.
      std::size_t j = i_;
      std::size_t line = i_;
      while (j < t_.size() && is_space(t_[j])) {
        if (is_break(t_[j])) {
          if (t_[j] == '\r' && at(j + 1) == '\n') ++j;
          line = j + 1;
        }
        ++j;
      }
      if (j >= t_.size() || static_cast<long>(j - line) < indent || t_[j] == '#' || ends_plain(j)) return;
      if (j == line && (t_.substr(j, 3) == "---" || t_.substr(j, 3) == "...") && space_or_end(j + 3)) return;
      i_ = j;
      line_start_ = line;
      key_col_ = -1;
    }
  }

  std::string_view t_;
  const Limits& limits_;
  std::size_t token_budget_ = 0;
  std::size_t i_ = 0;
  std::size_t line_start_ = 0;
  std::vector<Indent> indents_;
  std::size_t flow_ = 0;
  std::size_t tokens_ = 0;
  long key_col_ = -1;  // column where the current block node started on this line, if any
  bool json_ = false;  // after a quoted scalar or a flow end, ':' is an indicator in flow context
  std::optional<YamlPrescanProblem> problem_;
};

}  // namespace

std::optional<YamlPrescanProblem> prescan_yaml(std::string_view text, const Limits& limits) {
  return Prescan(text, limits).run();
}

}  // namespace trustlint::internal
