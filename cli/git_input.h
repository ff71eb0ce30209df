// Inputs read through git: `git:REV:PATH` names the file PATH as it is at revision REV (what
// `git show REV:PATH` prints), so `trustlint diff git:origin/main:infra/trust.json
// infra/trust.json` compares a pull request's policy with its base without a checkout.
#pragma once

#include <optional>
#include <string>

#include "trustlint/diagnostic.h"
#include "trustlint/result.h"

namespace trustlint::cli {

// Is `input` of the form git:REV:PATH?
bool is_git_input(const std::string& input);

// The bytes of the file, or a TL001 error located at the input ("git:REV:PATH") that quotes
// what git said. Runs `git show REV:PATH` in the working directory, without a shell.
Result<std::string> read_git_input(const std::string& input);

}  // namespace trustlint::cli
