// HclParser: the recursive-descent parser behind read_hcl (hcl_syntax.h). Bodies and expressions
// are in hcl_parser.cpp, templates and heredocs in hcl_template.cpp. Every recursive step goes
// through a depth guard (limits.max_depth, TL007) and every expression is counted
// (limits.max_nodes, TL008); the first syntax error (TL078) stops the parse. One per parse.
#pragma once

#include <optional>
#include <string_view>

#include "source/hcl/hcl_syntax.h"

namespace trustlint::internal {

class HclParser {
 public:
  HclParser(const SourceFile& file, const Limits& limits) : file_(file), t_(file.text()), end_(t_.size()), limits_(limits) {}

  bool parse_file(HclBody& body);
  bool parse_template_file(std::vector<HclTemplatePart>& parts);
  Diagnostics take_diagnostics();

 private:
  friend class DepthGuard;
  // Newlines end attributes and object items; inside (), [] and ${} they are plain space.
  struct NewlineScope {
    HclParser& p;
    bool saved;
    NewlineScope(HclParser& parser, bool significant) : p(parser), saved(parser.newlines_) { p.newlines_ = significant; }
    ~NewlineScope() { p.newlines_ = saved; }
  };
  struct Depth {
    HclParser& p;
    bool ok;
    explicit Depth(HclParser& parser);
    ~Depth() { --p.depth_; }
  };

  // Bodies (hcl_parser.cpp).
  bool parse_body(HclBody& body, bool top);
  bool parse_block(HclBody& body, std::string type, std::size_t begin);
  bool end_of_item(bool top);
  // Expressions (hcl_parser.cpp).
  bool parse_expr(HclExprPtr& out);
  bool parse_binary(HclExprPtr& out, int level);
  bool parse_unary(HclExprPtr& out);
  bool parse_postfix(HclExprPtr& out);
  bool parse_term(HclExprPtr& out);
  bool parse_number(HclExprPtr& out);
  bool parse_name_term(HclExprPtr& out);
  bool parse_call_args(HclExpr& call);
  bool parse_tuple(HclExprPtr& out);
  bool parse_object(HclExprPtr& out);
  bool parse_for(HclExprPtr& out, std::size_t begin, char close);
  HclExprPtr make(HclExprKind kind, std::size_t begin);
  // Templates (hcl_template.cpp).
  enum class Stop { end, else_, endif, endfor };
  enum class Mode { quoted, heredoc, file };
  bool parse_quoted(HclExprPtr& out);
  bool parse_heredoc(HclExprPtr& out);
  bool parse_parts(std::vector<HclTemplatePart>& parts, Mode mode, Stop& stop);
  bool parse_interpolation(std::vector<HclTemplatePart>& parts, std::size_t begin);
  bool parse_directive(std::vector<HclTemplatePart>& parts, Mode mode, Stop& stop);
  bool parse_directive_body(HclTemplatePart& part, Mode mode);
  bool close_directive(bool& strip_after);
  bool parse_escape(HclLiteral& lit);
  // Scanning.
  void skip_space();  // spaces, tabs, comments; newlines too when they are not significant
  void skip_space_and_newlines();
  bool at_end() const { return pos_ >= end_; }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < end_ ? t_[pos_ + ahead] : '\0'; }
  bool at_newline() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
  bool at_identifier() const;
  std::string read_identifier();
  bool keyword_ahead(std::string_view word) const;
  bool fail(std::size_t at, std::string message, const char* code = "TL078");
  std::string found_here() const;

  const SourceFile& file_;
  std::string_view t_;
  std::size_t end_;  // the end of what is being parsed (a heredoc's content ends before its marker)
  const Limits& limits_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t nodes_ = 0;
  bool newlines_ = true;
  std::size_t heredoc_indent_ = 0;
  bool strip_pending_ = false;      // a `~}` strips the white space that starts the next literal  // <<- : columns of indentation stripped from each line
  Diagnostics diagnostics_;
};

}  // namespace trustlint::internal
