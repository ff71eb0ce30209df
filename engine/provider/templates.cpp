// Claim template expansion and parsing.
#include "provider/templates.h"

namespace trustlint::internal {

std::vector<TemplatePiece> parse_template(std::string_view tmpl) {
  std::vector<TemplatePiece> pieces;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      pieces.push_back({false, std::string(tmpl.substr(i))});
      break;
    }
    if (open > i) pieces.push_back({false, std::string(tmpl.substr(i, open - i))});
    pieces.push_back({true, std::string(tmpl.substr(open + 1, close - open - 1))});
    i = close + 1;
  }
  return pieces;
}

std::string template_prefix(std::string_view tmpl) { return std::string(tmpl.substr(0, tmpl.find('{'))); }

std::string expand_template(std::string_view tmpl, const TemplateValues& values) {
  // One pass, the same pieces as parse_template (it runs for every request).
  std::string out;
  out.reserve(tmpl.size() + 64);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      out += tmpl.substr(i);
      break;
    }
    out += tmpl.substr(i, open - i);
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    for (const auto& [key, value] : values) {
      if (key == name) {
        out += value;
        break;
      }
    }
    i = close + 1;
  }
  return out;
}

}  // namespace trustlint::internal
