// The last step of every verb: were the answers written? A full disk, a closed pipe (with SIGPIPE
// ignored) or a write error on standard output would otherwise lose the output and still exit 0
// or 1, which a gate reads as a verdict. A failed write is TL093 and exit 2 instead.
#pragma once

namespace trustlint::cli {

// Prints TL093 to standard error, naming the system's reason for `error` (an errno; 0 = unknown).
void report_unwritten_output(int error);
// Flushes std::cout and the C stdout beneath it; false (after report_unwritten_output) when
// anything written to standard output was not written.
bool stdout_written();

}  // namespace trustlint::cli
