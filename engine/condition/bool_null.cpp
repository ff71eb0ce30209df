// Bool and Null (docs/semantics.md#absent-keys, docs/semantics.md#other-operators): values "true"/"false", read case-insensitively (u).
// Bool allows policy variables (docs/semantics.md#policy-variables); Null does not, and its presence test lives in keys.h.
#include <optional>

#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

std::optional<bool> parse_bool(std::string_view text) {
  if (equals_ignore_ascii_case(text, "true")) return true;
  if (equals_ignore_ascii_case(text, "false")) return false;
  return std::nullopt;
}

struct BoolValue {
  bool dynamic = false;
  ValueTemplate tmpl;  // when dynamic
  bool value = false;  // when static
};

class BoolValueMatcher final : public ValueMatcher {
 public:
  explicit BoolValueMatcher(std::vector<BoolValue> values) : values_(std::move(values)) {}

  std::size_t find_match(std::string_view request_value, MatchContext& ctx) const override {
    const std::optional<bool> request = parse_bool(request_value);
    if (!request) return kNoMatch;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      const BoolValue& v = values_[i];
      if (!v.dynamic) {
        if (v.value == *request) return i;
        continue;
      }
      std::vector<ResolvedSegment> segments;
      if (!resolve_template(v.tmpl, ctx.request, segments)) {
        ++ctx.unresolved;
        continue;
      }
      // A substituted value that is not a boolean matches nothing.
      if (parse_bool(joined_text(segments)) == request) return i;
    }
    return kNoMatch;
  }

 private:
  std::vector<BoolValue> values_;
};

Diagnostic not_boolean(const PreparedValue& pv, const char* op) {
  return make_error("TL074", quote(pv.source->text) + " is not a boolean: " + op + " takes \"true\" or \"false\"",
                    pv.source->span);
}

}  // namespace

std::unique_ptr<ValueMatcher> compile_bool_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics) {
  std::vector<BoolValue> compiled;
  for (const PreparedValue& pv : values) {
    BoolValue v;
    if (pv.tmpl.has_variables()) {
      v.dynamic = true;
      v.tmpl = pv.tmpl;
    } else if (std::optional<bool> b = parse_bool(static_text(pv.tmpl))) {
      v.value = *b;
    } else {
      diagnostics.push_back(not_boolean(pv, "Bool"));
      continue;
    }
    compiled.push_back(std::move(v));
  }
  return std::make_unique<BoolValueMatcher>(std::move(compiled));
}

std::vector<bool> compile_null_values(const std::vector<PreparedValue>& values, Diagnostics& diagnostics) {
  std::vector<bool> wants_absent;
  for (const PreparedValue& pv : values) {
    if (std::optional<bool> b = parse_bool(pv.source->text)) {
      wants_absent.push_back(*b);
    } else {
      diagnostics.push_back(not_boolean(pv, "Null"));
    }
  }
  return wants_absent;
}

}  // namespace trustlint::internal
