// BlockWriter (block_writer.h): a ring of blocks between the deciding thread and a writing
// thread. INVARIANT: the block being filled is never one handed off (queued_ < kBlocks).
#include "batch/block_writer.h"

#include <ostream>

namespace trustlint::internal {

BlockWriter::BlockWriter(std::ostream& out, bool threaded) : out_(out), threaded_(threaded) {
  blocks_[0].reserve(kBlock + 1024);
}

BlockWriter::~BlockWriter() {
  try {
    finish();
  } catch (...) {  // the caller did not call finish(): nowhere to report it
  }
}

void BlockWriter::hand_off() {
  if (!threaded_) {
    std::string& b = blocks_[fill_];
    out_.write(b.data(), static_cast<std::streamsize>(b.size()));
    b.clear();
    return;
  }
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  std::unique_lock lock(mutex_);
  ++queued_;
  changed_.notify_all();
  changed_.wait(lock, [this] { return queued_ < kBlocks; });
  fill_ = (next_ + queued_) % kBlocks;
  lock.unlock();
  std::string& next = blocks_[fill_];
  next.clear();
  if (next.capacity() < kBlock) next.reserve(kBlock + 1024);
}

void BlockWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return queued_ > 0 || done_; });
    if (queued_ == 0) return;
    const std::string& b = blocks_[next_];
    lock.unlock();
    try {
      if (!failure_) out_.write(b.data(), static_cast<std::streamsize>(b.size()));
    } catch (...) {
      failure_ = std::current_exception();
    }
    lock.lock();
    next_ = (next_ + 1) % kBlocks;
    --queued_;
    changed_.notify_all();
  }
}

void BlockWriter::finish() {
  if (finished_) return;
  finished_ = true;
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      changed_.notify_all();
    }
    thread_.join();
  }
  if (failure_) std::rethrow_exception(failure_);
  const std::string& last = blocks_[fill_];
  out_.write(last.data(), static_cast<std::streamsize>(last.size()));
  out_.flush();
}

}  // namespace trustlint::internal
