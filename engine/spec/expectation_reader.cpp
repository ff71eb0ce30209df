// `expect:` lists → Expectations (expectation_reader.h).
#include "spec/expectation_reader.h"

#include "source/diagnostic_sink.h"
#include "trustlint/provider.h"

namespace trustlint::internal {
namespace {

bool has_wildcard(const std::string& s) { return s.find_first_of("*?") != std::string::npos; }

class Reader {
 public:
  Reader(const std::string& code, Diagnostics& d) : code_(code), diagnostics_(d) {}

  void list(const Node& n, std::vector<Expectation>& out) {
    if (n.kind != NodeKind::array) {
      error("expect must be a list of allow, deny or only entries", n.span);
      return;
    }
    if (n.items.empty()) error("expect lists no expectation", n.span);
    for (const auto& item : n.items) {
      if (auto e = expectation(item)) out.push_back(std::move(*e));
    }
  }

 private:
  void error(std::string message, const Span& span) { diagnostics_.push_back(make_error(code_, std::move(message), span)); }

  std::optional<Expectation> expectation(const Node& item) {
    if (item.kind != NodeKind::object || item.members.size() != 1) {
      error("an expectation is one of allow: {…}, deny: {…} or only: {…}", item.span);
      return std::nullopt;
    }
    const Member& m = item.members.front();
    Expectation e;
    e.span = m.key_span;
    if (m.key == "allow") e.kind = Expectation::Kind::allow;
    else if (m.key == "deny") e.kind = Expectation::Kind::deny;
    else if (m.key == "only") e.kind = Expectation::Kind::only;
    else {
      error("unknown expectation " + quote(m.key) + "; expected allow, deny or only", m.key_span);
      return std::nullopt;
    }
    e.text = m.key + " {";
    if (m.value.kind != NodeKind::object) {
      error(m.key + " takes a mapping of team, project, environment and issuer (e.g. {environment: production})",
            m.value.span);
      return std::nullopt;
    }
    const std::size_t before = diagnostics_.size();
    bool first = true;
    for (const auto& d : m.value.members) {
      std::string shown;
      if (d.key == "issuer") {
        if (d.value.kind != NodeKind::string || (d.value.text != "team" && d.value.text != "global")) {
          error("issuer must be team or global", d.value.span);
          continue;
        }
        e.where.issuer = d.value.text == "team" ? IssuerMode::team : IssuerMode::global;
        shown = d.value.text;
      } else if (d.key == "team" || d.key == "project" || d.key == "environment") {
        auto values = names(d.value, d.key);
        if (!values) continue;
        for (std::size_t i = 0; i < values->size(); ++i) shown += (i ? ", " : "") + (*values)[i];
        if (values->size() > 1) shown = "[" + shown + "]";
        (d.key == "team" ? e.where.team : d.key == "project" ? e.where.project : e.where.environment) = std::move(*values);
      } else {
        error("unknown key " + quote(d.key) + "; expected team, project, environment or issuer", d.key_span);
        continue;
      }
      e.text += (first ? "" : ", ") + d.key + ": " + shown;
      first = false;
    }
    e.text += "}";
    if (diagnostics_.size() != before) return std::nullopt;
    return e;
  }

  // A value, or a non-empty list of values; each a name Vercel can issue or an IAM glob.
  std::optional<std::vector<std::string>> names(const Node& n, const std::string& segment) {
    std::vector<const Node*> items;
    if (n.kind == NodeKind::array) {
      for (const auto& i : n.items) items.push_back(&i);
      if (items.empty()) {
        error(segment + " lists no value", n.span);
        return std::nullopt;
      }
    } else {
      items.push_back(&n);
    }
    std::vector<std::string> out;
    const SegmentSpec* spec = vercel_profile().segment(segment);
    bool ok = true;
    for (const Node* i : items) {
      if (i->kind != NodeKind::string && i->kind != NodeKind::number) {
        error(segment + " must be a name or glob (a string), not " + std::string(node_kind_name(i->kind)), i->span);
        ok = false;
        continue;
      }
      if (spec && !has_wildcard(i->text)) {
        if (auto why = check_segment(*spec, i->text)) {
          error(*why, i->span);
          ok = false;
          continue;
        }
      }
      out.push_back(i->text);
    }
    if (!ok) return std::nullopt;
    return out;
  }

  const std::string& code_;
  Diagnostics& diagnostics_;
};

}  // namespace

void read_expectations(const Node& list, const std::string& code, std::vector<Expectation>& out,
                       Diagnostics& diagnostics) {
  Reader(code, diagnostics).list(list, out);
}

}  // namespace trustlint::internal
