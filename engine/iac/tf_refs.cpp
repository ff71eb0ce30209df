// TfEvaluator::reference (tf_module.h): var.NAME (given value, else default), local.NAME,
// count.index, each.key/value, path.module, for variables, data.aws_iam_policy_document.X.json,
// the account ID and partition data sources (read as 000000000000 and aws, as for plans) and an
// OIDC provider's arn (from its url). Anything else is a placeholder with a TL080 warning.
#include "source/diagnostic_sink.h"
#include "iac/iac_source.h"
#include "iac/tf_module.h"

namespace trustlint::internal {

namespace {

struct Step {
  const HclExpr* expr;  // the traversal up to and including this step
  std::string attr;     // .attr (empty for an index)
  const HclExpr* key;   // [key]
};

// "a.b[0].c" → root "a", steps b, [0], c.
const HclExpr* flatten(const HclExpr& e, std::vector<Step>& steps) {
  const HclExpr* at = &e;
  while (at->kind == HclExprKind::get_attr || at->kind == HclExprKind::index) {
    steps.insert(steps.begin(), Step{at, at->kind == HclExprKind::get_attr ? at->name : std::string(),
                                     at->kind == HclExprKind::index ? at->items[1].get() : nullptr});
    at = at->items[0].get();
  }
  return at->kind == HclExprKind::variable ? at : nullptr;
}

std::string where(const TfFile& f, std::size_t offset) {
  const Span s = f.file.point(offset);
  return f.file.name() + ":" + std::to_string(s.line);
}

}  // namespace

TfValue TfEvaluator::reference(const HclExpr& e, const TfFile& f) {
  TfValue out;
  out.file = &f.file;
  const std::string text(f.text(e.begin, e.end));
  std::vector<Step> steps;
  const HclExpr* root = flatten(e, steps);
  if (root == nullptr) {  // an index into a call or a literal: evaluate and index
    const HclExpr* base = &e;
    while (base->kind == HclExprKind::get_attr || base->kind == HclExprKind::index) base = base->items[0].get();
    out = eval(*base, f);
  } else {
    std::size_t used = 0;
    const std::string& name = root->name;
    const std::string first = !steps.empty() ? steps[0].attr : std::string();
    bool found = false;
    for (auto it = scopes_.rbegin(); it != scopes_.rend() && !found; ++it) {
      if (const auto v = it->find(name); v != it->end()) {
        out.node = v->second;
        found = true;
      }
    }
    if (found) {
    } else if (name == "var" && !first.empty()) {
      used = 1;
      const auto given = module_.given.find(first);
      const auto declared = module_.variables.find(first);
      if (given != module_.given.end()) {
        out.node = given->second.value;
        if (!out.node.span.known()) out.node.span = f.file.span(e.begin, e.end);
        const std::string a = "var." + first + " = " + tf_render(given->second.value) + " (" + given->second.origin + ")";
        if (told_.insert(a).second) assumptions_.push_back(a);
      } else if (declared != module_.variables.end() && declared->second.first->body.attribute("default") != nullptr) {
        const HclAttribute* d = declared->second.first->body.attribute("default");
        out = eval(*d->expr, *declared->second.second);
        const std::string a = "var." + first + " = " + tf_render(out.node) + " (its default, " +
                              where(*declared->second.second, d->name_begin) + "); give another with --tf-var " + first + "=VALUE";
        if (told_.insert(a).second) assumptions_.push_back(a);
      } else {
        out.node = unknown("var." + first, declared == module_.variables.end()
                                               ? "var." + first + " is not declared in this module"
                                               : "var." + first + " has no default and no --tf-var value",
                           f, e.begin, e.end);
        return out;
      }
    } else if (name == "local" && !first.empty()) {
      used = 1;
      const auto local = module_.locals.find(first);
      if (local == module_.locals.end() || evaluating_.count(first) != 0) {
        out.node = unknown("local." + first, local == module_.locals.end() ? "local." + first + " is not defined in this module"
                                                                            : "local." + first + " refers to itself",
                           f, e.begin, e.end);
        return out;
      }
      evaluating_.insert(first);
      out = eval(*local->second.first->expr, *local->second.second);
      evaluating_.erase(first);
    } else if ((name == "count" && first == "index") || (name == "each" && (first == "key" || first == "value"))) {
      used = 1;
      const auto v = instance.find(name + "." + first);
      if (v == instance.end()) {
        out.node = unknown(name + "." + first, name + "." + first + " outside a resource with count or for_each", f, e.begin, e.end);
        return out;
      }
      out.node = v->second;
    } else if (name == "path" && (first == "module" || first == "root" || first == "cwd")) {
      used = 1;
      out.node = tf_string(module_.directory.empty() ? "." : module_.directory, f.file.span(e.begin, e.end));
    } else if (name == "data" && steps.size() >= 3 && first == "aws_iam_policy_document" &&
               (steps[2].attr == "json" || steps[2].attr == "minified_json")) {
      used = 3;
      if (std::optional<Node> doc = policy_document(steps[1].attr, f, e.begin, e.end)) {
        out.node = tf_string("", f.file.span(e.begin, e.end));
        out.node.tag = kEncodedTag;
        out.node.items.push_back(std::move(*doc));
      } else {
        out.node = unknown(text, "data.aws_iam_policy_document." + steps[1].attr + " is not defined in this module", f, e.begin, e.end);
        return out;
      }
    } else if (name == "data" && steps.size() >= 3 &&
               ((first == "aws_caller_identity" && steps[2].attr == "account_id") ||
                (first == "aws_partition" && steps[2].attr == "partition"))) {
      used = 3;
      const bool account = first == "aws_caller_identity";
      out.node = tf_string(account ? "000000000000" : "aws", f.file.span(e.begin, e.end));
      const std::string a = text + " is read as " + quote(out.node.text) + " (known only at plan time)";
      if (told_.insert(a).second) assumptions_.push_back(a);
    } else if (name == "aws_iam_openid_connect_provider" && steps.size() >= 2 && steps[1].attr == "arn" &&
               module_.oidc_providers.count(first) != 0) {
      used = 2;
      const auto& [block, file] = module_.oidc_providers.at(first);
      const HclAttribute* url = block->body.attribute("url");
      const Node u = url != nullptr ? eval(*url->expr, *file).node : Node{};
      if (u.kind != NodeKind::string || tf_is_unknown(u)) {
        out.node = unknown(text, "the ARN of aws_iam_openid_connect_provider." + first + " is known only after apply", f, e.begin, e.end);
        return out;
      }
      std::string host = u.text;
      if (host.rfind("https://", 0) == 0) host.erase(0, 8);
      while (!host.empty() && host.back() == '/') host.pop_back();
      out.node = tf_string("arn:aws:iam::000000000000:oidc-provider/" + host, f.file.span(e.begin, e.end));
      const std::string a = "the ARN of aws_iam_openid_connect_provider." + first + " is read as " + out.node.text +
                            " (its url; 000000000000 stands for the account)";
      if (told_.insert(a).second) assumptions_.push_back(a);
    } else {
      out.node = unknown(text, text + " is known only when Terraform runs", f, e.begin, e.end);
      return out;
    }
    steps.erase(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(std::min(used, steps.size())));
  }
  for (const Step& s : steps) {
    if (tf_is_unknown(out.node) && out.node.kind == NodeKind::string) return out;
    const Node* next = nullptr;
    if (!s.attr.empty() && out.node.kind == NodeKind::object) {
      next = out.node.get(s.attr);
    } else if (s.key != nullptr) {
      const Node key = eval(*s.key, f).node;
      if (out.node.kind == NodeKind::array && key.kind == NodeKind::number) {
        const std::size_t i = static_cast<std::size_t>(std::strtoull(key.text.c_str(), nullptr, 10));
        if (i < out.node.items.size()) next = &out.node.items[i];
      } else if (out.node.kind == NodeKind::object && !tf_is_unknown(key)) {
        next = out.node.get(key.text);
      }
    }
    if (next == nullptr) {
      out.node = unknown(text, quote(f.text(s.expr->begin, s.expr->end)) +
                                   " names nothing in the value it reads",
                         f, e.begin, e.end);
      out.mapped.reset();
      return out;
    }
    const Node copy = *next;
    out.node = copy;
    out.mapped.reset();
  }
  return out;
}

}  // namespace trustlint::internal
