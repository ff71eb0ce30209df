// The query layer's threads. start_threads() starts helpers beside the calling thread, as many as
// the system gives; for_each_index() calls a function once for every index below a count on up
// to a given number of threads (this one included), each taking the next index not taken (the
// directory walk sniffs files with it); lint_paths' FileLinter starts its helpers with
// start_threads() and its caller takes the reports while they lint. A thread that cannot be
// started leaves its share to the ones that were. The functions run on the threads must be safe
// to call from several threads at once.
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

// Up to `count` threads running `work`; fewer when the system has no more to give (the caller's
// thread, and the ones started, then do the rest). The caller joins them.
template <typename Work>
std::vector<std::thread> start_threads(std::size_t count, const Work& work) {
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < count; ++t) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  return pool;
}

template <typename Fn>
void for_each_index(std::size_t count, std::size_t threads, Fn&& fn) {
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> pool = start_threads(threads - 1, work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace trustlint::internal
