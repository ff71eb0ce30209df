// make_lint_writer (trustlint/lint_writer.h): the writer of each lint format, and text's, which
// prints each report as it comes (render_lint_text) and flushes, so that a long run shows its
// findings as they are found.
#include <ostream>

#include "report/lint_writers.h"
#include "trustlint/lint_writer.h"

namespace trustlint {
namespace {

class TextWriter final : public LintWriter {
 public:
  TextWriter(std::ostream& out, const LintTextOptions& options) : out_(out), options_(options) {}
  void add(const LintReport& report, const SourceSnapshot& sources) override {
    out_ << render_lint_text(report, sources, options_) << std::flush;
  }
  void end(int, std::size_t) override {}
  bool quotes_sources() const override { return true; }

 private:
  std::ostream& out_;
  const LintTextOptions options_;
};

}  // namespace

std::unique_ptr<LintWriter> internal::lint_text_writer(std::ostream& out, const LintTextOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

std::unique_ptr<LintWriter> make_lint_writer(std::string_view format, std::ostream& out, const LintWriterOptions& options) {
  if (format == "text") return internal::lint_text_writer(out, options.text);
  if (format == "json") return internal::lint_json_writer(out, options.fail_on);
  if (format == "sarif") return internal::lint_sarif_writer(out, options.sarif);
  if (format == "github") return internal::lint_github_writer(out);
  if (format == "markdown") return internal::lint_markdown_writer(out);
  return nullptr;
}

}  // namespace trustlint
