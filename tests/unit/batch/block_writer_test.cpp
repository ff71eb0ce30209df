// decide_stream's output side (batch/block_writer.h): answers written by a second thread reach
// the stream whole and in order, the same with or without the thread, and a stream that throws
// is reported to the caller.
#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "batch/block_writer.h"

TEST_SUITE_BEGIN("batch");

using trustlint::internal::BlockWriter;

namespace {

// Lines of varying length, some longer than a block, numbered so that order shows.
std::string write_lines(std::ostream& out, bool threaded) {
  std::string expected;
  BlockWriter w(out, threaded);
  for (int i = 0; i < 5000; ++i) {
    std::string line = std::to_string(i) + ":" + std::string(static_cast<std::size_t>(i * 37 % 501), 'a' + i % 26);
    if (i % 997 == 0) line += std::string(BlockWriter::kBlock + 17, 'z');  // longer than a block
    line += '\n';
    w.block() += line;
    w.filled();
    expected += line;
  }
  w.finish();
  return expected;
}

// Throws on the first write.
struct ThrowingBuffer : std::streambuf {
  std::streamsize xsputn(const char*, std::streamsize) override { throw std::runtime_error("disk on fire"); }
};

}  // namespace

TEST_CASE("batch::BlockWriter keeps every byte in order, with and without its thread") {
  for (bool threaded : {true, false}) {
    CAPTURE(threaded);
    std::ostringstream out;
    const std::string expected = write_lines(out, threaded);
    CHECK(expected.size() > 4 * BlockWriter::kBlock);  // many hand-offs
    CHECK(out.str() == expected);
  }
}

TEST_CASE("batch::BlockWriter writes a batch smaller than a block when finished") {
  std::ostringstream out;
  BlockWriter w(out, true);
  w.block() += "one\n";
  w.filled();
  CHECK(out.str().empty());
  w.finish();
  CHECK(out.str() == "one\n");
  w.finish();  // a second finish writes nothing more
  CHECK(out.str() == "one\n");
}

TEST_CASE("batch::BlockWriter reports what the stream threw to the caller") {
  for (bool threaded : {true, false}) {
    CAPTURE(threaded);
    ThrowingBuffer buffer;
    std::ostream out(&buffer);
    out.exceptions(std::ios::badbit);
    auto run = [&] {
      BlockWriter w(out, threaded);
      for (int i = 0; i < 3; ++i) {
        w.block() += std::string(BlockWriter::kBlock, 'x');
        w.filled();
      }
      w.finish();
    };
    CHECK_THROWS(run());
  }
}

TEST_SUITE_END();
