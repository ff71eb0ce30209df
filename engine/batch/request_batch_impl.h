// The inside of RequestBatch: what the policy names (looked up once, not per line), the pieces
// of the answer that are the same on every line (rendered once), and the two ways to answer a
// line: the plain-line fast path (plain_line.cpp) and the general path (request_batch.cpp),
// which answers everything, errors included. INVARIANT: where the fast path answers, it writes
// the bytes the general path would (tests/unit/batch compare the two on generated lines).
// Immutable after construction; shared by every thread that calls decide_line.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "provider/templates.h"
#include "trustlint/batch.h"
#include "trustlint/query.h"

namespace trustlint {

struct RequestBatch::Impl {
  const CompiledPolicy* policy = nullptr;
  BatchOptions options;
  NamedInPolicy named;  // the policy's teams and issuer mode (query.h), for lines that leave them out

  // The profile's templates and segment rules, split once.
  std::vector<internal::TemplatePiece> team_provider, sub_template, aud_template;
  const SegmentSpec* segment_specs[3] = {nullptr, nullptr, nullptr};  // team, project, environment
  // Per segment: the ASCII bytes its alphabet holds (check_segment passes a value iff it is long
  // enough, not too long, every byte is one of these, and it holds no forbidden substring).
  std::array<std::array<bool, 128>, 3> segment_bytes{};
  // JSON texts the same on every answer: the action, the deciding statement by its index, and
  // for the global issuer the provider and its two keys.
  std::string action_json, global_provider_json, global_sub_key_json, global_aud_key_json;
  std::vector<std::pair<std::size_t, std::string>> statement_json;
  // "assumptions":[…] rendered for each combination of (team filled in, issuer filled in).
  std::array<std::string, 4> assumptions_json;

  Impl(const CompiledPolicy& compiled, BatchOptions batch_options);

  // check_segment(*segment_specs[i], value) is nullopt, by the byte tables.
  bool segment_ok(int i, const std::string& value) const;

  // complete_facts of query.h with the line's issuer, else BatchOptions::issuer: fills in team
  // and issuer when the line leaves them out. Returns an error message or "".
  std::string complete_facts(DeploymentFacts& facts, bool team_given, const std::optional<std::string>& issuer,
                             std::vector<std::string>& assumptions) const;
  // The general path with nlohmann's reader (the reference; every error message comes from it).
  LineOutcome answer_reference(std::string_view line, std::size_t line_no, std::string& out) const;
  // The general path for a line already read.
  LineOutcome answer(RequestLine parsed, std::size_t line_no, std::string& out) const;
  // The fast path: true when it answered the line (appended to `out`); false leaves `out` as it
  // found it or longer (the caller cuts it back) and the general path answers.
  bool answer_plain(std::string_view line, std::size_t line_no, std::string& out, LineOutcome& outcome) const;
  // The compact answer line (BatchOptions::compact), for both paths.
  bool write_compact(std::string& out, std::size_t line_no, const Decision& d) const;
  // "deciding_statement"'s value as render_can_json writes it.
  bool write_deciding(std::string& out, const Decision& d) const;
  // The fast path's answer line (false: a string was not UTF-8; the general path then answers).
  bool write_answer(std::string& out, const Decision& d, const DeploymentFacts& facts, const std::string& assumptions,
                    const Request& r) const;
};

// For tests: decide_line through the general path alone (nlohmann's reader, make_request,
// render_can_json or, for compact answers, nlohmann's writer), the reference the fast path is
// compared with.
struct RequestBatchAccess {
  static LineOutcome decide_line_reference(const RequestBatch& batch, std::string_view line, std::size_t line_no,
                                           std::string& out);
};

}  // namespace trustlint
