// FdOutput (fd_output.h): write(2) until every byte is written, retried on EINTR.
#include "cli/fd_output.h"

#include <unistd.h>

#include <cerrno>

namespace trustlint::cli {

std::streamsize FdOutput::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    const ssize_t w = ::write(fd_, s + done, static_cast<std::size_t>(n - done));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      if (error_ == 0) error_ = w < 0 ? errno : EIO;
      break;
    }
    done += w;
  }
  return done;
}

FdOutput::int_type FdOutput::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

}  // namespace trustlint::cli
