// The trust-policy size quota (docs/semantics.md#size): IAM counts the characters of the policy
// excluding white space. We count the document as minified JSON (as IAM stores it), so the
// indentation of the file never matters, and skip white space inside strings too (u).
#include "policy/model_parts.h"
#include "source/utf8.h"

namespace trustlint::internal {

namespace {

constexpr std::size_t kMaximumQuota = 8192;  // Service Quotas L-C07B4B0D (u against the live page)

std::size_t json_string_size(std::string_view s) {
  std::size_t n = 2;  // the quotes
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (is_utf8_continuation(s[i]) || b == ' ') continue;  // continuation byte, or a space (white space)
    if (b == '"' || b == '\\' || b == '\b' || b == '\f' || b == '\n' || b == '\r' || b == '\t') {
      n += 2;  // \" \\ \b \f \n \r \t
    } else if (b < 0x20) {
      n += 6;  // \u00XX
    } else {
      n += 1;
    }
  }
  return n;
}

}  // namespace

std::size_t policy_size(const Node& root) {
  std::size_t n = 0;
  std::vector<const Node*> todo{&root};
  while (!todo.empty()) {
    const Node* node = todo.back();
    todo.pop_back();
    switch (node->kind) {
      case NodeKind::null: n += 4; break;
      case NodeKind::boolean:
      case NodeKind::number: n += count_code_points(node->text); break;
      case NodeKind::string: n += json_string_size(node->text); break;
      case NodeKind::array:
        n += 2 + (node->items.empty() ? 0 : node->items.size() - 1);
        for (const Node& item : node->items) todo.push_back(&item);
        break;
      case NodeKind::object:
        n += 2 + (node->members.empty() ? 0 : node->members.size() - 1);
        for (const Member& m : node->members) {
          n += json_string_size(m.key) + 1;  // "key":
          todo.push_back(&m.value);
        }
        break;
    }
  }
  return n;
}

void check_policy_size(const Node& root, ModelContext& ctx) {
  const TrustPolicyQuota& quota = ctx.options.quota;
  const std::size_t size = policy_size(root);
  if (size <= quota.characters) return;
  std::string message = "the trust policy is " + group_thousands(size) + " characters long (not counting white space), over ";
  message += quota.raised ? "the raised quota of " + group_thousands(quota.characters) + " characters given with --quota"
                          : "IAM's default quota of " + group_thousands(quota.characters) + " characters";
  std::vector<std::string> notes;
  if (quota.raised && quota.characters >= kMaximumQuota) {
    notes.push_back("Service Quotas cannot raise it past " + group_thousands(kMaximumQuota) + " characters: shorten the policy");
  } else {
    notes.push_back("the default can be raised through Service Quotas (quota code L-C07B4B0D, up to " +
                    group_thousands(kMaximumQuota) + " characters), or shorten the policy (docs/semantics.md#size)");
  }
  notes.push_back("counted on the minified policy without white space; IAM's exact counting is unverified (u)");
  ctx.report(Severity::error, "TL058", std::move(message), ctx.file.point(root.span.offset), std::move(notes));
}

}  // namespace trustlint::internal
