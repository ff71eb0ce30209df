// printable(): the renderers' copies of lint results with every human-facing text made visible.
#include "report/printable.h"

#include "source/utf8.h"
#include "trustlint/report.h"

namespace trustlint {

std::string visible_text(std::string_view text) { return internal::visible_text(text); }

}  // namespace trustlint

namespace trustlint::internal {

std::vector<std::string> printable(const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  for (const auto& t : texts) out.push_back(visible_text(t));
  return out;
}

Finding printable(const Finding& f) {
  Finding out = f;
  out.message = visible_text(f.message);
  out.fix = visible_text(f.fix);
  out.notes = printable(f.notes);
  out.suppression_reason = visible_text(f.suppression_reason);
  if (out.witness) out.witness->description = visible_text(f.witness->description);
  return out;
}

LintReport printable(const LintReport& r) {
  LintReport out = r;
  out.resource = visible_text(r.resource);
  out.assumptions = printable(r.assumptions);
  for (auto& f : out.findings) f = printable(f);
  out.notes = printable(r.notes);
  return out;
}

}  // namespace trustlint::internal
