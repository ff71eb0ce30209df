// decide_stream: a RequestBatch over whole streams, through fixed buffers (a 64 KiB read chunk;
// answers in 128 KiB blocks that a second thread writes while the next lines are decided,
// block_writer.h), so that neither side of a large batch is held in memory.
#include <istream>
#include <memory>
#include <ostream>

#include "batch/block_writer.h"
#include "trustlint/batch.h"

namespace trustlint {
namespace {

constexpr std::size_t kReadChunk = std::size_t{64} << 10;

}  // namespace

BatchSummary decide_stream(const RequestBatch& batch, std::istream& in, std::ostream& out, std::ostream& errors) {
  BatchSummary summary;
  const auto chunk_buffer = std::make_unique_for_overwrite<char[]>(kReadChunk);
  std::string pending;  // the start of a line that runs past the end of a chunk
  // Error messages are written on this thread as lines are read: no second thread when they could
  // reach `out` (the same stream or buffer, or a stream that flushes `out` first).
  const bool separate = &out != &errors && out.rdbuf() != errors.rdbuf() && errors.tie() != &out;
  internal::BlockWriter answers(out, separate);
  auto one = [&](std::string_view line) {
    ++summary.lines;
    const LineOutcome r = batch.decide_line(line, summary.lines, answers.block());
    switch (r.status) {
      case LineStatus::blank: break;
      case LineStatus::allowed: ++summary.allowed; break;
      case LineStatus::denied: ++summary.denied; break;
      case LineStatus::error:
        ++summary.errors;
        errors << batch.error_message(r, summary.lines);
        break;
    }
    answers.filled();
  };
  while (in) {
    in.read(chunk_buffer.get(), static_cast<std::streamsize>(kReadChunk));
    const auto got = in.gcount();
    if (got <= 0) break;
    const std::string_view chunk(chunk_buffer.get(), static_cast<std::size_t>(got));
    std::size_t start = 0;
    for (;;) {
      const std::size_t newline = chunk.find('\n', start);
      if (newline == std::string_view::npos) {
        pending.append(chunk.substr(start));
        break;
      }
      if (pending.empty()) {
        one(chunk.substr(start, newline - start));
      } else {
        pending.append(chunk.substr(start, newline - start));
        one(pending);
        pending.clear();
      }
      start = newline + 1;
    }
  }
  summary.read_failed = in.bad();
  if (!pending.empty()) one(pending);
  answers.finish();
  return summary;
}

}  // namespace trustlint
