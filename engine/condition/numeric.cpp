// Numeric operators: exact decimal parsing and comparison.
#include "condition/numeric.h"

#include <algorithm>

#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int compare_magnitude(const Decimal& a, const Decimal& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (int c = a.integer.compare(b.integer); c != 0) return c < 0 ? -1 : 1;
  const std::size_t n = std::max(a.fraction.size(), b.fraction.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = i < a.fraction.size() ? a.fraction[i] : '0';
    const char y = i < b.fraction.size() ? b.fraction[i] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace

std::optional<Decimal> parse_decimal(std::string_view text) {
  Decimal d;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    d.negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t dot = text.find('.');
  std::string_view integer = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!all_digits(integer) || !all_digits(fraction)) return std::nullopt;
  if (integer.empty() && fraction.empty()) return std::nullopt;  // "", "+", ".", "-."
  while (!integer.empty() && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  d.integer = integer;
  d.fraction = fraction;
  if (integer.empty() && fraction.empty()) d.negative = false;
  return d;
}

int compare_decimal(const Decimal& a, const Decimal& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int m = compare_magnitude(a, b);
  return a.negative ? -m : m;
}

// Shared by Numeric and Date: does "request <op> policy" hold for a three-way comparison?
bool ordered_holds(MatchKind kind, int cmp) {
  switch (kind) {
    case MatchKind::numeric_equals:
    case MatchKind::date_equals: return cmp == 0;
    case MatchKind::numeric_less_than:
    case MatchKind::date_less_than: return cmp < 0;
    case MatchKind::numeric_less_than_equals:
    case MatchKind::date_less_than_equals: return cmp <= 0;
    case MatchKind::numeric_greater_than:
    case MatchKind::date_greater_than: return cmp > 0;
    case MatchKind::numeric_greater_than_equals:
    case MatchKind::date_greater_than_equals: return cmp >= 0;
    default: return false;
  }
}

namespace {

class NumericValueMatcher final : public ValueMatcher {
 public:
  NumericValueMatcher(MatchKind kind, std::vector<std::string> texts) : kind_(kind), texts_(std::move(texts)) {}

  std::size_t find_match(std::string_view request_value, MatchContext&) const override {
    const std::optional<Decimal> request = parse_decimal(request_value);
    if (!request) return kNoMatch;
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      // INVARIANT: every stored text parsed at compile time.
      if (ordered_holds(kind_, compare_decimal(*request, *parse_decimal(texts_[i])))) return i;
    }
    return kNoMatch;
  }

 private:
  MatchKind kind_;
  std::vector<std::string> texts_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_numeric_values(MatchKind kind, const std::vector<PreparedValue>& values,
                                                 Diagnostics& diagnostics) {
  std::vector<std::string> texts;
  for (const PreparedValue& pv : values) {
    const std::string& text = pv.source->text;
    if (!parse_decimal(text)) {
      diagnostics.push_back(make_error(
          "TL070", quote(text) + " is not a number: Numeric operators take an integer or a decimal such as 10 or -2.5",
          pv.source->span));
      continue;
    }
    texts.push_back(text);
  }
  return std::make_unique<NumericValueMatcher>(kind, std::move(texts));
}

}  // namespace trustlint::internal
