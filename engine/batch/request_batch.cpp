// RequestBatch: one request line → facts → request → decision → one JSON answer line. This file
// is the general path (every line, every error); plain_line.cpp answers the common lines faster.
#include <nlohmann/json.hpp>

#include "batch/request_batch_impl.h"
#include "batch/request_line_json.h"
#include "batch/request_line_scan.h"
#include "report/json_line.h"
#include "trustlint/report.h"
#include "trustlint/query.h"

namespace trustlint {

std::optional<RequestLineError> parse_request_line(std::string_view line, RequestLine& out) {
  RequestLine fast;
  if (internal::scan_request_line(line, fast)) {
    out = std::move(fast);
    return std::nullopt;
  }
  return internal::parse_request_line_json(line, out);
}

RequestBatch::Impl::Impl(const CompiledPolicy& compiled, BatchOptions batch_options)
    : policy(&compiled),
      options(std::move(batch_options)),
      named(named_in_policy(compiled.document())) {
  const ProviderProfile& profile = vercel_profile();
  const char* names[] = {"team", "project", "environment"};
  for (int i = 0; i < 3; ++i) {
    segment_specs[i] = profile.segment(names[i]);
    if (segment_specs[i] == nullptr) continue;
    for (char c : segment_specs[i]->alphabet) {
      if (static_cast<unsigned char>(c) < 0x80) segment_bytes[i][static_cast<unsigned char>(c)] |= 1;
    }
    for (const auto& bad : segment_specs[i]->forbidden_substrings) {
      // An empty forbidden substring is in every value: every byte starts it.
      if (bad.empty()) {
        for (auto& b : segment_bytes[i]) b |= 2;
      } else {
        segment_bytes[i][static_cast<unsigned char>(bad.front())] |= 2;
      }
    }
  }
  for (const Statement& st : compiled.document().statements) {
    // As render_can_json writes the deciding statement of an untraced Decision (its summary).
    std::string json = R"({"index":)" + std::to_string(st.index) + R"(,"label":)";
    bool ok = internal::append_json_string(json, st.label());
    json += R"(,"location":)";
    if (!st.span.known()) {
      json += "null";
    } else {
      json += R"({"file":)";
      ok = internal::append_json_string(json, st.span.file) && ok;
      json += R"(,"line":)" + std::to_string(st.span.line) + R"(,"column":)" + std::to_string(st.span.col) + "}";
    }
    json += '}';
    if (statement_json.size() <= st.index) statement_json.resize(st.index + 1);
    if (ok) statement_json[st.index] = std::move(json);
  }
  // The assumptions of a line that gives team and issuer, or leaves either out (complete_facts
  // says them in this order).
  for (int combo = 0; combo < 4; ++combo) {
    DeploymentFacts facts;
    std::vector<std::string> said = options.assumptions;
    const bool team_left_out = combo & 1, issuer_left_out = combo & 2;
    if (team_left_out && named.teams.size() != 1) continue;  // an error line: never rendered from here
    complete_facts(facts, !team_left_out, issuer_left_out ? std::nullopt : std::optional<std::string>("team"), said);
    std::string& json = assumptions_json[static_cast<std::size_t>(combo)];
    json = "[";
    for (std::size_t i = 0; i < said.size(); ++i) {
      if (i > 0) json += ',';
      internal::append_json_string(json, visible_text(said[i]));
    }
    json += ']';
  }
  prepare_plain();
}

bool RequestBatch::Impl::segment_ok(int i, std::string_view value) const {
  const SegmentSpec* spec = segment_specs[i];
  if (spec == nullptr) return true;
  if (value.size() < spec->min_length || (spec->max_length != 0 && value.size() > spec->max_length)) return false;
  const auto& table = segment_bytes[static_cast<std::size_t>(i)];
  unsigned all = 1, any = 0;
  for (char c : value) {
    const unsigned b = table[static_cast<unsigned char>(c)];
    all &= b;
    any |= b;
  }
  if ((all & 1) == 0) return false;
  if ((any & 2) == 0 && !value.empty()) return true;  // no byte starts a forbidden substring
  for (const auto& bad : spec->forbidden_substrings) {
    if (value.find(bad) != std::string_view::npos) return false;
  }
  return true;
}

std::string RequestBatch::Impl::complete_facts(DeploymentFacts& facts, bool team_given,
                                               const std::optional<std::string>& issuer,
                                               std::vector<std::string>& assumptions) const {
  const std::string mode = issuer ? *issuer : options.issuer ? issuer_mode_name(*options.issuer) : "";
  auto bad = trustlint::complete_facts(named, facts, team_given, mode, assumptions);
  return bad ? bad->message : std::string();
}

namespace {

// The compact line through nlohmann, which replaces bytes that are not UTF-8 (a label or file
// name from the policy), as render_can_json does.
std::string compact_reference(std::size_t line_no, const Decision& d) {
  nlohmann::ordered_json j = {{"line", line_no}, {"allowed", d.allowed()}, {"decision", outcome_name(d.outcome)}};
  j["deciding_statement"] = nullptr;
  for (const auto& t : d.statements) {
    if (!d.deciding_statement || t.index != *d.deciding_statement) continue;
    nlohmann::ordered_json location = nullptr;
    if (t.span.known()) location = {{"file", t.span.file}, {"line", t.span.line}, {"column", t.span.col}};
    j["deciding_statement"] = {{"index", t.index}, {"label", t.label}, {"location", location}};
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void write_error(std::size_t line_no, LineOutcome& outcome, std::string error, std::string& out) {
  outcome.status = LineStatus::error;
  outcome.error = visible_text(error);
  nlohmann::ordered_json e = {{"line", line_no}, {"error", outcome.error}};
  out += e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += '\n';
}

}  // namespace

LineOutcome RequestBatch::Impl::answer(RequestLine parsed, std::size_t line_no, std::string& out) const {
  LineOutcome outcome;
  CanQuery q;
  q.assumptions = options.assumptions;
  q.facts = std::move(parsed.facts);
  std::string error = complete_facts(q.facts, parsed.team_given, parsed.issuer, q.assumptions);
  Result<Request> request = Result<Request>::failure(Diagnostics{});
  if (error.empty()) {
    request = make_request(vercel_profile(), q.facts);
    if (!request.ok()) error = request.diagnostics().empty() ? "invalid request" : request.diagnostics().front().message;
  }
  // Multi-valued claims: each value checked as a single key would be (TL092), then set whole.
  for (const auto& [key, values] : parsed.multi_claims) {
    // An empty list is checked as one empty value: the key itself may be one no request carries.
    for (const auto& value : values.empty() ? std::vector<std::string>{""} : values) {
      if (!error.empty()) break;
      DeploymentFacts one = q.facts;
      one.extra_context = {{key, value}};
      auto checked = make_request(vercel_profile(), one);
      if (!checked.ok() && !checked.diagnostics().empty()) error = checked.diagnostics().front().message;
    }
    if (error.empty()) {
      Request& r = request.value();
      r.set_multi(key.find(':') == std::string::npos ? r.provider + ":" + key : key, values);
    }
  }
  if (!error.empty()) {
    write_error(line_no, outcome, std::move(error), out);
    return outcome;
  }
  q.request = std::move(request).value();
  const Decision d = evaluate(*policy, q.request, EvaluateOptions{.trace = false});
  if (options.compact) {
    out += compact_reference(line_no, d);
  } else {
    out += render_can_json(d, q, true);
    out += '\n';
  }
  outcome.status = d.allowed() ? LineStatus::allowed : LineStatus::denied;
  return outcome;
}

RequestBatch::RequestBatch(const CompiledPolicy& policy, BatchOptions options)
    : impl_(std::make_unique<Impl>(policy, std::move(options))) {}
RequestBatch::RequestBatch(RequestBatch&&) noexcept = default;
RequestBatch& RequestBatch::operator=(RequestBatch&&) noexcept = default;
RequestBatch::~RequestBatch() = default;

const BatchOptions& RequestBatch::options() const { return impl_->options; }

std::string RequestBatch::error_message(const LineOutcome& outcome, std::size_t line_no) const {
  return visible_text(impl_->options.source_name) + ":" + std::to_string(line_no) + ":" +
         std::to_string(outcome.column) + ": error: " + outcome.error + " [TL091]\n";
}

namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

LineOutcome RequestBatch::Impl::answer_reference(std::string_view line, std::size_t line_no, std::string& out) const {
  RequestLine parsed;
  if (auto bad = internal::parse_request_line_json(line, parsed)) {
    LineOutcome outcome;
    write_error(line_no, outcome, std::move(bad->message), out);
    outcome.column = bad->column;
    return outcome;
  }
  return answer(std::move(parsed), line_no, out);
}

LineOutcome RequestBatch::decide_line(std::string_view line, std::size_t line_no, std::string& out) const {
  LineOutcome outcome;
  if (blank(line)) return outcome;
  const std::size_t mark = out.size();
  if (impl_->answer_plain(line, line_no, out, outcome)) return outcome;
  out.resize(mark);
  RequestLine parsed;
  if (internal::scan_request_line(line, parsed)) return impl_->answer(std::move(parsed), line_no, out);
  return impl_->answer_reference(line, line_no, out);
}

LineOutcome RequestBatchAccess::decide_line_reference(const RequestBatch& batch, std::string_view line,
                                                      std::size_t line_no, std::string& out) {
  if (blank(line)) return {};
  return batch.impl_->answer_reference(line, line_no, out);
}

}  // namespace trustlint
