// Date operators: ISO-8601 / epoch parsing and instant comparison.
#include "condition/date.h"

#include "condition/text.h"
#include "condition/value_matcher.h"

namespace trustlint::internal {

namespace {

// Reads exactly n digits at s[i].
bool digits(std::string_view s, std::size_t& i, std::size_t n, int& out) {
  if (i + n > s.size()) return false;
  out = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const char c = s[i + k];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  i += n;
  return true;
}

// Fraction digits after '.', as nanoseconds; at least one digit.
bool fraction(std::string_view s, std::size_t& i, std::int32_t& nanos) {
  const std::size_t start = i;
  nanos = 0;
  std::int32_t scale = 100000000;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    nanos += (s[i] - '0') * scale;
    scale /= 10;
    ++i;
  }
  return i > start;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::optional<Instant> parse_epoch(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::size_t i = 0;
  std::int64_t seconds = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    if (seconds > 100'000'000'000'000'000) return std::nullopt;  // beyond any calendar we compare
    seconds = seconds * 10 + (s[i] - '0');
    ++i;
  }
  if (i == 0) return std::nullopt;
  Instant t{seconds, 0};
  if (i < s.size()) {
    if (s[i] != '.') return std::nullopt;
    ++i;
    if (!fraction(s, i, t.nanos) || i != s.size()) return std::nullopt;
  }
  if (negative && (t.seconds != 0 || t.nanos != 0)) {
    t.seconds = -t.seconds;
    if (t.nanos != 0) {
      t.seconds -= 1;
      t.nanos = 1'000'000'000 - t.nanos;
    }
  }
  return t;
}

}  // namespace

std::optional<Instant> parse_date(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.find('-', 1) == std::string_view::npos) return parse_epoch(s);

  std::size_t i = 0;
  int year = 0, month = 0, day = 1, hour = 0, minute = 0, second = 0;
  std::int32_t nanos = 0;
  if (!digits(s, i, 4, year) || i >= s.size() || s[i++] != '-' || !digits(s, i, 2, month)) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  if (i < s.size()) {
    if (s[i++] != '-' || !digits(s, i, 2, day)) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  }
  std::int64_t offset = 0;  // seconds east of UTC
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't') return std::nullopt;
    ++i;
    if (!digits(s, i, 2, hour) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, minute)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(s, i, 2, second)) return std::nullopt;
      if (i < s.size() && s[i] == '.') {
        ++i;
        if (!fraction(s, i, nanos)) return std::nullopt;
      }
    }
    // 24:00:00 is the end of the day; 60 is a leap second.
    if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
    if (hour == 24 && (minute != 0 || second != 0 || nanos != 0)) return std::nullopt;
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i++] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!digits(s, i, 2, oh)) return std::nullopt;
        if (i < s.size()) {
          if (s[i] == ':') ++i;
          if (!digits(s, i, 2, om)) return std::nullopt;
        }
        if (oh > 23 || om > 59) return std::nullopt;
        offset = sign * (oh * 3600 + om * 60);
      } else {
        return std::nullopt;
      }
    }
    if (i != s.size()) return std::nullopt;
  }
  Instant t;
  t.seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  t.nanos = nanos;
  return t;
}

int compare_instant(const Instant& a, const Instant& b) {
  if (a.seconds != b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.nanos != b.nanos) return a.nanos < b.nanos ? -1 : 1;
  return 0;
}

namespace {

class DateValueMatcher final : public ValueMatcher {
 public:
  DateValueMatcher(MatchKind kind, std::vector<Instant> instants) : kind_(kind), instants_(std::move(instants)) {}

  std::size_t find_match(std::string_view request_value, MatchContext&) const override {
    const std::optional<Instant> request = parse_date(request_value);
    if (!request) return kNoMatch;
    for (std::size_t i = 0; i < instants_.size(); ++i) {
      if (ordered_holds(kind_, compare_instant(*request, instants_[i]))) return i;
    }
    return kNoMatch;
  }

 private:
  MatchKind kind_;
  std::vector<Instant> instants_;
};

}  // namespace

std::unique_ptr<ValueMatcher> compile_date_values(MatchKind kind, const std::vector<PreparedValue>& values,
                                              Diagnostics& diagnostics) {
  std::vector<Instant> instants;
  for (const PreparedValue& pv : values) {
    const std::optional<Instant> t = parse_date(pv.source->text);
    if (!t) {
      diagnostics.push_back(make_error("TL071",
                                       quote(pv.source->text) +
                                           " is not a date: Date operators take an ISO 8601 date or date-time "
                                           "such as 2026-01-31T12:00:00Z, or epoch seconds",
                                       pv.source->span));
      continue;
    }
    instants.push_back(*t);
  }
  return std::make_unique<DateValueMatcher>(kind, std::move(instants));
}

}  // namespace trustlint::internal
