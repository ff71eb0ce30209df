// Shared helpers of the IaC readers: building a policy from a subtree or a string, placeholders,
// and naming the resource in diagnostics.
#include "iac/iac_source.h"

#include "policy/build_model.h"
#include "source/diagnostic_sink.h"
#include "iac/embedded_policy.h"

namespace trustlint::internal {

namespace {

Result<Document> merge(Diagnostics earlier, Result<Document> built, const IacInput& in) {
  DiagnosticSink sink(in.options.limits.max_errors);
  sink.add_all(std::move(earlier));
  sink.add_all(built.take_diagnostics());
  Diagnostics diagnostics = std::move(sink).finish(in.file.name());
  if (!built.has_value()) return Result<Document>::failure(std::move(diagnostics));
  return Result<Document>(std::move(built).value(), std::move(diagnostics));
}

}  // namespace

std::string placeholder_text(const std::string& what) {
  std::string out = "UNRESOLVED-";
  for (char c : what) {
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    out += keep ? c : '-';
    if (out.size() >= 96) break;
  }
  return out;
}

void shape_federated_placeholders(Node& policy, std::vector<std::string>& assumptions) {
  auto shape = [&assumptions](Node& value) {
    if (value.kind != NodeKind::string || value.text.rfind("UNRESOLVED-", 0) != 0) return;
    const std::string arn = "arn:aws:iam::000000000000:oidc-provider/" + value.text;
    assumptions.push_back("the Federated principal " + value.text + " is read as " + arn + ", an OIDC provider no token comes from");
    value.text = arn;
  };
  auto statements = [&policy]() -> std::vector<Node*> {
    std::vector<Node*> out;
    for (Member& m : policy.members) {
      if (m.key != "Statement") continue;
      if (m.value.kind == NodeKind::object) out.push_back(&m.value);
      for (Node& item : m.value.items) out.push_back(&item);
    }
    return out;
  };
  for (Node* st : statements()) {
    for (Member& element : st->members) {
      if (element.key != "Principal" && element.key != "NotPrincipal") continue;
      for (Member& principal : element.value.members) {
        if (principal.key != "Federated") continue;
        shape(principal.value);
        for (Node& item : principal.value.items) shape(item);
      }
    }
  }
}

Result<Document> policy_from_tree(const Node& node, const IacInput& in, Diagnostics earlier) {
  return merge(std::move(earlier), build_model(node, in.file, in.options), in);
}

Result<Document> policy_from_string(const MappedText& text, const IacInput& in, Diagnostics earlier) {
  return merge(std::move(earlier), build_embedded_policy(text, in.file, in.options), in);
}

Result<Document> no_policy(Diagnostics diagnostics) { return Result<Document>::failure(std::move(diagnostics)); }

MappedText mapped_string(const Node& node, const IacInput& in) {
  const std::string_view text = in.file.text();
  const std::size_t begin = node.span.offset;
  if (in.json && begin < text.size() && text[begin] == '"') return decode_json_literal(text, begin);
  return align_scalar(text, begin, node.span.end_offset, node.text);
}

void name_resource(Diagnostics& diagnostics, const std::string& resource) {
  if (resource.empty()) return;
  for (Diagnostic& d : diagnostics) d.notes.push_back("in " + resource);
}

std::optional<std::string> scalar_text(const Node* node) {
  if (node == nullptr) return std::nullopt;
  if (node->kind == NodeKind::string || node->kind == NodeKind::number || node->kind == NodeKind::boolean) return node->text;
  return std::nullopt;
}

}  // namespace trustlint::internal
