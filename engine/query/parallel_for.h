// for_each_index: calls a function once for every index below a count, on up to a given number
// of threads (this one included), each thread taking the next index not taken. The query layer's
// one thread pool: lint_paths() lints files with it and the directory walk sniffs them with it.
// A thread that cannot be started leaves its share to the ones that were. The function must be
// safe to call from several threads at once for different indices.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace trustlint::internal {

// At most this many threads, whatever the machine has (files are small; more only contend).
inline constexpr std::size_t kMaxQueryThreads = 8;

// The threads for `count` pieces of work: `wanted` (0 = one per core), at most kMaxQueryThreads
// and at most `count`; at least 1.
inline std::size_t query_threads(std::size_t wanted, std::size_t count) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min<std::size_t>({wanted == 0 ? cores : wanted, kMaxQueryThreads, count}));
}

template <typename Fn>
void for_each_index(std::size_t count, std::size_t threads, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: the ones started (and this one) do the rest
    }
  }
  work();
  for (auto& t : pool) t.join();
}

}  // namespace trustlint::internal
