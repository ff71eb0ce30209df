// scan_request_line: one pass over the bytes of a request line, no DOM, declining (false) at the
// first thing outside the common shape. INVARIANT: whatever it accepts, nlohmann accepts and
// parse_request_line_json reads into the same RequestLine (tests/unit/batch compare the two).
#include "batch/request_line_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "trustlint/request.h"

namespace trustlint::internal {
namespace {

// No byte below 0x20, above 0x7E, or '\\' (eight at a time; "Bit Twiddling Hacks" tests, which
// never miss such a byte).
bool printable_ascii(std::string_view s) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    const std::uint64_t above_tilde = ((w + ones) | w) & highs;  // a byte of 0x7F or more
    const std::uint64_t b = w ^ (ones * '\\');
    const std::uint64_t backslash = (b - ones) & ~b & highs;
    if ((below_space | above_tilde | backslash) != 0) return false;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c >= 0x7F || c == '\\') return false;
  }
  return true;
}

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  char peek() {
    skip_space();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  bool at_end() {
    skip_space();
    return i_ == s_.size();
  }
  // A string of printable ASCII without escapes; false for anything else.
  bool plain_string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = i_;
    const std::size_t end = s_.find('"', start);
    if (end == std::string_view::npos) return false;
    out = s_.substr(start, end - start);
    if (!printable_ascii(out)) return false;
    i_ = end + 1;
    return true;
  }
  // A claim value item: a plain string, true or false (their string forms).
  bool scalar(std::string& out) {
    const char c = peek();
    if (c == '"') {
      std::string_view v;
      if (!plain_string(v)) return false;
      out.assign(v);
      return true;
    }
    for (std::string_view word : {std::string_view("true"), std::string_view("false")}) {
      if (s_.substr(i_, word.size()) == word) {
        i_ += word.size();
        // nlohmann reads a literal up to its last letter; what follows must end the value.
        const char next = i_ < s_.size() ? s_[i_] : '\0';
        if (next != ',' && next != '}' && next != ']' && next != ' ' && next != '\t' && next != '\r' &&
            next != '\n' && next != '\0') {
          return false;
        }
        if (next == '\0' && i_ != s_.size()) return false;  // a NUL byte
        out.assign(word);
        return true;
      }
    }
    return false;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

struct Claim {
  std::string key;
  std::vector<std::string> values;
  bool multi = false;
};

bool scan_claims(Scanner& in, RequestLine& out) {
  if (!in.eat('{')) return false;
  std::vector<Claim> claims;
  if (!in.eat('}')) {
    do {
      std::string_view key;
      if (!in.plain_string(key) || !in.eat(':')) return false;
      Claim claim;
      claim.key.assign(key);
      if (in.peek() == '[') {
        in.eat('[');
        claim.multi = true;
        if (!in.eat(']')) {
          do {
            if (!in.scalar(claim.values.emplace_back())) return false;
          } while (in.eat(','));
          if (!in.eat(']')) return false;
        }
      } else if (!in.scalar(claim.values.emplace_back())) {
        return false;
      }
      claims.push_back(std::move(claim));
    } while (in.eat(','));
    if (!in.eat('}')) return false;
  }
  // nlohmann's object is a std::map: claims in byte order of their keys. Keys that repeat, even
  // in another case, are errors the reference reader words.
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) { return a.key < b.key; });
  std::vector<std::string> folded;
  folded.reserve(claims.size());
  for (const Claim& c : claims) folded.push_back(fold_key(c.key));
  std::sort(folded.begin(), folded.end());
  if (std::adjacent_find(folded.begin(), folded.end()) != folded.end()) return false;
  for (Claim& c : claims) {
    if (c.multi) out.multi_claims.emplace_back(std::move(c.key), std::move(c.values));
    else out.facts.extra_context.emplace_back(std::move(c.key), std::move(c.values.front()));
  }
  return true;
}

}  // namespace

bool scan_request_line(std::string_view line, RequestLine& out) {
  Scanner in(line);
  if (!in.eat('{')) return false;
  unsigned seen = 0;  // one bit per field
  if (!in.eat('}')) {
    do {
      std::string_view key;
      if (!in.plain_string(key) || !in.eat(':')) return false;
      static constexpr std::string_view kFields[] = {"team", "project", "environment", "issuer", "aud", "claims"};
      const auto field = static_cast<unsigned>(std::find(std::begin(kFields), std::end(kFields), key) - std::begin(kFields));
      if (field == std::size(kFields) || (seen & (1u << field)) != 0) return false;
      seen |= 1u << field;
      if (key == "claims") {
        if (!scan_claims(in, out)) return false;
        continue;
      }
      std::string_view value;
      if (!in.plain_string(value)) return false;
      switch (field) {
        case 0: out.facts.team.assign(value), out.team_given = true; break;
        case 1: out.facts.project.assign(value); break;
        case 2: out.facts.environment.assign(value); break;
        case 3: out.issuer.emplace(value); break;
        default: out.facts.audience.emplace(value); break;
      }
    } while (in.eat(','));
    if (!in.eat('}')) return false;
  }
  return in.at_end();
}

namespace {

// A byte JSON takes as it is inside a string of plain_string's kind (printable ASCII but '"'
// and '\\').
constexpr std::array<bool, 256> kPlainByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

// The fields scan_plain_fields reads, by number; kNoField for anything else.
constexpr std::string_view kPlainFields[] = {"team", "project", "environment", "issuer", "aud"};
constexpr unsigned kNoField = std::size(kPlainFields);

// Scanner's skip_space, eat and plain_string over a pointer range, for scan_plain_fields.
struct FieldScanner {
  const char* p;
  const char* end;

  // The bytes of `text` next (no white space before): stepped over.
  template <std::size_t N>
  bool literal(const char (&text)[N]) {
    constexpr std::size_t n = N - 1;  // without the terminating NUL
    if (static_cast<std::size_t>(end - p) < n || std::memcmp(p, text, n) != 0) return false;
    p += n;
    return true;
  }

  void skip_space() {
    while (p != end && static_cast<unsigned char>(*p) <= ' ' && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) ++p;
  }
  // The byte `c` next, after any white space (compact lines have none: tested first).
  bool eat(char c) {
    if (p != end && *p == c) {
      ++p;
      return true;
    }
    skip_space();
    if (p != end && *p == c) {
      ++p;
      return true;
    }
    return false;
  }
  bool plain_string(std::string_view& out) {
    if (!eat('"')) return false;
    const char* start = p;
    // Eight bytes at a time: the lowest flagged byte of each test is exact (false flags from a
    // borrow or carry only ever sit above a true one), so the lowest of all is the first byte
    // that is not plain.
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (std::endian::native == std::endian::little && end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
      const std::uint64_t from_del = ((w + ones) | w) & highs;  // 0x7F or more
      const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
      const std::uint64_t quote = (q - ones) & ~q & highs, backslash = (b - ones) & ~b & highs;
      const std::uint64_t stop = below_space | from_del | quote | backslash;
      if (stop != 0) {
        p += std::countr_zero(stop) / 8;  // little-endian: the first byte is the lowest
        break;
      }
      p += 8;
    }
    while (p != end && kPlainByte[static_cast<unsigned char>(*p)]) ++p;
    if (p == end || *p != '"') return false;
    out = std::string_view(start, static_cast<std::size_t>(p - start));
    ++p;
    return true;
  }
};

}  // namespace

bool scan_plain_fields(std::string_view line, PlainFields& out) {
  FieldScanner in{line.data(), line.data() + line.size()};
  if (!in.eat('{')) return false;
  unsigned seen = 0;  // one bit per field
  if (!in.eat('}')) {
    do {
      // The common spelling, "KEY": with no space, compared whole; any other through the scanner.
      // (The key's text is the same either way: printable ASCII without escapes.)
      unsigned field = kNoField;
      if (in.end - in.p > 1 && in.p[0] == '"') {
        switch (in.p[1]) {
          case 't': field = in.literal(R"("team":)") ? 0 : kNoField; break;
          case 'p': field = in.literal(R"("project":)") ? 1 : kNoField; break;
          case 'e': field = in.literal(R"("environment":)") ? 2 : kNoField; break;
          case 'i': field = in.literal(R"("issuer":)") ? 3 : kNoField; break;
          case 'a': field = in.literal(R"("aud":)") ? 4 : kNoField; break;
          default: break;
        }
      }
      if (field == kNoField) {
        std::string_view key;
        if (!in.plain_string(key) || !in.eat(':')) return false;
        field = static_cast<unsigned>(std::find(std::begin(kPlainFields), std::end(kPlainFields), key) - std::begin(kPlainFields));
        if (field == kNoField) return false;  // claims, or a key that is not a field
      }
      std::string_view value;
      if (!in.plain_string(value)) return false;
      if ((seen & (1u << field)) != 0) return false;
      switch (field) {
        case 0: out.team = value, out.has_team = true; break;
        case 1: out.project = value; break;
        case 2: out.environment = value; break;
        case 3: out.issuer = value, out.has_issuer = true; break;
        default: out.aud = value, out.has_aud = true; break;
      }
      seen |= 1u << field;
    } while (in.eat(','));
    if (!in.eat('}')) return false;
  }
  in.skip_space();
  return in.p == in.end;
}

}  // namespace trustlint::internal
