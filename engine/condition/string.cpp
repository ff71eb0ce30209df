// String operators (docs/semantics.md#string-operators): StringEquals (exact; `*` and `?` literal),
// StringEqualsIgnoreCase (ASCII folding only; non-ASCII flagged), StringLike (anchored glob),
// with policy variables (docs/semantics.md#policy-variables) resolved per request.
#include <optional>

#include "condition/glob.h"
#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

constexpr const char* kNonAsciiFold = "non-ASCII text compared with ASCII-only case folding (docs/semantics.md#string-operators)";

struct StringValue {
  bool dynamic = false;  // has policy variables: resolved per request
  ValueTemplate tmpl;    // when dynamic
  std::string literal;   // when static: escapes applied; ASCII-folded for IgnoreCase
  bool literal_non_ascii = false;
  std::optional<GlobMatcher> glob;  // static StringLike
};

class StringValueMatcher final : public ValueMatcher {
 public:
  StringValueMatcher(MatchKind kind, std::vector<StringValue> values) : kind_(kind), values_(std::move(values)) {}

  std::size_t find_match(std::string_view request_value, MatchContext& ctx) const override {
    int ascii = -1;  // whether request_value is all ASCII, asked once (-1: not yet)
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const StringValue& v = values_[i];
      const bool hit = v.dynamic ? match_dynamic(v, request_value, ctx) : match_static(v, request_value, ctx, ascii);
      if (hit) return i;
    }
    return kNoMatch;
  }

 private:
  bool match_static(const StringValue& v, std::string_view request_value, MatchContext& ctx, int& ascii) const {
    switch (kind_) {
      case MatchKind::string_like:
        if (ascii < 0) ascii = has_non_ascii(request_value) ? 0 : 1;
        return v.glob->matches(request_value, ascii == 1);
      case MatchKind::string_equals_ignore_case:
        // IAM's folding beyond ASCII is unknown (docs/semantics.md#string-operators, u): fold ASCII only and say so.
        if (v.literal_non_ascii || has_non_ascii(request_value)) ctx.flag(kNonAsciiFold);
        return equals_ignore_ascii_case(request_value, v.literal);
      default: return request_value == v.literal;
    }
  }

  bool match_dynamic(const StringValue& v, std::string_view request_value, MatchContext& ctx) const {
    std::vector<ResolvedSegment> segments;
    if (!resolve_template(v.tmpl, ctx.request, segments)) {
      ++ctx.unresolved;  // docs/semantics.md#policy-variables: a variable with no value matches nothing
      return false;
    }
    if (kind_ == MatchKind::string_like) {
      bool substituted_wildcard = false;
      const GlobPieces pieces = joined_glob(segments, substituted_wildcard);
      if (substituted_wildcard) ctx.flag(kSubstitutedWildcard);
      return glob_match(pieces, request_value);
    }
    const std::string text = joined_text(segments);
    if (kind_ == MatchKind::string_equals_ignore_case) {
      if (has_non_ascii(text) || has_non_ascii(request_value)) ctx.flag(kNonAsciiFold);
      return equals_ignore_ascii_case(request_value, text);
    }
    return request_value == text;
  }

  MatchKind kind_;
  std::vector<StringValue> values_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_string_values(MatchKind kind, const std::vector<PreparedValue>& values) {
  std::vector<StringValue> compiled;
  compiled.reserve(values.size());
  for (const PreparedValue& pv : values) {
    StringValue v;
    if (pv.tmpl.has_variables()) {
      v.dynamic = true;
      v.tmpl = pv.tmpl;
    } else if (kind == MatchKind::string_like) {
      v.glob.emplace(static_glob(pv.tmpl));
    } else {
      v.literal = static_text(pv.tmpl);
      v.literal_non_ascii = has_non_ascii(v.literal);
      if (kind == MatchKind::string_equals_ignore_case) v.literal = ascii_lowercase(v.literal);
    }
    compiled.push_back(std::move(v));
  }
  return std::make_unique<StringValueMatcher>(kind, std::move(compiled));
}

}  // namespace trustlint::internal
