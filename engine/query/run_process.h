// The one place the engine starts another program: run_captured() runs argv[0] (looked up on
// PATH) without a shell, standard input from /dev/null, and returns what it wrote and how it
// ended. Used by git:REV:PATH inputs (git_input.h). POSIX only; thread-safe (no shared state).
#pragma once

#include <string>
#include <vector>

#include "trustlint/result.h"

namespace trustlint::internal {

struct ProcessOutput {
  bool exited = false;  // ended by exit() (not a signal)
  int status = 0;       // the exit status when `exited`; 127: the program could not be started
  std::string out;      // all it wrote to standard output
  std::string err;      // all it wrote to standard error
};

// Fails only when the process could not be created (pipe or fork failed): the message is strerror's.
Result<ProcessOutput> run_captured(const std::vector<std::string>& argv);

}  // namespace trustlint::internal
