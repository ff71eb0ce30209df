// PairIndex: numbers pairs of states, finds them again across table growth.
#include <doctest/doctest.h>

#include <map>
#include <random>

#include "prove/pair_index.h"

using trustlint::internal::PairIndex;

TEST_CASE("prove::pair_index numbers each pair once and finds it again after growing") {
  PairIndex index;
  std::map<std::uint64_t, std::uint32_t> reference;
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> state(0, 300);
  for (int i = 0; i < 20000; ++i) {
    const std::uint64_t k = PairIndex::key(state(rng), state(rng));
    const auto fresh = static_cast<std::uint32_t>(reference.size());
    const std::uint32_t got = index.find_or_insert(k, fresh);
    auto [it, inserted] = reference.emplace(k, fresh);
    CHECK(got == it->second);
    CHECK((got == fresh) == inserted);
  }
  CHECK(reference.size() > 10000);  // the table grew many times
  // Keys that differ only in one half are different pairs.
  PairIndex small;
  CHECK(small.find_or_insert(PairIndex::key(1, 2), 0) == 0);
  CHECK(small.find_or_insert(PairIndex::key(2, 1), 1) == 1);
  CHECK(small.find_or_insert(PairIndex::key(1, 2), 2) == 0);
}
