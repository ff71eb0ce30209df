// find_terraform_source_roles (iac_forms.h): every resource "aws_iam_role" of a .tf or .tf.json file, one
// per count index or for_each key when the collection is known, and its assume_role_policy:
// jsonencode({...}) (the HCL object is the policy), a string (a heredoc, file(), templatefile():
// JSON located inside it), or data.aws_iam_policy_document.X.json (rendered from its blocks).
// Module calls are not followed (TL079 note).
#include <algorithm>

#include "source/diagnostic_sink.h"
#include "iac/iac_forms.h"
#include "iac/tf_module.h"

namespace trustlint::internal {

namespace {

struct Instance {
  std::string address;
  std::map<std::string, Node> values;  // count.index, each.key, each.value
};

std::string key_text(const std::string& key) {
  std::string out = "[\"";
  for (char c : key) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return out + "\"]";
}

std::vector<Instance> instances(const HclBlock& role, const std::string& address, TfEvaluator& ev, const TfFile& f) {
  const HclAttribute* count = role.body.attribute("count");
  const HclAttribute* for_each = role.body.attribute("for_each");
  if (count == nullptr && for_each == nullptr) return {Instance{address, {}}};
  const HclAttribute& a = count != nullptr ? *count : *for_each;
  const Node v = ev.eval(*a.expr, f).node;
  std::vector<Instance> out;
  if (count != nullptr && v.kind == NodeKind::number && !tf_is_unknown(v)) {
    const unsigned long long n = std::strtoull(v.text.c_str(), nullptr, 10);
    for (unsigned long long i = 0; i < n && i < ev.options().limits.max_statements; ++i) {
      out.push_back(Instance{address + "[" + std::to_string(i) + "]", {{"count.index", Node{NodeKind::number, std::to_string(i), v.span, {}, {}, {}}}}});
    }
    return out;
  }
  if (for_each != nullptr && !tf_is_unknown(v) && (v.kind == NodeKind::object || v.kind == NodeKind::array)) {
    if (v.kind == NodeKind::object) {
      for (const Member& m : v.members) out.push_back(Instance{address + key_text(m.key), {{"each.key", tf_string(m.key, m.key_span)}, {"each.value", m.value}}});
    } else {
      for (const Node& i : v.items) out.push_back(Instance{address + key_text(i.text), {{"each.key", i}, {"each.value", i}}});
    }
    return out;
  }
  const std::string what = count != nullptr ? "count.index" : "each.key";
  Node unknown_key = ev.unknown(address + "." + what, std::string(count != nullptr ? "count" : "for_each") + " of " + address +
                                                          " is not known offline: one instance is read, with " + what + " unknown",
                                f, a.name_begin, a.expr->end);
  Instance one{address, {}};
  if (count != nullptr) {
    one.values["count.index"] = unknown_key;
  } else {
    one.values["each.key"] = unknown_key;
    one.values["each.value"] = unknown_key;
  }
  return {std::move(one)};
}

Result<Document> policy_of(const TfValue& v, const HclExpr& expr, const TfFile& f, const LoadOptions& options, Diagnostics diagnostics,
                           std::vector<std::string>& assumptions, const std::string& address) {
  if (v.node.tag == kEncodedTag && !v.node.items.empty()) {
    Node tree = v.node.items[0];
    tf_untag(tree);
    shape_federated_placeholders(tree, assumptions);
    const IacInput in{*v.file, options, true};
    return policy_from_tree(tree, in, std::move(diagnostics));
  }
  if (v.node.kind == NodeKind::string && v.node.tag != kUnknownTag) {
    const IacInput in{v.mapped ? *v.file : f.file, options, true};
    MappedText text;
    if (v.mapped) {
      text = *v.mapped;
    } else {  // a --tf-var value: every byte at the reference
      text.append(v.node.text, expr.begin);
      text.finish(expr.end);
      for (std::size_t& o : text.origin) o = expr.begin;
    }
    return policy_from_string(text, in, std::move(diagnostics));
  }
  diagnostics.push_back(make_error("TL089", "the assume_role_policy of " + address + " cannot be read offline",
                                   f.file.span(expr.begin, expr.end)));
  diagnostics.back().notes.push_back("write it with jsonencode({...}), a heredoc, file(), or a data \"aws_iam_policy_document\" in this module");
  return no_policy(std::move(diagnostics));
}

}  // namespace

Result<std::vector<PolicySource>> find_terraform_source_roles(const SourceFile& file, const LoadOptions& options,
                                                              bool read_directory) {
  TfJsonStrings strings;
  Result<HclBody> body = read_tf_body(file, options.limits, false, strings);
  if (!body.has_value()) return Result<std::vector<PolicySource>>::failure(body.take_diagnostics());
  std::unique_ptr<TfModule> module = load_tf_module(file, std::move(body).value(), std::move(strings), options, read_directory);
  const TfFile& f = *module->files.front();
  Diagnostics outside = module->problems;
  std::vector<PolicySource> sources;
  for (const HclBlock& b : f.body.blocks) {
    if (b.type == "module" && b.labels.size() == 1) {
      const HclAttribute* source = b.body.attribute("source");
      std::string where = source != nullptr ? std::string(file.text().substr(source->expr->begin, source->expr->end - source->expr->begin)) : "";
      outside.push_back(make_note("TL079", "module " + quote(b.labels[0]) + " is not followed: the roles it declares are checked "
                                               "when its own directory" + (where.empty() ? "" : " (" + where + ")") + " is linted",
                                  file.span(b.begin, b.type_end)));
      continue;
    }
    if (b.type != "resource" || b.labels.size() != 2 || b.labels[0] != "aws_iam_role") continue;
    const std::string address = "aws_iam_role." + b.labels[1];
    Diagnostics counting;
    std::vector<std::string> counting_assumptions;
    TfEvaluator counter(*module, options, counting, counting_assumptions);
    for (Instance& instance : instances(b, address, counter, f)) {
      Diagnostics diagnostics = counting;
      std::vector<std::string> assumptions = counting_assumptions;
      TfEvaluator ev(*module, options, diagnostics, assumptions);
      ev.instance = std::move(instance.values);
      const HclAttribute* policy = b.body.attribute("assume_role_policy");
      std::optional<TfValue> value;
      if (policy != nullptr) value = ev.eval(*policy->expr, f);  // before `diagnostics` is copied below
      Result<Document> document =
          policy == nullptr
              ? no_policy({make_error("TL081", address + " has no assume_role_policy", file.span(b.begin, b.type_end))})
              : policy_of(*value, *policy->expr, f, options, diagnostics, assumptions, instance.address);
      name_resource(document.diagnostics(), instance.address);
      std::vector<std::string> unique;
      for (std::string& a : assumptions) {
        if (std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(std::move(a));
      }
      assumptions = std::move(unique);
      sources.push_back(PolicySource{instance.address, "terraform", std::move(document), std::move(assumptions), ev.loaded_names()});
    }
  }
  return Result<std::vector<PolicySource>>(std::move(sources), std::move(outside));
}

}  // namespace trustlint::internal
