// Claim templates such as "owner:{team}:project:{project}:environment:{environment}": expansion
// for concrete requests, and parsing into literal and segment pieces for the prover.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trustlint::internal {

using TemplateValues = std::vector<std::pair<std::string, std::string>>;

std::string expand_template(std::string_view tmpl, const TemplateValues& values);

// The fixed text before a template's first {segment} ("oidc.vercel.com/" of
// "oidc.vercel.com/{team}"); the whole template when it has none.
std::string template_prefix(std::string_view tmpl);

// A template split into pieces: literal text, or a {segment} reference.
struct TemplatePiece {
  bool is_segment = false;
  std::string text;  // literal text, or the segment's name
};
std::vector<TemplatePiece> parse_template(std::string_view tmpl);

}  // namespace trustlint::internal
