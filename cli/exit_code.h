// The exit codes of every verb, in one place (ninja's exit_status.h).
#pragma once

namespace trustlint::cli {

enum ExitCode : int {
  kExitOk = 0,        // clean / allowed / all expectations hold
  kExitFindings = 1,  // findings at or above --fail-on / denied
  kExitBadInput = 2,  // bad input or usage
};

}  // namespace trustlint::cli
