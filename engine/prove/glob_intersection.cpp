// glob_intersection: L(a) ∩ L(b) as a union of IAM globs, so that findings and `who` answers
// can print a pattern ("acme*" ∩ "*-evil" = "acme*-evil") instead of an automaton. The walk is
// over the product of the two position automata: node (i, j) = the first i tokens of a and the
// first j of b matched. Every path from (0, 0) to (|a|, |b|) spells one glob of the union; the
// globs of the paths from a node are computed once (reverse order, no recursion) and pruned as
// they go, so shared suffixes are not enumerated twice. glob_for_literal is here too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "prove/automaton.h"
#include "prove/glob_pattern.h"

namespace trustlint::internal {
namespace {

constexpr char kEnd = '\0';  // stands for "past the last token" (x_end / y_end decide)

struct Move {
  bool emits;
  char emit;
  std::uint32_t i, j;
};

// The moves out of node (i, j). A star-star node loops on every character, written as a '*' on
// both ways out of it; a star facing a token lets the other side advance while it stays put.
std::vector<Move> moves_from(const std::string& a, const std::string& b, std::uint32_t i,
                             std::uint32_t j) {
  const char x = i < a.size() ? a[i] : kEnd;
  const char y = j < b.size() ? b[j] : kEnd;
  const bool x_end = i == a.size(), y_end = j == b.size();
  std::vector<Move> out;
  if (x == '*' && !x_end && y == '*' && !y_end) {
    out.push_back({true, '*', i + 1, j});
    out.push_back({true, '*', i, j + 1});
  } else if (x == '*' && !x_end) {
    out.push_back({false, kEnd, i + 1, j});
    if (!y_end) out.push_back({true, y, i, j + 1});
  } else if (y == '*' && !y_end) {
    out.push_back({false, kEnd, i, j + 1});
    if (!x_end) out.push_back({true, x, i + 1, j});
  } else if (!x_end && !y_end) {
    if (x == '?') out.push_back({true, y, i + 1, j + 1});
    else if (y == '?' || x == y) out.push_back({true, x, i + 1, j + 1});
  }
  return out;
}

// Whether every string matching g1 matches g2, judged on the patterns alone (sound, not
// complete: g2's '*' may absorb any tokens of g1, its '?' one non-star token, literals equal).
bool covers(const std::string& g2, const std::string& g1) {
  const std::size_t n2 = g2.size(), n1 = g1.size();
  // row[j] = g2[i..] covers g1[j..], computed for i = n2 down to 0.
  std::vector<char> row(n1 + 1, 0), next(n1 + 1, 0);
  row[n1] = 1;
  for (std::size_t i = n2; i-- > 0;) {
    next.swap(row);  // next = row of i + 1
    for (std::size_t j = n1 + 1; j-- > 0;) {
      if (g2[i] == '*') {
        row[j] = next[j] || (j < n1 && row[j + 1]);
      } else if (j == n1) {
        row[j] = 0;
      } else if (g2[i] == '?') {
        row[j] = g1[j] != '*' && next[j + 1];
      } else {
        row[j] = g1[j] == g2[i] && next[j + 1];
      }
    }
  }
  return row[0] != 0;
}

void dedupe(std::vector<std::string>& globs) {
  std::sort(globs.begin(), globs.end());
  globs.erase(std::unique(globs.begin(), globs.end()), globs.end());
}

// Drops every glob that another one contains (`contains(outer, inner)`, by index); order kept.
template <typename Contains>
void prune(std::vector<std::string>& globs, Contains contains) {
  std::vector<bool> dropped(globs.size(), false);
  for (std::size_t i = 0; i < globs.size(); ++i) {
    for (std::size_t j = 0; j < globs.size() && !dropped[i]; ++j) {
      if (i == j || dropped[j] || !contains(j, i)) continue;
      dropped[i] = !contains(i, j) || j < i;  // of two equal languages keep the first
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < globs.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) globs[kept] = std::move(globs[i]);
    ++kept;
  }
  globs.resize(kept);
}

}  // namespace

std::optional<std::vector<std::string>> glob_intersection(std::string_view a_in,
                                                          std::string_view b_in,
                                                          const Alphabet& alphabet,
                                                          std::size_t max_globs) {
  const std::string a = collapse_stars(a_in), b = collapse_stars(b_in);
  const std::size_t m = a.size(), n = b.size(), width = n + 1;
  // A node holding more globs than this (after pruning) makes the answer "too many".
  const std::size_t node_cap = std::max<std::size_t>(4 * max_globs, 16);
  auto node = [width](std::size_t i, std::size_t j) { return i * width + j; };

  std::vector<char> reachable((m + 1) * width, 0);
  reachable[0] = 1;
  for (std::uint32_t i = 0; i <= m; ++i) {
    for (std::uint32_t j = 0; j <= n; ++j) {
      if (!reachable[node(i, j)]) continue;
      for (const Move& mv : moves_from(a, b, i, j)) reachable[node(mv.i, mv.j)] = 1;
    }
  }

  // Successors have larger (i, j), so walking both indices downwards sees them first.
  struct Globs {
    std::vector<std::string> globs;
    bool overflow = false;
  };
  std::unordered_map<std::size_t, Globs> from;
  for (std::uint32_t i = static_cast<std::uint32_t>(m) + 1; i-- > 0;) {
    for (std::uint32_t j = static_cast<std::uint32_t>(n) + 1; j-- > 0;) {
      if (!reachable[node(i, j)]) continue;
      Globs here;
      if (i == m && j == n) here.globs.push_back("");
      for (const Move& mv : moves_from(a, b, i, j)) {
        if (mv.emits && mv.emit != '*' &&
            (mv.emit == '?' ? alphabet.size() == 0 : alphabet.index(static_cast<unsigned char>(mv.emit)) < 0)) {
          continue;  // the glob would need a character outside the alphabet
        }
        const Globs& there = from[node(mv.i, mv.j)];
        here.overflow = here.overflow || there.overflow;
        for (const std::string& g : there.globs) {
          if (!mv.emits || (mv.emit == '*' && !g.empty() && g[0] == '*')) {
            here.globs.push_back(g);
          } else {
            here.globs.push_back(mv.emit + g);
          }
        }
      }
      dedupe(here.globs);
      prune(here.globs, [&here](std::size_t o, std::size_t in) {
        return covers(here.globs[o], here.globs[in]);
      });
      if (here.globs.size() > node_cap) {
        here.overflow = true;
        here.globs.clear();
      }
      from[node(i, j)] = std::move(here);
    }
  }

  Globs& root = from[0];
  if (root.overflow) return std::nullopt;
  // Exact containment over the alphabet (e.g. "?" ⊇ "a" only when the alphabet is {a}).
  std::vector<std::string>& globs = root.globs;
  std::vector<Dfa> dfas;
  StateBudget budget;
  for (const std::string& g : globs) dfas.push_back(Dfa::glob(g, alphabet, budget));
  if (budget.exceeded) dfas.clear();  // keep the syntactic pruning only
  prune(globs, [&](std::size_t o, std::size_t in) {
    if (covers(globs[o], globs[in])) return true;
    if (dfas.empty()) return false;
    StateBudget b;
    return dfas[in].subset_of(dfas[o], b);
  });
  if (globs.size() > max_globs) return std::nullopt;
  return globs;
}

std::optional<std::string> glob_for_literal(std::string_view literal) {
  if (literal.find_first_of("*?") != std::string_view::npos) return std::nullopt;
  return std::string(literal);
}

}  // namespace trustlint::internal
