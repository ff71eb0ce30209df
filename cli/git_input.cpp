// git:REV:PATH inputs: `git show` run with fork/exec (no shell), its output captured.
#include "cli/git_input.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>

namespace trustlint::cli {
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

Result<std::string> fail(const std::string& input, const std::string& why) {
  Span where;
  where.file = input;
  return Result<std::string>::failure(make_error("TL001", "cannot read " + input + " through git: " + why, where));
}

}  // namespace

bool is_git_input(const std::string& input) { return input.rfind("git:", 0) == 0; }

Result<std::string> read_git_input(const std::string& input) {
  const std::string spec = input.substr(4);
  const auto colon = spec.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size()) {
    return fail(input, "expected git:REV:PATH (e.g. git:origin/main:infra/trust.json)");
  }
  if (spec[0] == '-') return fail(input, "a revision cannot start with '-'");
  const std::string object = spec;  // REV:PATH, as git show takes it
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return fail(input, std::strerror(errno));
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return fail(input, std::strerror(errno));
  }
  const pid_t pid = fork();
  if (pid < 0) return fail(input, std::strerror(errno));
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[0]);
    close(err_pipe[1]);
    const int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    execlp("git", "git", "--no-pager", "show", "--no-textconv", object.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Output first, then errors: git writes little to stderr, and a file's bytes go to stdout.
  std::string text = drain(out_pipe[0]);
  std::string err = drain(err_pipe[0]);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && err.empty()) return fail(input, "git is not installed");
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    const auto nl = err.find('\n');
    if (nl != std::string::npos) err = err.substr(0, nl);
    return fail(input, err.empty() ? "git show failed" : err);
  }
  return text;
}

}  // namespace trustlint::cli
