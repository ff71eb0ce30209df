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

namespace internal {
// A template piece for the fast path: literal text, or the team (1), project (2) or environment
// (3), as expand_template fills them in.
struct SegmentPiece {
  int segment = 0;
  std::string text;
};
}  // namespace internal

struct RequestBatch::Impl {
  const CompiledPolicy* policy = nullptr;
  BatchOptions options;
  NamedInPolicy named;  // the policy's teams and issuer mode (query.h), for lines that leave them out

  // The profile's segment rules.
  const SegmentSpec* segment_specs[3] = {nullptr, nullptr, nullptr};  // team, project, environment
  // Per segment and byte: 1 when the byte is an ASCII byte of the alphabet, 2 (as well) when a
  // forbidden substring starts with it (check_segment passes a value iff it is long enough, not
  // too long, every byte is one of the alphabet's, and it holds no forbidden substring).
  std::array<std::array<unsigned char, 256>, 3> segment_bytes{};
  // "assumptions":[…] rendered for each combination of (team filled in, issuer filled in).
  std::array<std::string, 4> assumptions_json;
  // The deciding statement's JSON by its index (as render_can_json writes an untraced Decision's
  // summary); empty where a label or file name is not UTF-8 (the general path then answers).
  std::vector<std::string> statement_json;

  // The fast path's answer, in pieces (plain_line.cpp, prepare_plain).
  std::string global_provider;
  std::vector<internal::SegmentPiece> team_provider, sub_template, aud_template;
  // False when some text the fast path copies without escaping could need escapes (a segment's
  // alphabet, a template's literal text, the global provider): the fast path is then off.
  bool plain_ok = false;
  // The answer's fixed texts: its head by outcome (through `"team":"`); the middle by issuer
  // (0 global, 1 team) and the combination of assumptions (through the sub's opening quote for
  // the global issuer, through the provider's opening quote for a team issuer); for a team
  // issuer, the text between the provider and the sub key; and the tail by deciding statement
  // (index + 1; 0 for none: from the aud's closing quote to the newline).
  std::array<std::string, 3> head;
  std::array<std::string, 8> middle;
  std::string team_action_context, global_aud_key;
  std::vector<std::string> tail;

  Impl(const CompiledPolicy& compiled, BatchOptions batch_options);

  // check_segment(*segment_specs[i], value) is nullopt, by the byte tables.
  bool segment_ok(int i, std::string_view value) const;
  // Fills the fast path's pieces (plain_line.cpp); the constructor's last step.
  void prepare_plain();

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
  // The compact answer line (BatchOptions::compact), for the fast path (false: the deciding
  // statement's label or file is not UTF-8).
  bool write_compact(std::string& out, std::size_t line_no, const Decision& d) const;
};

// For tests: decide_line through the general path alone (nlohmann's reader, make_request,
// render_can_json or, for compact answers, nlohmann's writer), the reference the fast path is
// compared with.
struct RequestBatchAccess {
  static LineOutcome decide_line_reference(const RequestBatch& batch, std::string_view line, std::size_t line_no,
                                           std::string& out);
};

}  // namespace trustlint
