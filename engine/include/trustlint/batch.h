// Many `can` questions against one policy, one JSON line each: the engine side of
// `trustlint can POLICY --requests FILE` and of the bindings' can_many / canMany, so that all
// three read a request line and answer it byte for byte alike.
//
// Example:
//   auto compiled = trustlint::compile(document);                    // Result<CompiledPolicy>
//   trustlint::RequestBatch batch(compiled.value(), {.source_name = "deployments.jsonl"});
//   std::string out;
//   auto r = batch.decide_line(R"({"project":"web","environment":"preview"})", 1, out);
//   // out: {"schema":"trustlint/can/v1","allowed":true,...}\n   r.status: LineStatus::allowed
//
// A line is a JSON object {team, project, environment, issuer, aud, claims} (README "can");
// a line left out of it is filled in as `can` does (the policy's only team, the policy's issuer
// mode) and the assumption is said on that line's answer. A bad line is answered
// {"line":N,"error":"..."}, its message located at NAME:LINE:COL (TL091); the next line is still
// answered.
//
// Ownership: a RequestBatch borrows the CompiledPolicy (REQUIRES: the policy outlives the batch)
// and owns a copy of its options (BatchOptions, a plain value). RequestLine, RequestLineError, LineOutcome and BatchSummary are
// plain values.
// Thread safety: parse_request_line is a pure function. A RequestBatch is immutable after
// construction: decide_line may be called from several threads at once on one batch (each with
// its own `out`). decide_stream reads and writes the streams it is given: one call per stream.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trustlint/engine.h"
#include "trustlint/provider.h"

namespace trustlint {

// ---- one request line -----------------------------------------------------------------------

// A request line read into deployment facts. Claim values may be strings, integers or booleans
// (IAM compares their string forms: 42 is "42", true is "true") or arrays of them (a multi-valued
// key, for ForAnyValue/ForAllValues); claims come in the byte order of their keys.
struct RequestLine {
  DeploymentFacts facts;
  // Multi-valued claims (arrays), to be set on the request after make_request (Request::set_multi).
  std::vector<std::pair<std::string, std::vector<std::string>>> multi_claims;
  bool team_given = false;            // "team" present, even as "" (then refused, never filled in)
  std::optional<std::string> issuer;  // "issuer" as written ("global", "team", or refused later)
};

struct RequestLineError {
  std::string message;     // raw text: may hold any byte of the line (pass it through visible_text)
  std::size_t column = 1;  // 1-based byte column in the line
};

// Reads `line` into `out` (which should be default-constructed); nullopt on success. Errors:
// not valid JSON (nlohmann's message, at its column), not an object, a duplicate key (at its
// second occurrence), two claims that differ only in case, an unknown field, a field that is not
// a string, a claim that is null, fractional, nested or an object.
std::optional<RequestLineError> parse_request_line(std::string_view line, RequestLine& out);

// ---- a batch of lines -------------------------------------------------------------------------

struct BatchOptions {
  // Names the input in error messages "NAME:LINE:COL: error: ... [TL091]" ("-" for stdin).
  std::string source_name = "-";
  // The issuer mode of a line without "issuer" (`can --issuer`); unset: the mode of the policy's
  // federated principal, else team (Vercel's default), said as an assumption.
  std::optional<IssuerMode> issuer;
  // Said first in every answer's "assumptions" (how the role was chosen and read, e.g. "role
  // VercelDeployRole: the only role in template.yaml that trusts Vercel").
  std::vector<std::string> assumptions;
  // false: each answer is the can/v1 document without "statements" (`can --answers full`).
  // true: only {"line":N,"allowed":…,"decision":…,"deciding_statement":…} (`--answers compact`).
  // Error answers are {"line":N,"error":…} either way.
  bool compact = false;
};

enum class LineStatus {
  blank,    // only spaces, tabs and CRs: skipped, nothing written (the line still counts)
  allowed,  // answered, "allowed": true
  denied,   // answered, implicit or explicit deny
  error,    // not answered: {"line":N,"error":...} written, `error` and `column` set
};

struct LineOutcome {
  LineStatus status = LineStatus::blank;
  std::string error;       // printable (visible_text) message, status error only
  std::size_t column = 1;  // 1-based byte column of the error in the line
};

class RequestBatch {
 public:
  explicit RequestBatch(const CompiledPolicy& policy, BatchOptions options = {});
  RequestBatch(RequestBatch&&) noexcept;
  RequestBatch& operator=(RequestBatch&&) noexcept;
  ~RequestBatch();

  // Decides line number `line_no` (1-based, named in error and compact answers) and appends its
  // answer, one JSON line of schema trustlint/can/v1 (README "can --format json", without
  // "statements"; or the compact line, BatchOptions::compact) and '\n', to `out`. A blank line
  // appends nothing. `line` holds no '\n'.
  LineOutcome decide_line(std::string_view line, std::size_t line_no, std::string& out) const;

  // "NAME:LINE:COL: error: MESSAGE [TL091]\n" for an outcome with status error.
  std::string error_message(const LineOutcome& outcome, std::size_t line_no) const;

  const BatchOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend struct RequestBatchAccess;  // the engine's tests: the general path alone
};

struct BatchSummary {
  std::size_t lines = 0;  // lines read, blank ones included
  std::size_t allowed = 0, denied = 0, errors = 0;
  bool read_failed = false;  // the input stream failed before its end
};

// Decides every line of `in` (split at '\n'; a last line without one counts) in order: answers
// to `out`, error messages (error_message) to `errors`. Reads and writes through fixed buffers
// (a few hundred KB), whatever the input's size, so memory stays flat. Answers are written in
// blocks by a second thread while the next lines are decided (unless `errors` could reach `out`:
// the same stream or buffer, or tied to it): nothing else may use `out` during the call.
BatchSummary decide_stream(const RequestBatch& batch, std::istream& in, std::ostream& out, std::ostream& errors);

}  // namespace trustlint
