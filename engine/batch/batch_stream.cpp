// decide_stream: a RequestBatch over whole streams, through fixed buffers (a 64 KiB read chunk,
// answers flushed every 32 KiB), so that neither side of a large batch is held in memory.
#include <istream>
#include <memory>
#include <ostream>

#include "trustlint/batch.h"

namespace trustlint {
namespace {

constexpr std::size_t kReadChunk = std::size_t{64} << 10;
constexpr std::size_t kFlushAt = std::size_t{32} << 10;

}  // namespace

BatchSummary decide_stream(const RequestBatch& batch, std::istream& in, std::ostream& out, std::ostream& errors) {
  BatchSummary summary;
  const auto chunk_buffer = std::make_unique<char[]>(kReadChunk);
  std::string pending;  // the start of a line that runs past the end of a chunk
  std::string answers;
  answers.reserve(kFlushAt + 1024);
  auto flush = [&] {
    out.write(answers.data(), static_cast<std::streamsize>(answers.size()));
    answers.clear();
  };
  auto one = [&](std::string_view line) {
    ++summary.lines;
    const LineOutcome r = batch.decide_line(line, summary.lines, answers);
    switch (r.status) {
      case LineStatus::blank: break;
      case LineStatus::allowed: ++summary.allowed; break;
      case LineStatus::denied: ++summary.denied; break;
      case LineStatus::error:
        ++summary.errors;
        errors << batch.error_message(r, summary.lines);
        break;
    }
    if (answers.size() >= kFlushAt) flush();
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
  flush();
  out.flush();
  return summary;
}

}  // namespace trustlint
