// ARN operators: split into six components, match each as a glob.
#include "condition/arn.h"

#include "condition/value_matcher.h"

namespace trustlint::internal {

std::optional<ArnParts> split_arn(std::string_view text) {
  ArnParts parts;
  std::size_t start = 0;
  for (std::size_t k = 0; k < 5; ++k) {
    const std::size_t colon = text.find(':', start);
    if (colon == std::string_view::npos) return std::nullopt;
    parts[k] = text.substr(start, colon - start);
    start = colon + 1;
  }
  parts[5] = text.substr(start);
  return parts;
}

std::optional<ArnPatternParts> split_arn_pattern(const GlobPieces& pieces) {
  ArnPatternParts parts;
  std::size_t k = 0;
  for (const GlobPiece& piece : pieces) {
    if (piece.kind != GlobPiece::Kind::literal || k == 5) {
      parts[k].push_back(piece);
      continue;
    }
    std::string_view text = piece.text;
    while (k < 5) {
      const std::size_t colon = text.find(':');
      if (colon == std::string_view::npos) break;
      if (colon > 0) parts[k].push_back({GlobPiece::Kind::literal, std::string(text.substr(0, colon))});
      text.remove_prefix(colon + 1);
      ++k;
    }
    if (!text.empty()) parts[k].push_back({GlobPiece::Kind::literal, std::string(text)});
  }
  if (k < 5) return std::nullopt;
  return parts;
}

namespace {

struct ArnValue {
  bool dynamic = false;
  ValueTemplate tmpl;                  // when dynamic
  std::vector<GlobMatcher> matchers;   // when static and an ARN: six, one per component
};

bool match_parts(const ArnPatternParts& pattern, const ArnParts& parts) {
  for (std::size_t k = 0; k < 6; ++k) {
    if (!glob_match(pattern[k], parts[k])) return false;
  }
  return true;
}

class ArnValueMatcher final : public ValueMatcher {
 public:
  explicit ArnValueMatcher(std::vector<ArnValue> values) : values_(std::move(values)) {}

  std::size_t find_match(std::string_view request_value, MatchContext& ctx) const override {
    const std::optional<ArnParts> parts = split_arn(request_value);
    if (!parts) return kNoMatch;  // a request value that is not an ARN matches nothing
    for (std::size_t i = 0; i < values_.size(); ++i) {
      if (matches(values_[i], *parts, ctx)) return i;
    }
    return kNoMatch;
  }

 private:
  static bool matches(const ArnValue& v, const ArnParts& parts, MatchContext& ctx) {
    if (!v.dynamic) {
      // A policy value that is not an ARN matches nothing; IAM's reading is unknown (u).
      if (v.matchers.empty()) {
        ctx.flag("a policy value that is not an ARN matches nothing (docs/semantics.md#other-operators)");
        return false;
      }
      for (std::size_t k = 0; k < 6; ++k) {
        if (!v.matchers[k].matches(parts[k])) return false;
      }
      return true;
    }
    std::vector<ResolvedSegment> segments;
    if (!resolve_template(v.tmpl, ctx.request, segments)) {
      ++ctx.unresolved;
      return false;
    }
    bool substituted_wildcard = false;
    const std::optional<ArnPatternParts> pattern = split_arn_pattern(joined_glob(segments, substituted_wildcard));
    if (substituted_wildcard) ctx.flag(kSubstitutedWildcard);
    if (!pattern) {
      ctx.flag("a policy value that is not an ARN matches nothing (docs/semantics.md#other-operators)");
      return false;
    }
    return match_parts(*pattern, parts);
  }

  std::vector<ArnValue> values_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_arn_values(const std::vector<PreparedValue>& values) {
  std::vector<ArnValue> compiled;
  compiled.reserve(values.size());
  for (const PreparedValue& pv : values) {
    ArnValue v;
    if (pv.tmpl.has_variables()) {
      v.dynamic = true;
      v.tmpl = pv.tmpl;
    } else if (std::optional<ArnPatternParts> parts = split_arn_pattern(static_glob(pv.tmpl))) {
      for (const GlobPieces& part : *parts) v.matchers.emplace_back(part);
    }
    compiled.push_back(std::move(v));
  }
  return std::make_unique<ArnValueMatcher>(std::move(compiled));
}

}  // namespace trustlint::internal
