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
// Simulates g2 over g1's tokens, keeping the g1 positions reachable so far; adds its steps to
// `work`.
class Covers {
 public:
  explicit Covers(std::size_t& work) : work_(work) {}

  bool operator()(const std::string& g2, const std::string& g1) {
    const auto n1 = static_cast<std::uint32_t>(g1.size());
    at_.assign(1, 0);  // INVARIANT: sorted; g2[0..i) covers g1[0..j) for each j in at_
    for (char t : g2) {
      next_.clear();
      if (t == '*') {
        for (std::uint32_t j = at_[0]; j <= n1; ++j) next_.push_back(j);
      } else {
        for (std::uint32_t j : at_) {
          if (j < n1 && (t == '?' ? g1[j] != '*' : g1[j] == t)) next_.push_back(j + 1);
        }
      }
      work_ += at_.size() + 1;
      at_.swap(next_);
      if (at_.empty()) return false;
    }
    return at_.back() == n1;
  }

 private:
  std::size_t& work_;
  std::vector<std::uint32_t> at_, next_;
};

// A few members of glob g: each '?' and '*' filled with the first or the last symbol, and '*'
// also with nothing. REQUIRES: every literal of g and at least one symbol in the alphabet.
std::vector<std::string> sample_members(const std::string& g, const Alphabet& alphabet) {
  std::vector<std::string> out;
  if (alphabet.size() == 0) return out;
  for (char fill : {alphabet.at(0), alphabet.at(alphabet.size() - 1)}) {
    for (bool star_empty : {true, false}) {
      std::string s;
      for (char c : g) {
        if (c == '?' || (c == '*' && !star_empty)) s.push_back(fill);
        else if (c != '*') s.push_back(c);
      }
      out.push_back(std::move(s));
    }
  }
  return out;
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
                                                          std::size_t max_globs, StateBudget* budget) {
  const std::string a = collapse_stars(a_in), b = collapse_stars(b_in);
  const std::size_t m = a.size(), n = b.size(), width = n + 1;
  // A node holding more globs than this (after pruning) makes the answer "too many", and so does
  // a walk that costs more than kWorkLimit steps (characters written plus containment steps,
  // about a tenth of a second): long patterns whose intersection needs many globs.
  const std::size_t node_cap = std::max<std::size_t>(4 * max_globs, 16);
  constexpr std::size_t kWorkLimit = std::size_t{1} << 25;
  constexpr std::size_t kStepsPerUnit = 64;
  std::size_t work = 0;
  // The steps of this walk, spent from the caller's budget; false when it ran out.
  auto spend_work = [&]() { return budget == nullptr || budget->spend(work / kStepsPerUnit + 1); };
  Covers covers(work);
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
  // INVARIANT: from[node] holds the pruned globs of the paths node → (m, n).
  std::unordered_map<std::size_t, std::vector<std::string>> from;
  for (std::uint32_t i = static_cast<std::uint32_t>(m) + 1; i-- > 0;) {
    for (std::uint32_t j = static_cast<std::uint32_t>(n) + 1; j-- > 0;) {
      if (!reachable[node(i, j)]) continue;
      std::vector<std::string> here;
      if (i == m && j == n) here.push_back("");
      for (const Move& mv : moves_from(a, b, i, j)) {
        if (mv.emits && mv.emit != '*' &&
            (mv.emit == '?' ? alphabet.size() == 0
                            : alphabet.index(static_cast<unsigned char>(mv.emit)) < 0)) {
          continue;  // the glob would need a character outside the alphabet
        }
        for (const std::string& g : from[node(mv.i, mv.j)]) {
          work += g.size() + 1;
          if (!mv.emits || (mv.emit == '*' && !g.empty() && g[0] == '*')) {
            here.push_back(g);
          } else {
            here.push_back(mv.emit + g);
          }
        }
      }
      dedupe(here);
      prune(here, [&](std::size_t o, std::size_t in) { return covers(here[o], here[in]); });
      if (here.size() > node_cap || work > kWorkLimit) {
        spend_work();
        return std::nullopt;
      }
      if (budget != nullptr && (work / kStepsPerUnit) > budget->total() - std::min(budget->spent, budget->total())) {
        budget->exceeded = true;
        return std::nullopt;
      }
      from[node(i, j)] = std::move(here);
    }
  }

  // Exact containment over the alphabet (e.g. "?" ⊇ "a" only when the alphabet is {a}), after
  // two cheap filters: the syntactic check, and a few members of the inner glob that the outer
  // must contain.
  std::vector<std::string>& globs = from[0];
  std::vector<Dfa> dfas;
  std::vector<std::vector<std::string>> members;
  // The automata here count against the caller's budget too; running out only means less
  // pruning (a containment not proved keeps both globs), and the caller sees the budget spent.
  StateBudget own;
  if (budget != nullptr) {
    own.max_states = budget->max_states;
    own.max_work = budget->total() - std::min(budget->spent, budget->total()) + 1;
  }
  for (const std::string& g : globs) {
    dfas.push_back(Dfa::glob(g, alphabet, own));
    members.push_back(sample_members(g, alphabet));
  }
  if (own.exceeded) dfas.clear();  // keep the syntactic pruning only
  prune(globs, [&](std::size_t o, std::size_t in) {
    if (covers(globs[o], globs[in])) return true;
    if (dfas.empty()) return false;
    for (const std::string& s : members[in]) {
      if (!dfas[o].contains(s)) return false;
    }
    return !own.exceeded && dfas[in].subset_of(dfas[o], own);
  });
  if (budget != nullptr && !budget->spend(own.spent)) return std::nullopt;
  if (!spend_work() || globs.size() > max_globs) return std::nullopt;
  return globs;
}

std::optional<std::string> glob_for_literal(std::string_view literal) {
  if (literal.find_first_of("*?") != std::string_view::npos) return std::nullopt;
  return std::string(literal);
}

}  // namespace trustlint::internal
