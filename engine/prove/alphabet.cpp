// Alphabet: the ordered character set of a claim segment (docs/semantics.md#vercel-name-alphabets).
#include "prove/automaton.h"

namespace trustlint::internal {

Alphabet::Alphabet(std::string_view chars) {
  for (int& i : index_) i = -1;
  for (char c : chars) {
    const auto u = static_cast<unsigned char>(c);
    if (index_[u] >= 0) continue;  // duplicates ignored; the first occurrence keeps its rank
    index_[u] = static_cast<int>(chars_.size());
    chars_.push_back(c);
  }
}

bool Alphabet::contains(std::string_view s) const {
  for (char c : s) {
    if (index(static_cast<unsigned char>(c)) < 0) return false;
  }
  return true;
}

}  // namespace trustlint::internal
