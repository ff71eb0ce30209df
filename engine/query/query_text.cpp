// render_query_diagnostics (query.h): what a query said, as the CLI prints it on stderr.
#include "trustlint/query.h"

namespace trustlint {

std::string render_query_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (d.span.file.empty() && d.code == kQuestionCode) {
      out += "trustlint: error: " + visible_text(d.message) + "\n";
    } else if (d.span.file.empty() && d.code == kGateCode) {
      out += "trustlint: " + visible_text(d.message) + "\n";
    } else {
      out += render_diagnostics_text({d});
    }
  }
  return out;
}

}  // namespace trustlint
