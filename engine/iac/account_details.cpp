// `aws iam get-account-authorization-details`: RoleDetailList[].AssumeRolePolicyDocument, as a
// decoded object (what the AWS CLI prints) or as the API's URL-encoded string (what the raw API
// and some SDKs return). A string is percent-decoded and located inside the string literal.
#include "source/diagnostic_sink.h"
#include "iac/iac_forms.h"

namespace trustlint::internal {

namespace {

Result<Document> string_policy(const Node& value, const IacInput& in) {
  const MappedText literal = mapped_string(value, in);
  std::size_t first = 0;
  while (first < literal.text.size() && (literal.text[first] == ' ' || literal.text[first] == '\n')) ++first;
  if (first < literal.text.size() && literal.text[first] == '{') return policy_from_string(literal, in, {});
  MappedText decoded;
  std::size_t bad = 0;
  if (!percent_decode(literal, decoded, bad)) {
    const std::size_t at = literal.origin[bad];
    Diagnostic d = make_error("TL083", "malformed URL encoding: '%' is not followed by two hex digits",
                              in.file.span(at, literal.origin[std::min(bad + 1, literal.text.size())]));
    d.notes.push_back("IAM returns policy documents URL-encoded (RFC 3986); decode it or pass the CLI's decoded output");
    return no_policy({std::move(d)});
  }
  return policy_from_string(decoded, in, {});
}

}  // namespace

FoundPolicy find_account_role(const Node& role, std::size_t number, const IacInput& in) {
  const std::optional<std::string> arn = scalar_text(role.get("Arn"));
  const std::optional<std::string> name = scalar_text(role.get("RoleName"));
  std::string resource = arn.value_or(name.value_or(""));
  if (resource.empty()) resource = "role #" + std::to_string(number);
  const Node* document = role.get("AssumeRolePolicyDocument");
  Result<Document> policy = Result<Document>::failure(Diagnostics{});
  if (document == nullptr || document->kind == NodeKind::null) {
    policy = no_policy({make_error("TL081", "role " + resource + " has no AssumeRolePolicyDocument",
                                   in.file.point(role.span.offset))});
  } else if (document->kind == NodeKind::string) {
    policy = string_policy(*document, in);
  } else {
    policy = policy_from_tree(*document, in, {});
  }
  std::string named = "role " + resource;
  name_resource(policy.diagnostics(), named);
  return FoundPolicy{PolicySource{std::move(resource), "account-authorization-details", std::move(policy), {}, {}},
                     role.span.offset, role.span.end_offset, std::move(named)};
}

std::vector<FoundPolicy> find_account_roles(const Node& root, const IacInput& in) {
  std::vector<FoundPolicy> found;
  const Node* roles = account_role_list(root);
  if (roles == nullptr) return found;
  for (const Node& role : roles->items) {
    if (role.kind != NodeKind::object) continue;
    found.push_back(find_account_role(role, static_cast<std::size_t>(&role - roles->items.data() + 1), in));
  }
  return found;
}

const Node* account_role_list(const Node& root) {
  const Node* roles = root.get("RoleDetailList");
  return roles == nullptr || roles->kind != NodeKind::array ? nullptr : roles;
}

}  // namespace trustlint::internal
