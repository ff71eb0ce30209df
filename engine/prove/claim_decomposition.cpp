// Claim-glob decomposition over a template (see the header for the idea).
//
// The glob's position automaton has states 0..n (n tokens); at a '*' state the automaton may
// loop. Reading a template literal moves a set of positions; a segment moves from a start set S
// to any end position y, and the strings that can do so are the sub-patterns p[x, y') for x in S
// (y' = y + 1 when token y is '*', whose loop may have eaten the segment's tail).
#include "prove/claim_decomposition.h"

#include <algorithm>
#include <set>
#include <vector>

#include "prove/glob_pattern.h"

namespace trustlint::internal {
namespace {

// A set of positions: sorted, without repeats (a few positions; a vector is far cheaper than a
// node-based set here, and iterates in the same order).
using Positions = std::vector<std::size_t>;

bool has(const Positions& s, std::size_t x) { return std::binary_search(s.begin(), s.end(), x); }

struct GlobPositions {
  std::string tokens;  // collapsed pattern

  bool star(std::size_t i) const { return i < tokens.size() && tokens[i] == '*'; }

  // Adds i+1 for every '*' position i (stars are collapsed, so i+1 is never a '*' itself).
  Positions closure(const Positions& s) const {
    Positions out;
    out.reserve(s.size() * 2);
    for (std::size_t i : s) {
      out.push_back(i);
      if (star(i)) out.push_back(i + 1);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  Positions step(const Positions& s, char c) const {
    Positions next;
    for (std::size_t i : s) {
      if (i >= tokens.size()) continue;
      if (tokens[i] == '*') next.push_back(i);
      else if (tokens[i] == '?' || tokens[i] == c) next.push_back(i + 1);
    }
    return closure(next);
  }

  Positions read(Positions s, std::string_view text) const {
    for (char c : text) {
      if (s.empty()) break;
      s = step(s, c);
    }
    return s;
  }
};

struct Walker {
  const GlobPositions& g;
  const std::vector<TemplatePiece>& pieces;
  std::string_view separators;
  std::vector<GlobProduct>& out;
  std::size_t max_products;
  StateBudget* budget;
  bool overflow = false;

  // First position at or after x whose token is a separator: a segment's glob ends before it.
  std::size_t separator_limit(std::size_t x) const {
    const std::size_t hit = g.tokens.find_first_of(separators, x);
    return hit == std::string::npos ? g.tokens.size() : hit;
  }

  void walk(std::size_t piece, const Positions& at, GlobProduct& partial) {
    if (overflow || at.empty()) return;
    if (budget != nullptr && !budget->spend(at.size())) {
      overflow = true;
      return;
    }
    if (piece == pieces.size()) {
      if (has(at, g.tokens.size())) {
        if (out.size() >= max_products) {
          overflow = true;
          return;
        }
        out.push_back(partial);
      }
      return;
    }
    const TemplatePiece& p = pieces[piece];
    if (!p.is_segment) {
      // Stepping every position through the literal.
      if (budget != nullptr && !budget->charge((p.text.size() + 1) * at.size() * 4)) {
        overflow = true;
        return;
      }
      walk(piece + 1, g.read(at, p.text), partial);
      return;
    }
    const bool last = piece + 1 == pieces.size();
    std::size_t y_max = 0;
    for (std::size_t x : at) y_max = std::max(y_max, separator_limit(x));
    for (std::size_t y = *at.begin(); y <= y_max; ++y) {
      // Each start x scans for a separator and copies its sub-pattern (up to the pattern's
      // length each), and the factor is kept free of repeats.
      if (budget != nullptr && !budget->charge(at.size() * (g.tokens.size() + 1) * 2)) {
        overflow = true;
        return;
      }
      // Ending at y: the strings that take the automaton from some x to y are p[x, y').
      std::vector<std::string> factor;
      const std::size_t y_end = g.star(y) ? y + 1 : y;
      for (std::size_t x : at) {
        // A separator is never inside a segment, and a segment is never empty.
        if (x >= y_end || y_end > separator_limit(x)) continue;
        std::string glob = g.tokens.substr(x, y_end - x);
        if (std::find(factor.begin(), factor.end(), glob) == factor.end()) factor.push_back(std::move(glob));
      }
      if (factor.empty()) continue;
      Positions next = g.closure(Positions{y});
      if (last && !has(next, g.tokens.size())) continue;
      partial.push_back(std::move(factor));
      walk(piece + 1, next, partial);
      partial.pop_back();
    }
  }
};

}  // namespace


bool decompose_claim_glob(std::string_view pattern, const std::vector<TemplatePiece>& pieces,
                          std::string_view separators, std::vector<GlobProduct>& out, std::size_t max_products,
                          StateBudget* budget) {
  GlobPositions g{collapse_stars(pattern)};
  Walker w{g, pieces, separators, out, max_products, budget};
  GlobProduct partial;
  w.walk(0, g.closure(Positions{0}), partial);
  // A star ending a segment reaches both its own position and the next: drop the repeats.
  std::vector<GlobProduct> unique;
  std::set<GlobProduct> seen;
  for (auto& p : out) {
    if (seen.insert(p).second) unique.push_back(std::move(p));
  }
  out = std::move(unique);
  return !w.overflow;
}

}  // namespace trustlint::internal
