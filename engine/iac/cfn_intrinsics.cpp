// IntrinsicResolver: the walk, Ref, Fn::GetAtt, Fn::Sub, pseudo parameters and placeholders.
// The list functions and conditions (Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::If)
// are in cfn_functions.cpp.
#include "iac/cfn_intrinsics.h"

#include "source/diagnostic_sink.h"

namespace trustlint::internal {

namespace {

// References followed plus nesting walked; past it a value is unknown (a Url referring to its
// own provider, conditions referring to each other).
constexpr std::size_t kMaxDepth = 160;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

IntrinsicResolver::IntrinsicResolver(const Node& root, const IacInput& in)
    : in_(in),
      parameters_(root.get("Parameters")),
      resources_(root.get("Resources")),
      mappings_(root.get("Mappings")),
      conditions_(root.get("Conditions")) {}

std::optional<Node> IntrinsicResolver::resolve(const Node& node) {
  Value v = resolve_node(node, 0);
  if (v.no_value) return std::nullopt;
  return std::move(v.node);
}

std::optional<MappedText> IntrinsicResolver::resolve_mapped(const Node& node) {
  if (node.kind == NodeKind::string && node.tag.empty()) return mapped_string(node, in_);
  std::optional<Call> call = as_call(node);
  if (call && call->function == "Fn::Sub") {
    const Node* format = call->argument;
    const Node* variables = nullptr;
    if (format->kind == NodeKind::array && !format->items.empty()) {
      variables = format->items.size() > 1 ? &format->items[1] : nullptr;
      format = &format->items[0];
    }
    bool unknown = false;
    if (format->kind == NodeKind::string) return sub_mapped(*format, variables, 1, unknown);
  }
  Value v = resolve_node(node, 0);
  if (v.no_value || v.node.kind != NodeKind::string) return std::nullopt;
  MappedText out;  // every byte from where the value is written
  out.append(v.node.text, v.node.span.offset);
  out.finish(v.node.span.end_offset);
  return out;
}

std::optional<IntrinsicResolver::Call> IntrinsicResolver::as_call(const Node& node) const {
  if (node.tag.size() > 1 && node.tag[0] == '!' && node.tag[1] != '!') {
    const std::string name = node.tag.substr(1);
    return Call{name == "Ref" || name == "Condition" ? name : "Fn::" + name, &node, true, &node};
  }
  if (node.kind == NodeKind::object && node.members.size() == 1) {
    const Member& m = node.members[0];
    if (m.key == "Ref" || m.key.rfind("Fn::", 0) == 0) return Call{m.key, &m.value, false, &node};
  }
  return std::nullopt;
}

IntrinsicResolver::Value IntrinsicResolver::resolve_node(const Node& node, std::size_t depth, bool plain) {
  if (++work_ > in_.options.limits.max_nodes) {
    Value v;
    v.unknown = true;
    v.node = located_scalar(node, placeholder_text("too-much-work"));
    if (!exhausted_) {
      exhausted_ = true;
      diagnostics_.push_back(make_error("TL008",
                                        "resolving the template's intrinsic functions takes more than " +
                                            group_thousands(in_.options.limits.max_nodes) + " steps; the rest are placeholders",
                                        v.node.span));
    }
    return v;
  }
  if (depth > kMaxDepth) {
    return unknown(node, "nested", "intrinsic functions nested or referring to each other more than " +
                                       std::to_string(kMaxDepth) + " levels deep");
  }
  if (!plain) {
    if (std::optional<Call> call = as_call(node)) return resolve_call(*call, depth + 1);
  }
  Value out;
  out.node.kind = node.kind;
  out.node.text = node.text;
  out.node.span = plain ? content_span(node) : node.span;
  if (!plain) out.node.tag = node.tag;
  for (const Node& item : node.items) {
    Value v = resolve_node(item, depth + 1);
    if (v.no_value) continue;
    out.unknown = out.unknown || v.unknown;
    out.node.items.push_back(std::move(v.node));
  }
  for (const Member& m : node.members) {
    Value v = resolve_node(m.value, depth + 1);
    if (v.no_value) continue;
    out.unknown = out.unknown || v.unknown;
    out.node.members.push_back(Member{m.key, m.key_span, std::move(v.node)});
  }
  return out;
}

IntrinsicResolver::Value IntrinsicResolver::resolve_call(const Call& call, std::size_t depth) {
  const std::string& f = call.function;
  const Node& whole = *call.whole;
  if (f == "Ref") {
    Value name = argument(call, depth);
    if (std::optional<std::string> text = scalar_text(&name.node)) return ref(*text, whole, depth);
    return unknown(whole, "Ref", "Ref takes the name of a parameter or a resource");
  }
  if (f == "Fn::GetAtt") {
    const Node& arg = *call.argument;
    if (arg.kind == NodeKind::string) {  // !GetAtt Resource.Attribute
      const std::size_t dot = arg.text.find('.');
      if (dot != std::string::npos) return get_att(arg.text.substr(0, dot), arg.text.substr(dot + 1), whole, depth);
    }
    Value v = argument(call, depth);
    if (v.node.kind == NodeKind::array && v.node.items.size() == 2) {
      auto resource = scalar_text(&v.node.items[0]);
      auto attribute = scalar_text(&v.node.items[1]);
      if (resource && attribute) return get_att(*resource, *attribute, whole, depth);
    }
    return unknown(whole, "GetAtt", "Fn::GetAtt takes [resource, attribute]");
  }
  if (f == "Fn::Sub") return sub(call, depth);
  if (f == "Fn::Join") return join(call, depth);
  if (f == "Fn::Select") return select(call, depth);
  if (f == "Fn::Split") return split(call, depth);
  if (f == "Fn::FindInMap") return find_in_map(call, depth);
  if (f == "Fn::If") return choose(call, depth);
  const std::string name = f.rfind("Fn::", 0) == 0 ? f.substr(4) : f;
  std::string shown = call.short_form ? "!" + name : f;
  std::string what = name;
  if (const auto text = scalar_text(call.argument)) {
    shown += " " + quote(*text);
    what += "-" + *text;
  }
  return unknown(whole, what, "the value of " + shown + " is known only when the stack is deployed");
}

IntrinsicResolver::Value IntrinsicResolver::argument(const Call& call, std::size_t depth) {
  return resolve_node(*call.argument, depth + 1, call.short_form);
}

std::optional<std::string> IntrinsicResolver::pseudo_parameter(const std::string& name) {
  struct Pseudo {
    const char* name;
    const char* value;
    const char* why;
  };
  static constexpr Pseudo kPseudo[] = {
      {"AWS::AccountId", "000000000000", "a placeholder for the account the stack is deployed in"},
      {"AWS::Partition", "aws", "the commercial partition (aws-cn and aws-us-gov are the others)"},
      {"AWS::Region", "us-east-1", "a placeholder for the region the stack is deployed in"},
      {"AWS::URLSuffix", "amazonaws.com", "the suffix outside China"},
  };
  for (const Pseudo& p : kPseudo) {
    if (name != p.name) continue;
    assume(name + " = " + p.value + ": " + p.why);
    return std::string(p.value);
  }
  return std::nullopt;
}

IntrinsicResolver::Value IntrinsicResolver::ref(const std::string& name, const Node& whole, std::size_t depth) {
  if (name == "AWS::NoValue") {
    Value v;
    v.no_value = true;
    return v;
  }
  if (std::optional<std::string> value = pseudo_parameter(name)) return Value{located_scalar(whole, *value)};
  if (name.rfind("AWS::", 0) == 0) {
    return unknown(whole, name, "the pseudo parameter " + name + " is known only when the stack is deployed");
  }
  if (const Node* parameter = parameters_ != nullptr ? parameters_->get(name) : nullptr) {
    const Node* fallback = parameter->get("Default");
    const std::optional<std::string> value = scalar_text(fallback);
    if (!value) {
      return unknown(whole, name, "parameter " + name + " has no Default: its value is known only when the stack is deployed");
    }
    assume("parameter " + name + " = " + quote(*value, 200) + ": its Default (a deployment may pass another value)");
    const std::string type = scalar_text(parameter->get("Type")).value_or("String");
    if (type != "CommaDelimitedList" && type.rfind("List<", 0) != 0) return Value{located_scalar(whole, *value)};
    Value list;
    list.node.kind = NodeKind::array;
    list.node.span = content_span(whole);
    for (std::size_t from = 0;;) {
      const std::size_t comma = value->find(',', from);
      list.node.items.push_back(located_scalar(whole, value->substr(from, comma - from)));
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    return list;
  }
  if (const Node* resource = resources_ != nullptr ? resources_->get(name) : nullptr) {
    const std::string type = scalar_text(resource->get("Type")).value_or("?");
    // CDK's iam.OpenIdConnectProvider is a custom resource whose Ref is the provider's ARN, made
    // from its Url as AWS::IAM::OIDCProvider's is.
    if (type == "AWS::IAM::OIDCProvider" || type == "Custom::AWSCDKOpenIdConnectProvider") {
      return oidc_provider_arn(name, *resource, whole, depth);
    }
    return unknown(whole, name, "Ref " + name + " (" + type + ") is known only when the stack is deployed");
  }
  return unknown(whole, name, "Ref " + quote(name) + " names neither a parameter nor a resource of this template");
}

IntrinsicResolver::Value IntrinsicResolver::get_att(const std::string& resource, const std::string& attribute,
                                                    const Node& whole, std::size_t depth) {
  const Node* definition = resources_ != nullptr ? resources_->get(resource) : nullptr;
  if (definition != nullptr && attribute == "Arn" &&
      scalar_text(definition->get("Type")).value_or("") == "AWS::IAM::OIDCProvider") {
    return oidc_provider_arn(resource, *definition, whole, depth);
  }
  const std::string what = resource + "." + attribute;
  if (definition == nullptr) {
    return unknown(whole, what, "Fn::GetAtt " + what + ": " + quote(resource) + " is not a resource of this template");
  }
  return unknown(whole, what, "Fn::GetAtt " + what + " is known only when the stack is deployed");
}

IntrinsicResolver::Value IntrinsicResolver::oidc_provider_arn(const std::string& resource, const Node& definition,
                                                              const Node& whole, std::size_t depth) {
  const Node* properties = definition.get("Properties");
  const Node* url = properties != nullptr ? properties->get("Url") : nullptr;
  if (url == nullptr) return unknown(whole, resource + ".Arn", "OIDC provider " + resource + " has no Url");
  Value u = resolve_node(*url, depth + 1);
  std::optional<std::string> text = scalar_text(&u.node);
  if (u.unknown || !text) {
    return unknown(whole, resource + ".Arn",
                   "the ARN of OIDC provider " + resource + " depends on its Url, which the template does not determine");
  }
  std::string host = *text;
  if (host.rfind("https://", 0) == 0) host.erase(0, 8);
  while (!host.empty() && host.back() == '/') host.pop_back();
  const std::string arn = "arn:" + *pseudo_parameter("AWS::Partition") + ":iam::" + *pseudo_parameter("AWS::AccountId") +
                          ":oidc-provider/" + host;
  const std::string type = scalar_text(definition.get("Type")).value_or("AWS::IAM::OIDCProvider");
  assume(resource + " (" + type + ") has the ARN " + arn + ", made from its Url");
  return Value{located_scalar(whole, arn)};
}

IntrinsicResolver::Value IntrinsicResolver::sub(const Call& call, std::size_t depth) {
  const Node* format = call.argument;
  const Node* variables = nullptr;
  if (format->kind == NodeKind::array && !format->items.empty()) {
    variables = format->items.size() > 1 ? &format->items[1] : nullptr;
    format = &format->items[0];
  }
  if (format->kind != NodeKind::string) return unknown(*call.whole, "Sub", "Fn::Sub takes a string or [string, {variables}]");
  bool is_unknown = false;
  std::optional<MappedText> text = sub_mapped(*format, variables, depth, is_unknown);
  Value v;
  v.unknown = is_unknown;
  v.node = located_scalar(*format, text->text);
  return v;
}

std::optional<MappedText> IntrinsicResolver::sub_mapped(const Node& format, const Node* variables, std::size_t depth,
                                                        bool& is_unknown) {
  const MappedText source = in_.json ? mapped_string(format, in_)
                                     : align_scalar(in_.file.text(), content_span(format).offset,
                                                    format.span.end_offset, format.text);
  const std::string& t = source.text;
  MappedText out;
  std::size_t i = 0;
  while (i < t.size()) {
    const std::size_t close = t.compare(i, 2, "${") == 0 ? t.find('}', i + 2) : std::string::npos;
    if (close == std::string::npos) {
      out.append(std::string_view(t).substr(i, 1), source.origin[i]);
      ++i;
      continue;
    }
    std::string name = t.substr(i + 2, close - i - 2);
    if (!name.empty() && name[0] == '!') {  // ${!Literal} is written as ${Literal}
      out.append("${", source.origin[i]);
      for (std::size_t k = i + 3; k <= close; ++k) out.append(std::string_view(t).substr(k, 1), source.origin[k]);
      i = close + 1;
      continue;
    }
    while (!name.empty() && is_blank(name.back())) name.pop_back();
    while (!name.empty() && is_blank(name.front())) name.erase(0, 1);
    Node at;  // where ${Name} is written, for diagnostics about it
    at.span = in_.file.span(source.origin[i], std::max(source.origin[i], source.origin[close] + 1));
    const Node* bound = variables != nullptr ? variables->get(name) : nullptr;
    const std::size_t dot = name.find('.');
    Value v = bound != nullptr                ? resolve_node(*bound, depth + 1)
              : dot != std::string::npos ? get_att(name.substr(0, dot), name.substr(dot + 1), at, depth + 1)
                                              : ref(name, at, depth + 1);
    std::optional<std::string> value = scalar_text(&v.node);
    if (!value) v = unknown(at, name, "${" + name + "} in Fn::Sub is not a single value");
    is_unknown = is_unknown || v.unknown;
    out.append(scalar_text(&v.node).value_or(""), source.origin[i]);
    i = close + 1;
  }
  out.finish(source.origin.back());
  if (out.text.size() > max_built_string()) {
    is_unknown = true;
    const Value v = unknown(format, "Sub", "Fn::Sub builds a string longer than " + group_thousands(max_built_string()) + " bytes");
    out = MappedText{};
    out.append(v.node.text, format.span.offset);
    out.finish(format.span.end_offset);
  }
  return out;
}

std::size_t IntrinsicResolver::max_built_string() const { return 16 * in_.options.limits.max_string_length; }

IntrinsicResolver::Value IntrinsicResolver::unknown(const Node& whole, const std::string& what, const std::string& why) {
  Value v;
  v.unknown = true;
  v.node = located_scalar(whole, placeholder_text(what));
  Diagnostic d = make_warning("TL080", why + "; read as the placeholder " + quote(v.node.text, 100), v.node.span);
  d.notes.push_back("a placeholder equals no real value: a condition on it never holds, a negated one always does");
  if (reported_.emplace(d.span.offset, d.message).second) diagnostics_.push_back(std::move(d));
  assume(quote(v.node.text, 100) + " stands for a value known only at deployment (" + why + ")");
  return v;
}

Node IntrinsicResolver::located_scalar(const Node& whole, std::string text) const {
  Node n;
  n.kind = NodeKind::string;
  n.text = std::move(text);
  n.span = content_span(whole);
  return n;
}

Span IntrinsicResolver::content_span(const Node& node) const {
  if (node.tag.empty() || !node.span.known()) return node.span;
  const std::string_view text = in_.file.text();
  std::size_t pos = node.span.offset;
  const std::size_t end = std::min<std::size_t>(node.span.end_offset, text.size());
  if (pos < end && text[pos] == '!') {
    while (pos < end && !is_blank(text[pos])) ++pos;
    while (pos < end && is_blank(text[pos])) ++pos;
  }
  return in_.file.span(pos, end);
}

void IntrinsicResolver::assume(std::string assumption) {
  if (assumed_.insert(assumption).second) assumptions_.push_back(std::move(assumption));
}

}  // namespace trustlint::internal
