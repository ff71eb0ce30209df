// Inputs read through git: `git:REV:PATH` names the file PATH as it is at revision REV (what
// `git show REV:PATH` prints), so `trustlint diff git:origin/main:infra/trust.json
// infra/trust.json` compares a pull request's policy with its base without a checkout. Read
// here, in the engine, so that every face takes the same git:REV:PATH inputs; the one process
// the engine starts is in engine/query/run_process.h.
//
// Example:
//   auto text = trustlint::read_git_input("git:origin/main:infra/trust.json");
//   if (!text.ok()) return show(text.diagnostics());  // TL001, located at the input
//   auto opened = trustlint::open_input(trustlint::Input::from_text(std::move(text).value(), "git:origin/main:infra/trust.json"));
//
// Ownership: the text returned is the caller's.
// Thread safety: no shared state; git runs in the process's working directory.
#pragma once

#include <optional>
#include <string>

#include "trustlint/diagnostic.h"
#include "trustlint/result.h"

namespace trustlint {

// Is `input` of the form git:REV:PATH?
bool is_git_input(const std::string& input);

// The bytes of the file, or a TL001 error located at the input ("git:REV:PATH") that quotes
// what git said. Runs `git show REV:PATH` in the working directory, without a shell.
Result<std::string> read_git_input(const std::string& input);

}  // namespace trustlint
