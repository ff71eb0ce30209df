// run_captured (run_process.h): fork/exec with two pipes, drained to EOF, then waitpid.
#include "query/run_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace trustlint::internal {
namespace {

// Reads everything from fd until EOF.
std::string drain(int fd) {
  std::string out;
  char buf[65536];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) out.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  return out;
}

Result<ProcessOutput> failed() {
  return Result<ProcessOutput>::failure(make_error("TL001", std::strerror(errno), Span{}));
}

}  // namespace

Result<ProcessOutput> run_captured(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return failed();
  if (pipe(err_pipe) != 0) {
    const int saved = errno;
    close(out_pipe[0]);
    close(out_pipe[1]);
    errno = saved;
    return failed();
  }
  const pid_t pid = fork();
  if (pid < 0) {
    const int saved = errno;
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    errno = saved;
    return failed();
  }
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[0]);
    close(err_pipe[1]);
    const int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessOutput result;
  // Output first, then errors: git writes little to stderr, and a file's bytes go to stdout.
  result.out = drain(out_pipe[0]);
  result.err = drain(err_pipe[0]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exited = WIFEXITED(status);
  result.status = result.exited ? WEXITSTATUS(status) : 0;
  return result;
}

}  // namespace trustlint::internal
