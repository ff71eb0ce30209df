// stdout_written / report_unwritten_output (output_check.h).
#include "cli/output_check.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace trustlint::cli {

void report_unwritten_output(int error) {
  std::cerr << "trustlint: error: the output was not written to standard output"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string())
            << "; the answers are lost, so this run decides nothing [TL093]\n";
}

bool stdout_written() {
  errno = 0;
  std::cout.flush();
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (std::cout.good() && flushed && std::ferror(stdout) == 0) return true;
  report_unwritten_output(error);
  return false;
}

}  // namespace trustlint::cli
