// The fast path of RequestBatch: a line of plain fields and no claims (the common line) read by
// the scanner, checked against the profile's alphabets, turned into a request in a per-thread
// scratch Request (no allocation once warm) and answered straight into the caller's buffer. Any
// other line, and any line with a problem to report, is left to the general path.
#include <charconv>

#include "batch/request_batch_impl.h"
#include "batch/request_line_scan.h"
#include "report/json_line.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

// expand_template with the values make_request gives (`team_only`: provider_name's).
void append_template(std::string& out, const std::vector<internal::TemplatePiece>& pieces, const DeploymentFacts& f,
                     bool team_only = false) {
  for (const auto& piece : pieces) {
    if (!piece.is_segment) out += piece.text;
    else if (piece.text == "team") out += f.team;
    else if (team_only) continue;
    else if (piece.text == "project") out += f.project;
    else if (piece.text == "environment") out += f.environment;
  }
}

void append_number(std::string& out, std::size_t n) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

void fold_into(std::string& folded, const std::string& key) {
  folded = key;
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace

// The answer line, as render_can_json(…, compact) writes it for a request of two keys.
bool RequestBatch::Impl::write_answer(std::string& out, const Decision& d, const DeploymentFacts& facts,
                                      const std::string& assumptions, const Request& r) const {
  const Impl& impl = *this;
  bool ok = true;
  auto str = [&](std::string_view s) { ok = internal::append_json_string(out, s) && ok; };
  out += d.allowed() ? R"({"schema":"trustlint/can/v1","allowed":true,"decision":")"
                     : R"({"schema":"trustlint/can/v1","allowed":false,"decision":")";
  out += outcome_name(d.outcome);
  out += R"(","deployment":{"team":)";
  str(facts.team);
  out += R"(,"project":)";
  str(facts.project);
  out += R"(,"environment":)";
  str(facts.environment);
  out += R"(,"issuer":")";
  out += issuer_mode_name(facts.issuer);
  out += R"("},"assumptions":)";
  out += assumptions;
  const bool global = facts.issuer == IssuerMode::global;
  out += R"(,"request":{"provider":)";
  if (global) out += impl.global_provider_json;
  else str(r.provider);
  out += R"(,"action":)";
  out += impl.action_json;
  out += R"(,"context":{)";
  for (std::size_t i = 0; i < r.context.size(); ++i) {
    if (i > 0) out += ',';
    if (global) out += i == 0 ? impl.global_sub_key_json : impl.global_aud_key_json;
    else str(r.context[i].key);
    out += ':';
    str(r.context[i].values.front());
  }
  out += R"(}},"deciding_statement":)";
  ok = write_deciding(out, d) && ok;
  out += R"(,"notes":[)";
  for (std::size_t i = 0; i < d.notes.size(); ++i) {
    if (i > 0) out += ',';
    str(visible_text(d.notes[i]));
  }
  out += "]}\n";
  return ok;
}

bool RequestBatch::Impl::write_deciding(std::string& out, const Decision& d) const {
  const StatementTrace* deciding = nullptr;
  for (const auto& t : d.statements) {
    if (d.deciding_statement && t.index == *d.deciding_statement) deciding = &t;
  }
  if (deciding == nullptr) {
    out += "null";
    return true;
  }
  for (const auto& [index, json] : statement_json) {
    if (index == deciding->index) {
      out += json;
      return true;
    }
  }
  bool ok = true;
  out += R"({"index":)";
  append_number(out, deciding->index);
  out += R"(,"label":)";
  ok = internal::append_json_string(out, deciding->label) && ok;
  out += R"(,"location":)";
  if (!deciding->span.known()) {
    out += "null";
  } else {
    out += R"({"file":)";
    ok = internal::append_json_string(out, deciding->span.file) && ok;
    out += R"(,"line":)";
    append_number(out, deciding->span.line);
    out += R"(,"column":)";
    append_number(out, deciding->span.col);
    out += '}';
  }
  out += '}';
  return ok;
}

bool RequestBatch::Impl::write_compact(std::string& out, std::size_t line_no, const Decision& d) const {
  out += R"({"line":)";
  append_number(out, line_no);
  out += d.allowed() ? R"(,"allowed":true,"decision":")" : R"(,"allowed":false,"decision":")";
  out += outcome_name(d.outcome);
  out += R"(","deciding_statement":)";
  const bool ok = write_deciding(out, d);
  out += "}\n";
  return ok;
}

bool RequestBatch::Impl::answer_plain(std::string_view line, std::size_t line_no, std::string& out,
                                      LineOutcome& outcome) const {
  RequestLine parsed;
  if (!internal::scan_request_line(line, parsed)) return false;
  if (!parsed.facts.extra_context.empty() || !parsed.multi_claims.empty()) return false;
  DeploymentFacts& facts = parsed.facts;
  int combo = 0;
  if (!parsed.team_given) {
    if (named.teams.size() != 1) return false;
    facts.team = named.teams.front();
    combo |= 1;
  }
  const std::string_view mode = parsed.issuer ? std::string_view(*parsed.issuer)
                                : options.issuer ? std::string_view(issuer_mode_name(*options.issuer))
                                                 : std::string_view();
  if (mode == "global") {
    facts.issuer = IssuerMode::global;
  } else if (mode == "team") {
    facts.issuer = IssuerMode::team;
  } else if (!mode.empty()) {
    return false;
  } else {
    facts.issuer = named.issuer.value_or(IssuerMode::team);
    combo |= 2;
  }
  const std::string* values[3] = {&facts.team, &facts.project, &facts.environment};
  for (int i = 0; i < 3; ++i) {
    if (!segment_ok(i, *values[i])) return false;
  }

  // The request make_request builds: provider, PROVIDER:sub, PROVIDER:aud.
  thread_local Request request;
  if (facts.issuer == IssuerMode::global) request.provider = vercel_profile().global_provider;
  else request.provider.clear(), append_template(request.provider, team_provider, facts, true);
  request.action = "sts:AssumeRoleWithWebIdentity";
  request.context.resize(2);
  for (std::size_t i = 0; i < 2; ++i) {
    ContextEntry& e = request.context[i];
    e.key = request.provider;
    e.key += i == 0 ? ":sub" : ":aud";
    fold_into(e.key_folded, e.key);
    e.values.resize(1);
    e.values[0].clear();
    e.multi_valued = false;
  }
  append_template(request.context[0].values[0], sub_template, facts);
  if (facts.audience) request.context[1].values[0] = *facts.audience;
  else append_template(request.context[1].values[0], aud_template, facts);

  const Decision d = evaluate(*policy, request, EvaluateOptions{.trace = false});
  const bool written = options.compact
                           ? write_compact(out, line_no, d)
                           : write_answer(out, d, facts, assumptions_json[static_cast<std::size_t>(combo)], request);
  if (!written) return false;
  outcome.status = d.allowed() ? LineStatus::allowed : LineStatus::denied;
  return true;
}

}  // namespace trustlint
