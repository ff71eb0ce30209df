// The slow, obviously correct reference the automata are tested against: a direct recursive
// glob matcher (docs/semantics.md#string-operators), every string over a small alphabet up to a length (in
// shortlex order), and a deterministic random glob generator.
#pragma once

#include <cstddef>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::test {

// '*' any run, '?' one character, anything else literal; anchored at both ends.
inline bool reference_match(std::string_view p, std::string_view s) {
  if (p.empty()) return s.empty();
  if (p[0] == '*') {
    return reference_match(p.substr(1), s) || (!s.empty() && reference_match(p, s.substr(1)));
  }
  if (s.empty()) return false;
  return (p[0] == '?' || p[0] == s[0]) && reference_match(p.substr(1), s.substr(1));
}

// Every string over `chars` of length <= max_len, shortest first, then in the order of `chars`.
inline std::vector<std::string> all_strings(std::string_view chars, std::size_t max_len) {
  std::vector<std::string> out{""};
  for (std::size_t begin = 0, len = 0; len < max_len; ++len) {
    const std::size_t end = out.size();
    for (std::size_t i = begin; i < end; ++i) {
      for (char c : chars) out.push_back(out[i] + c);
    }
    begin = end;
  }
  return out;
}

// Globs of length 0..max_len over `chars` plus '*' and '?' (a fixed seed makes runs repeatable).
class RandomGlobs {
 public:
  RandomGlobs(std::string chars, unsigned seed) : chars_(std::move(chars) + "**?"), rng_(seed) {}
  std::string next(std::size_t max_len) {
    std::string g;
    const std::size_t len = std::uniform_int_distribution<std::size_t>(0, max_len)(rng_);
    for (std::size_t i = 0; i < len; ++i) {
      g.push_back(chars_[std::uniform_int_distribution<std::size_t>(0, chars_.size() - 1)(rng_)]);
    }
    return g;
  }

 private:
  std::string chars_;
  std::mt19937 rng_;
};

// The first string of `strings` on which `fast` and `slow` disagree, or "<none>".
inline std::string first_disagreement(const std::vector<std::string>& strings,
                                      const std::function<bool(const std::string&)>& fast,
                                      const std::function<bool(const std::string&)>& slow) {
  for (const std::string& s : strings) {
    if (fast(s) != slow(s)) return "\"" + s + "\"";
  }
  return "<none>";
}

}  // namespace trustlint::test
