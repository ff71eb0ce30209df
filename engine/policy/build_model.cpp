// build_model: the document and statement levels of the grammar (docs/semantics.md#document, docs/semantics.md#version, docs/semantics.md#id-element, docs/semantics.md#statement, docs/semantics.md#sid, docs/semantics.md#effect, docs/semantics.md#resource),
// dispatching each block to its own file (model_parts.h).
#include "policy/build_model.h"

#include <array>
#include <map>
#include <set>
#include <string_view>

#include "policy/model_parts.h"
#include "policy/spelling.h"
#include "source/utf8.h"

namespace trustlint {

std::string Statement::label() const {
  // A Sid is a short name, but a hostile one can be megabytes, and labels go into messages.
  // Cut on a character boundary, control characters escaped (a Sid is printed unquoted).
  constexpr std::size_t kMaxLabelChars = 60;
  if (sid && !sid->text.empty()) return internal::visible_text(internal::cut_utf8(sid->text, kMaxLabelChars));
  return "#" + std::to_string(index + 1);
}

namespace internal {

void ModelContext::report(Severity severity, const char* code, std::string message, const Span& span,
                          std::vector<std::string> notes) {
  Diagnostic d;
  d.code = code;
  d.severity = severity;
  d.message = std::move(message);
  d.span = span;
  d.notes = std::move(notes);
  sink.add(std::move(d));
}

std::string a_node_kind(const Node& node) {
  const std::string name = node_kind_name(node.kind);
  if (node.kind == NodeKind::null) return "null";
  return (node.kind == NodeKind::array || node.kind == NodeKind::object ? "an " : "a ") + name;
}

std::vector<const Node*> string_list(const Node& value, const std::string& what, const char* code, ModelContext& ctx) {
  std::vector<const Node*> out;
  if (value.kind == NodeKind::string) {
    out.push_back(&value);
  } else if (value.kind == NodeKind::array) {
    if (value.items.empty()) ctx.report(Severity::error, code, what + " is an empty array", value.span);
    for (const Node& item : value.items) {
      if (item.kind == NodeKind::string) {
        out.push_back(&item);
      } else {
        ctx.report(Severity::error, code, what + " values must be strings, found " + a_node_kind(item), item.span);
      }
    }
  } else {
    ctx.report(Severity::error, code, what + " must be a string or an array of strings, found " + a_node_kind(value),
               value.span);
  }
  return out;
}

namespace {

constexpr std::array<std::string_view, 3> kTopLevelKeys = {"Version", "Id", "Statement"};
constexpr std::array<std::string_view, 9> kStatementKeys = {"Sid",      "Effect",      "Principal",
                                                            "NotPrincipal", "Action", "NotAction",
                                                            "Resource", "NotResource", "Condition"};

std::string did_you_mean(std::string_view word, std::span<const std::string_view> names) {
  auto s = suggest_name(word, names, default_max_distance(word));
  if (!s) return {};
  return std::string(s->case_only ? " (keys are case-sensitive)" : "") + "; did you mean \"" + s->name + "\"?";
}

bool is_sid_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

class ModelBuilder {
 public:
  ModelBuilder(const Node& root, const SourceFile& file, const LoadOptions& options)
      : root_(root), sink_(options.limits.max_errors), ctx_{file, options, sink_} {}

  Result<Document> build();

 private:
  void read_version(const Node& value);
  void read_statements(const Node& value);
  void read_statement(const Node& node, std::size_t index);
  void read_sid(const Node& value, Statement& st);
  void read_effect(const Node& value, Statement& st);

  const Node& root_;
  DiagnosticSink sink_;
  ModelContext ctx_;
  Document doc_;
  std::map<std::string, Span> sids_;  // first statement using each Sid
};

Result<Document> ModelBuilder::build() {
  const std::string& name = ctx_.file.name();
  if (root_.kind != NodeKind::object) {
    ctx_.report(Severity::error, "TL020", "a policy must be a JSON object, found " + a_node_kind(root_), root_.span,
                {"a role trust policy looks like {\"Version\": \"2012-10-17\", \"Statement\": [...]}"});
    return Result<Document>::failure(std::move(sink_).finish(name));
  }
  doc_.file = name;
  doc_.span = root_.span;
  std::set<std::string_view> seen;
  for (const Member& m : root_.members) {
    if (!seen.insert(m.key).second) continue;  // duplicate key: reported by the reader, first one wins
    if (m.key == "Version") {
      read_version(m.value);
    } else if (m.key == "Id") {
      if (m.value.kind == NodeKind::string) {
        doc_.id = Located{m.value.text, m.value.span};
      } else {
        ctx_.report(Severity::error, "TL029", "Id must be a string, found " + a_node_kind(m.value), m.value.span);
      }
    } else if (m.key == "Statement") {
      read_statements(m.value);
    } else {
      ctx_.report(Severity::error, "TL021", "unknown top-level key " + quote(m.key) + did_you_mean(m.key, kTopLevelKeys),
                  m.key_span, {"a policy has only Version, Id and Statement (docs/semantics.md#document)"});
    }
  }
  if (root_.get("Version") == nullptr) {
    ctx_.report(Severity::warning, "TL026", "no Version: policy variables such as ${aws:username} are literal text",
                ctx_.file.point(root_.span.offset),
                {"add \"Version\": \"2012-10-17\" (docs/semantics.md#version)"});
  }
  if (root_.get("Statement") == nullptr) {
    ctx_.report(Severity::error, "TL023", "the policy has no Statement", ctx_.file.point(root_.span.offset));
  }
  check_character_set(root_, ctx_);
  check_policy_size(root_, ctx_);
  return Result<Document>(std::move(doc_), std::move(sink_).finish(name));
}

void ModelBuilder::read_version(const Node& value) {
  if (value.kind == NodeKind::string) doc_.version = Located{value.text, value.span};
  if (value.kind == NodeKind::string && value.text == "2012-10-17") return;
  if (value.kind == NodeKind::string && value.text == "2008-10-17") {
    ctx_.report(Severity::warning, "TL027", "Version 2008-10-17 is the old policy language: policy variables are literal text",
                value.span, {"use \"2012-10-17\" (docs/semantics.md#version)"});
    return;
  }
  const std::string found = value.kind == NodeKind::string ? quote(value.text) : a_node_kind(value);
  ctx_.report(Severity::error, "TL028", "invalid Version " + found + ": it must be \"2012-10-17\" or \"2008-10-17\"",
              value.span, {"docs/semantics.md#version"});
}

void ModelBuilder::read_statements(const Node& value) {
  if (value.kind == NodeKind::object) {
    read_statement(value, 0);
    return;
  }
  if (value.kind != NodeKind::array) {
    ctx_.report(Severity::error, "TL025", "Statement must be an object or an array of objects, found " + a_node_kind(value),
                value.span);
    return;
  }
  doc_.statement_array = true;
  if (value.items.empty()) {
    ctx_.report(Severity::error, "TL024", "Statement is an empty array: the policy allows nothing", value.span);
  }
  const std::size_t max = ctx_.options.limits.max_statements;
  for (std::size_t i = 0; i < value.items.size(); ++i) {
    if (i == max) {
      ctx_.report(Severity::error, "TL056",
                  "more than " + group_thousands(max) + " statements; the rest are not read", value.items[i].span);
      break;
    }
    read_statement(value.items[i], i);
  }
}

void ModelBuilder::read_statement(const Node& node, std::size_t index) {
  if (node.kind != NodeKind::object) {
    ctx_.report(Severity::error, "TL025",
                "statement #" + std::to_string(index + 1) + " must be an object, found " + a_node_kind(node), node.span);
    return;
  }
  Statement st;
  st.index = index;
  st.span = node.span;
  const Member* principal = node.member("Principal");
  const Member* action = node.member("Action");
  const Member* effect = node.member("Effect");
  const bool in_deny = effect != nullptr && effect->value.kind == NodeKind::string && effect->value.text == "Deny";
  std::set<std::string_view> seen;
  for (const Member& m : node.members) {
    if (!seen.insert(m.key).second) continue;
    if (m.key == "Sid") {
      read_sid(m.value, st);
    } else if (m.key == "Effect") {
      read_effect(m.value, st);
    } else if (m.key == "Principal") {
      st.principal = read_principal(m, false, in_deny, ctx_);
    } else if (m.key == "NotPrincipal") {
      if (principal != nullptr) {
        ctx_.report(Severity::error, "TL038", "the statement has both Principal and NotPrincipal", m.key_span,
                    {"a statement takes one of them, and NotPrincipal is not allowed in role trust policies (docs/semantics.md#principal)"});
      } else {
        ctx_.report(Severity::error, "TL037", "NotPrincipal is not allowed in role trust policies", m.key_span,
                    {"name the trusted principal with Principal (docs/semantics.md#principal)"});
        st.principal = read_principal(m, true, in_deny, ctx_);
      }
    } else if (m.key == "Action") {
      st.action = read_action(m, false, ctx_);
    } else if (m.key == "NotAction") {
      if (action != nullptr) {
        ctx_.report(Severity::error, "TL046", "the statement has both Action and NotAction", m.key_span,
                    {"a statement takes exactly one of them (docs/semantics.md#action)"});
      } else {
        st.action = read_action(m, true, ctx_);
      }
    } else if (m.key == "Resource" || m.key == "NotResource") {
      ctx_.report(Severity::error, "TL048", m.key + " is not allowed in role trust policies", m.key_span,
                  {"the resource of a trust policy is the role itself; remove the element (docs/semantics.md#resource)"});
      if (!st.has_resource) st.resource_span = m.key_span;
      st.has_resource = true;
    } else if (m.key == "Condition") {
      read_condition(m.value, st, ctx_);
    } else {
      ctx_.report(Severity::error, "TL022", "unknown statement key " + quote(m.key) + did_you_mean(m.key, kStatementKeys),
                  m.key_span);
    }
  }
  const Span start = ctx_.file.point(node.span.offset);
  if (node.get("Effect") == nullptr) {
    ctx_.report(Severity::error, "TL034", "statement " + st.label() + " has no Effect", start,
                {"add \"Effect\": \"Allow\" or \"Effect\": \"Deny\""});
  }
  if (principal == nullptr && node.get("NotPrincipal") == nullptr) {
    ctx_.report(Severity::error, "TL036", "statement " + st.label() + " has no Principal", start,
                {"IAM rejects it: \"The passed in policy has a statement with no principals!\" (docs/semantics.md#principal)"});
  }
  if (action == nullptr && node.get("NotAction") == nullptr) {
    ctx_.report(Severity::error, "TL045", "statement " + st.label() + " has no Action", start,
                {"a web-identity trust policy allows \"sts:AssumeRoleWithWebIdentity\" (docs/semantics.md#action)"});
  }
  check_action_fits_principal(st, ctx_);
  doc_.statements.push_back(std::move(st));
}

void ModelBuilder::read_sid(const Node& value, Statement& st) {
  if (value.kind != NodeKind::string) {
    ctx_.report(Severity::error, "TL030", "Sid must be a string, found " + a_node_kind(value), value.span);
    return;
  }
  st.sid = Located{value.text, value.span};
  if (value.text.empty()) {
    ctx_.report(Severity::note, "TL033", "empty Sid", value.span, {"IAM accepts it; remove it or name the statement"});
    return;
  }
  for (char c : value.text) {
    if (!is_sid_character(c)) {
      const std::string what = static_cast<unsigned char>(c) < 0x80 && c >= 0x20 ? std::string("'") + c + "'" : "a non-ASCII character";
      ctx_.report(Severity::warning, "TL031", "Sid " + quote(value.text) + " contains " + what + ": IAM allows only A-Z, a-z and 0-9",
                  value.span, {"docs/semantics.md#sid"});
      break;
    }
  }
  auto [first, inserted] = sids_.emplace(value.text, value.span);
  if (!inserted) {
    ctx_.report(Severity::warning, "TL032",
                "duplicate Sid " + quote(value.text) + " (first at line " + std::to_string(first->second.line) + ", column " +
                    std::to_string(first->second.col) + ")",
                value.span, {"Sids must be unique within a policy (docs/semantics.md#sid)"});
  }
}

void ModelBuilder::read_effect(const Node& value, Statement& st) {
  st.effect_span = value.span;
  if (value.kind == NodeKind::string && (value.text == "Allow" || value.text == "Deny")) {
    st.effect = value.text == "Allow" ? Effect::allow : Effect::deny;
    return;
  }
  std::string message = "Effect must be exactly \"Allow\" or \"Deny\", found ";
  message += value.kind == NodeKind::string ? quote(value.text) : a_node_kind(value);
  if (value.kind == NodeKind::string) {
    static constexpr std::array<std::string_view, 2> kEffects = {"Allow", "Deny"};
    if (auto s = suggest_name(value.text, kEffects, default_max_distance(value.text))) {
      message += std::string(s->case_only ? " (Effect is case-sensitive)" : "") + "; did you mean \"" + s->name + "\"?";
    }
  }
  ctx_.report(Severity::error, "TL035", std::move(message), value.span,
              {"IAM rejects it: \"The policy failed legacy parsing\" (docs/semantics.md#effect)"});
}

}  // namespace

Result<Document> build_model(const Node& root, const SourceFile& file, const LoadOptions& options) {
  ModelBuilder builder(root, file, options);
  return builder.build();
}

}  // namespace internal

}  // namespace trustlint
