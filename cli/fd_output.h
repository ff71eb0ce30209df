// FdOutput: a std::streambuf that writes straight to a file descriptor with write(2), no buffer
// of its own, for output already gathered into large blocks (`can --requests` writes its answers
// in 128 KiB blocks): one write per block, where std::cout's stdio buffer splits each in two.
// A failed write makes the stream bad, as it does std::cout. Not shared between threads.
#pragma once

#include <streambuf>

namespace trustlint::cli {

class FdOutput : public std::streambuf {
 public:
  explicit FdOutput(int fd) : fd_(fd) {}
  // The errno of the first write that failed, 0 while every write has succeeded.
  int error() const { return error_; }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int_type overflow(int_type c) override;

 private:
  int fd_;
  int error_ = 0;
};

}  // namespace trustlint::cli
