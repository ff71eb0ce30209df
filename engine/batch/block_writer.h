// BlockWriter: decide_stream's output side. Answers are gathered into blocks; a full block is
// written to the stream by a second thread while the caller fills the next one, so that the
// kernel's copy of the answers into the page cache (a third of a large batch's time) overlaps
// the deciding. Two blocks bound memory; large blocks keep the hand-offs (a thread wake-up each)
// few. The thread starts with the first full block (a small batch never starts it). Bytes reach
// the stream in the order they were appended.
#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace trustlint::internal {

class BlockWriter {
 public:
  static constexpr std::size_t kBlock = std::size_t{128} << 10;  // a block is handed off at this size
  static constexpr std::size_t kBlocks = 2;                     // the ring: at most this many in memory

  // REQUIRES: nothing else writes to `out` until finish() has returned. `threaded` false: every
  // block is written on the caller's thread when it is handed off.
  BlockWriter(std::ostream& out, bool threaded);
  BlockWriter(const BlockWriter&) = delete;
  BlockWriter& operator=(const BlockWriter&) = delete;
  ~BlockWriter();  // finish() if it was not called (exceptions from the stream then dropped)

  // The block being filled: append to it, then call filled().
  std::string& block() { return blocks_[fill_]; }
  // Hands the block off once it holds kBlock bytes or more (waits while every other block is
  // still being written).
  void filled() {
    if (blocks_[fill_].size() >= kBlock) hand_off();
  }
  // Writes what remains, stops the thread, flushes the stream. Rethrows what the stream threw.
  void finish();

 private:
  void hand_off();
  void run();  // the writing thread

  std::ostream& out_;
  std::array<std::string, kBlocks> blocks_;
  std::size_t fill_ = 0;  // the block being filled: (next_ + queued_) % kBlocks
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0;    // guarded: the next block to write
  std::size_t queued_ = 0;  // guarded: blocks handed off and not yet written
  bool done_ = false;       // guarded: no more blocks will come
  std::exception_ptr failure_;
  std::thread thread_;
  bool threaded_;
  bool finished_ = false;
};

}  // namespace trustlint::internal
