// The fast path of RequestBatch: a line of plain fields and no claims (the common line) read in
// place by the scanner, checked against the profile's alphabets, turned into a request in a
// per-thread scratch Request (no allocation once warm) and answered straight into the caller's
// buffer from texts rendered once per batch. Any other line, and any line with a problem or a
// note to report, is left to the general path.
#include <charconv>
#include <cstring>

#include "batch/request_batch_impl.h"
#include "batch/request_line_scan.h"
#include "eval/decide_untraced.h"
#include "report/json_line.h"
#include "trustlint/report.h"

namespace trustlint {
namespace {

using Piece = internal::SegmentPiece;

// True when JSON takes `s` as it is: printable ASCII without '"' or '\\'.
bool json_plain(std::string_view s) {
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\') return false;
  }
  return true;
}

// The template's pieces, as expand_template fills them in with the values make_request gives
// (`team_only`: provider_name's, which leaves out every segment but the team).
std::vector<Piece> pieces_of(const std::string& tmpl, bool team_only, bool& plain) {
  std::vector<Piece> out;
  for (const auto& p : internal::parse_template(tmpl)) {
    if (!p.is_segment) {
      plain = plain && json_plain(p.text);
      out.push_back({0, p.text});
    } else if (p.text == "team") {
      out.push_back({1, {}});
    } else if (!team_only && p.text == "project") {
      out.push_back({2, {}});
    } else if (!team_only && p.text == "environment") {
      out.push_back({3, {}});
    }
  }
  return out;
}

// Copies `s` to `to` and returns the end of the copy. The pieces of an answer are mostly a few
// bytes long: copied with two overlapping fixed-size moves instead of a call to memcpy.
[[gnu::always_inline]] inline char* put(char* to, std::string_view s) {
  const std::size_t n = s.size();
  const char* from = s.data();
  if (n >= 8 && n <= 16) {
    std::memcpy(to, from, 8);
    std::memcpy(to + n - 8, from + n - 8, 8);
  } else if (n >= 4 && n < 8) {
    std::memcpy(to, from, 4);
    std::memcpy(to + n - 4, from + n - 4, 4);
  } else if (n > 16) {
    std::memcpy(to, from, n);
  } else {
    for (std::size_t i = 0; i < n; ++i) to[i] = from[i];
  }
  return to + n;
}

// `out` becomes the template filled in with `segments`.
void assign_template(std::string& out, const std::vector<Piece>& pieces, const std::string_view segments[4]) {
  std::size_t n = 0;
  for (const auto& piece : pieces) n += piece.segment == 0 ? piece.text.size() : segments[piece.segment].size();
  out.resize(n);
  char* p = out.data();
  for (const auto& piece : pieces) p = put(p, piece.segment == 0 ? std::string_view(piece.text) : segments[piece.segment]);
}

void append_number(std::string& out, std::size_t n) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

// Appends pieces through one pointer into space reserved once.
class Writer {
 public:
  Writer(std::string& out, std::size_t size) : out_(out), mark_(out.size()) {
    out.resize(mark_ + size);
    p_ = out.data() + mark_;
  }
  Writer& operator<<(std::string_view s) {
    p_ = put(p_, s);
    return *this;
  }
  void done() { out_.resize(static_cast<std::size_t>(p_ - out_.data())); }

 private:
  std::string& out_;
  std::size_t mark_;
  char* p_;
};

}  // namespace

void RequestBatch::Impl::prepare_plain() {
  const ProviderProfile& profile = vercel_profile();
  plain_ok = json_plain(profile.global_provider) && json_plain(Request{}.action);
  for (const SegmentSpec* spec : segment_specs) {
    if (spec != nullptr) plain_ok = plain_ok && json_plain(spec->alphabet);
  }
  global_provider = profile.global_provider;
  team_provider = pieces_of(profile.team_provider, true, plain_ok);
  sub_template = pieces_of(profile.sub_template, false, plain_ok);
  aud_template = pieces_of(profile.aud_template, false, plain_ok);

  const std::string action = R"("action":")" + Request{}.action + R"(","context":{")";
  const Outcome outcomes[] = {Outcome::allow, Outcome::implicit_deny, Outcome::explicit_deny};
  for (int o = 0; o < 3; ++o) {
    head[o] = std::string(R"({"schema":"trustlint/can/v1","allowed":)") + (o == 0 ? "true" : "false") +
              R"(,"decision":")" + outcome_name(outcomes[o]) + R"(","deployment":{"team":")";
  }
  for (int issuer = 0; issuer < 2; ++issuer) {
    for (int combo = 0; combo < 4; ++combo) {
      std::string& m = middle[static_cast<std::size_t>(issuer * 4 + combo)];
      m = std::string(R"(","issuer":")") + (issuer == 0 ? "global" : "team") + R"("},"assumptions":)" +
          assumptions_json[static_cast<std::size_t>(combo)] + R"(,"request":{"provider":")";
      if (issuer == 0) m += profile.global_provider + R"(",)" + action + profile.global_provider + R"(:sub":")";
    }
  }
  team_action_context = R"(",)" + action;
  global_aud_key = R"(",")" + profile.global_provider + R"(:aud":")";
  tail.assign(statement_json.size() + 1, std::string());
  for (std::size_t i = 0; i <= statement_json.size(); ++i) {
    const std::string& json = i == 0 ? std::string("null") : statement_json[i - 1];
    if (!json.empty()) tail[i] = R"("}},"deciding_statement":)" + json + R"(,"notes":[]})" + "\n";
  }
}

bool RequestBatch::Impl::write_compact(std::string& out, std::size_t line_no, const Decision& d) const {
  const std::string* json = nullptr;
  static const std::string null = "null";
  if (!d.deciding_statement) json = &null;
  else if (*d.deciding_statement < statement_json.size()) json = &statement_json[*d.deciding_statement];
  if (json == nullptr || json->empty()) return false;
  out += R"({"line":)";
  append_number(out, line_no);
  out += d.allowed() ? R"(,"allowed":true,"decision":")" : R"(,"allowed":false,"decision":")";
  out += outcome_name(d.outcome);
  out += R"(","deciding_statement":)";
  out += *json;
  out += "}\n";
  return true;
}

bool RequestBatch::Impl::answer_plain(std::string_view line, std::size_t line_no, std::string& out,
                                      LineOutcome& outcome) const {
  if (!plain_ok) return false;
  internal::PlainFields f;
  if (!internal::scan_plain_fields(line, f)) return false;
  int combo = 0;
  if (!f.has_team) {
    if (named.teams.size() != 1) return false;
    f.team = named.teams.front();
    combo |= 1;
  }
  const std::string_view mode = f.has_issuer ? f.issuer
                                : options.issuer ? std::string_view(issuer_mode_name(*options.issuer))
                                                 : std::string_view();
  bool global;
  if (mode == "global") {
    global = true;
  } else if (mode == "team") {
    global = false;
  } else if (!mode.empty()) {
    return false;
  } else {
    global = named.issuer.value_or(IssuerMode::team) == IssuerMode::global;
    combo |= 2;
  }
  const std::string_view segments[4] = {{}, f.team, f.project, f.environment};
  for (int i = 0; i < 3; ++i) {
    if (!segment_ok(i, segments[i + 1])) return false;
  }

  // The request make_request builds: provider, PROVIDER:sub, PROVIDER:aud (keys redone only
  // when the provider changes).
  thread_local Request request;
  thread_local std::string provider;
  thread_local Decision d;
  if (global) provider = global_provider;
  else assign_template(provider, team_provider, segments);
  if (request.context.size() != 2 || request.provider != provider) {
    request.provider = provider;
    request.action = Request{}.action;
    request.context.resize(2);
    for (std::size_t i = 0; i < 2; ++i) {
      ContextEntry& e = request.context[i];
      e.key = provider + (i == 0 ? ":sub" : ":aud");
      e.key_folded = fold_key(e.key);
      e.values.resize(1);
      e.multi_valued = false;
    }
  }
  std::string& sub = request.context[0].values[0];
  std::string& aud = request.context[1].values[0];
  assign_template(sub, sub_template, segments);
  if (f.has_aud) aud.assign(f.aud);
  else assign_template(aud, aud_template, segments);

  internal::decide_untraced(*policy, request, d);
  if (!d.notes.empty()) return false;  // the general path words them
  if (options.compact) {
    if (!write_compact(out, line_no, d)) return false;
  } else {
    const std::size_t t = d.deciding_statement ? *d.deciding_statement + 1 : 0;
    if (t >= tail.size() || tail[t].empty()) return false;
    const std::string& h = head[d.outcome == Outcome::allow ? 0 : d.outcome == Outcome::implicit_deny ? 1 : 2];
    const std::string& m = middle[static_cast<std::size_t>((global ? 0 : 4) + combo)];
    constexpr std::string_view project_key = R"(","project":")", environment_key = R"(","environment":")";
    constexpr std::string_view sub_key = R"(:sub":")", between = R"(",")", aud_key = R"(:aud":")";
    std::size_t size = h.size() + f.team.size() + project_key.size() + f.project.size() + environment_key.size() +
                       f.environment.size() + m.size() + sub.size() + aud.size() + tail[t].size();
    if (global) size += global_aud_key.size();
    else size += 3 * provider.size() + team_action_context.size() + sub_key.size() + between.size() + aud_key.size();
    Writer w(out, size);
    w << h << f.team << project_key << f.project << environment_key << f.environment << m;
    if (global) w << sub << global_aud_key;
    else w << provider << team_action_context << provider << sub_key << sub << between << provider << aud_key;
    w << aud << tail[t];
    w.done();
  }
  outcome.status = d.allowed() ? LineStatus::allowed : LineStatus::denied;
  return true;
}

}  // namespace trustlint
