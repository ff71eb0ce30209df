// What the Python module and the Node addon call: every verb as "policy in, JSON document out",
// the document being exactly the one the CLI prints with --format json (the engine's own
// renderers, parsed into Json), or the located diagnostics that refused the input.
// No decision is made here: this file only routes a binding's arguments to the engine's query API.
// Stateless except BatchPolicy (one compiled policy); every function is safe on several threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trustlint/diagnostic.h"
#include "trustlint/options.h"
#include "trustlint/result.h"

namespace trustlint::bindings {

// JSON values in the order the engine wrote their keys (the CLI's order).
using Json = nlohmann::ordered_json;

// A policy as a binding received it: text (JSON or YAML; a dict/object arrives serialised as
// JSON) or the path of a file in any input form (CloudFormation, Terraform, account details).
struct PolicyArg {
  std::string text;      // the text, or the path when is_path
  std::string name;      // what locations call the text ("<string>", "<dict>"); the path itself
  bool is_path = false;
};

// Options every verb shares.
struct CommonArgs {
  std::string resource;  // --resource: the role of an IaC input
  LoadOptions load;      // limits (max_bytes, …) and quota
};

// Each answer is a Result: no value = refused (its diagnostics say why); a value may come with
// diagnostics the CLI prints on stderr while answering (warnings, errors the gate found harmless).
// `request` is one `can --requests` line (team, project, environment, issuer, aud, claims) as
// JSON text, read by the engine's request-line parser, so a binding and the CLI refuse the same
// requests the same way.
Result<Json> can(const PolicyArg& policy, const CommonArgs& common, const std::string& request);
Result<Json> who(const PolicyArg& policy, const CommonArgs& common, bool any_audience);
// `teams` as --team; `config` the path of a .trustlint.yaml (empty: looked up as the CLI does).
Result<Json> lint(const PolicyArg& policy, const CommonArgs& common, const std::vector<std::string>& teams,
                            const std::string& config);

// lint of files and directories: `trustlint lint PATH... --format json` (lint_paths(): directory
// walks, each file's .trustlint.yaml or `config`, `teams` as --team). Refused, with the run's
// diagnostics and the errors of the inputs that could not be read, when the CLI would exit 2
// (an input or configuration unusable, nothing checked).
Result<Json> lint_paths(const std::vector<std::string>& paths, const CommonArgs& common,
                        const std::vector<std::string>& teams, const std::string& config);

// diff: OLD and NEW compared (`trustlint diff OLD NEW --format json`, trustlint/diff/v1; its
// "new_access" is the CLI's exit 1). `common.resource` as --resource, `common.load.limits`
// bound reading and proving (states = --max-states). Refused when a side cannot be read or a
// role cannot be answered about (the CLI's exit 2).
Result<Json> diff(const PolicyArg& old_policy, const PolicyArg& new_policy, const CommonArgs& common, bool any_audience);
// test: the spec files named and found below the directories named (`trustlint test PATH...
// --format json`, trustlint/test/v1). Refused, with every diagnostic of the run, when the CLI
// would exit 2: a spec or its policy unusable, a directory unreadable, no spec file found.
Result<Json> test(const std::vector<std::string>& paths, const CommonArgs& common);

// can_many/canMany: the policy opened, gated and compiled once, then one request line at a time.
class BatchPolicy {
 public:
  static Result<std::unique_ptr<BatchPolicy>> open(const PolicyArg& policy, const CommonArgs& common);
  virtual ~BatchPolicy() = default;
  // The compact `can --requests` object for line number `line` (1-based), or the
  // {"line": N, "error": "…"} object the CLI writes in its place.
  virtual Json decide(const std::string& request, std::size_t line) const = 0;
};

// A diagnostic as a JSON object: {"code", "severity", "message", "location": {file, line,
// column, end_line, end_column, offset, end_offset}, "notes"} (the `location` shape of lint/v1).
Json diagnostic_json(const Diagnostic& d);
// The compiler-style text of diagnostics (what the CLI prints on stderr).
std::string diagnostics_text(const Diagnostics& diagnostics);

// The engine's version string.
std::string engine_version();

}  // namespace trustlint::bindings
