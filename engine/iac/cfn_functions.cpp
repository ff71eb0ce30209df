// IntrinsicResolver: Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, and Fn::If with the
// template's Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition) decided from the
// parameter Defaults when they can be.
#include "iac/cfn_intrinsics.h"

#include "source/diagnostic_sink.h"

namespace trustlint::internal {

namespace {

constexpr std::size_t kMaxConditionDepth = 64;

const Node* item(const Node& node, std::size_t i) {
  return node.kind == NodeKind::array && i < node.items.size() ? &node.items[i] : nullptr;
}

}  // namespace

IntrinsicResolver::Value IntrinsicResolver::join(const Call& call, std::size_t depth) {
  Value arg = argument(call, depth);
  const std::optional<std::string> delimiter = scalar_text(item(arg.node, 0));
  const Node* list = item(arg.node, 1);
  if (!delimiter || list == nullptr || list->kind != NodeKind::array) {
    if (arg.unknown && delimiter) return unknown(*call.whole, "Join", "Fn::Join of a list the template does not determine");
    return unknown(*call.whole, "Join", "Fn::Join takes [delimiter, [values]]");
  }
  std::string joined;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const std::optional<std::string> part = scalar_text(&list->items[i]);
    if (!part) return unknown(*call.whole, "Join", "Fn::Join of a value that is not a string");
    joined += (i == 0 ? "" : *delimiter) + *part;
    if (joined.size() > max_built_string()) {
      return unknown(*call.whole, "Join", "Fn::Join builds a string longer than " + group_thousands(max_built_string()) + " bytes");
    }
  }
  Value v{located_scalar(*call.whole, joined)};
  v.unknown = arg.unknown;
  return v;
}

IntrinsicResolver::Value IntrinsicResolver::select(const Call& call, std::size_t depth) {
  Value arg = argument(call, depth);
  const std::optional<std::string> index = scalar_text(item(arg.node, 0));
  const Node* list = item(arg.node, 1);
  std::size_t i = 0;
  bool valid = index && !index->empty() && index->size() < 9;
  for (char c : valid ? *index : std::string()) {
    if (c < '0' || c > '9') valid = false;
    i = i * 10 + static_cast<std::size_t>(c - '0');
  }
  if (!valid || list == nullptr || list->kind != NodeKind::array || i >= list->items.size()) {
    return unknown(*call.whole, "Select", "Fn::Select of an index or list the template does not determine");
  }
  Value v{list->items[i]};
  v.unknown = arg.unknown;
  return v;
}

IntrinsicResolver::Value IntrinsicResolver::split(const Call& call, std::size_t depth) {
  Value arg = argument(call, depth);
  const std::optional<std::string> delimiter = scalar_text(item(arg.node, 0));
  const std::optional<std::string> text = scalar_text(item(arg.node, 1));
  if (!delimiter || delimiter->empty() || !text) {
    return unknown(*call.whole, "Split", "Fn::Split of a string the template does not determine");
  }
  Value v;
  v.unknown = arg.unknown;
  v.node.kind = NodeKind::array;
  v.node.span = content_span(*call.whole);
  for (std::size_t from = 0;;) {
    const std::size_t at = text->find(*delimiter, from);
    v.node.items.push_back(located_scalar(*call.whole, text->substr(from, at - from)));
    if (at == std::string::npos) break;
    from = at + delimiter->size();
  }
  return v;
}

IntrinsicResolver::Value IntrinsicResolver::find_in_map(const Call& call, std::size_t depth) {
  Value arg = argument(call, depth);
  const std::optional<std::string> map = scalar_text(item(arg.node, 0));
  const std::optional<std::string> top = scalar_text(item(arg.node, 1));
  const std::optional<std::string> second = scalar_text(item(arg.node, 2));
  const Node* found = nullptr;
  if (map && top && second && mappings_ != nullptr) {
    const Node* m = mappings_->get(*map);
    const Node* t = m != nullptr ? m->get(*top) : nullptr;
    found = t != nullptr ? t->get(*second) : nullptr;
  }
  if (found == nullptr) {
    if (const Node* options = item(arg.node, 3); options != nullptr && options->get("DefaultValue") != nullptr) {
      Value v{*options->get("DefaultValue")};
      v.unknown = arg.unknown;
      return v;
    }
    return unknown(*call.whole, "FindInMap", "Fn::FindInMap of keys the template does not determine, or not in Mappings");
  }
  Value v = resolve_node(*found, depth + 1);
  v.unknown = v.unknown || arg.unknown;
  return v;
}

IntrinsicResolver::Value IntrinsicResolver::choose(const Call& call, std::size_t depth) {
  const Node& arg = *call.argument;
  const std::optional<std::string> name = scalar_text(item(arg, 0));
  if (!name || item(arg, 2) == nullptr) return unknown(*call.whole, "If", "Fn::If takes [condition, value if true, value if false]");
  std::optional<bool> holds = named_condition(*name, depth + 1);
  if (!holds) {
    Diagnostic d = make_warning("TL080",
                                "condition " + quote(*name) +
                                    " is decided only when the stack is deployed; read as true (the first value of Fn::If)",
                                content_span(*call.whole));
    d.notes.push_back("lint the other branch by giving its parameters Defaults that make the condition false");
    if (reported_.emplace(d.span.offset, d.message).second) diagnostics_.push_back(std::move(d));
    assume("condition " + *name + " is assumed true: Fn::If takes its first value");
    holds = true;
  } else {
    assume("condition " + *name + " is " + (*holds ? "true" : "false") + " with the parameter Defaults: Fn::If takes its " +
           (*holds ? "first" : "second") + " value");
  }
  return resolve_node(*item(arg, *holds ? 1 : 2), depth + 1);
}

std::optional<bool> IntrinsicResolver::condition(const std::string& name) { return named_condition(name, 0); }

std::optional<bool> IntrinsicResolver::named_condition(const std::string& name, std::size_t depth) {
  const Node* expression = conditions_ != nullptr ? conditions_->get(name) : nullptr;
  if (expression == nullptr || depth > kMaxConditionDepth) return std::nullopt;
  return evaluate_condition(*expression, depth + 1);
}

std::optional<bool> IntrinsicResolver::evaluate_condition(const Node& expression, std::size_t depth) {
  if (depth > kMaxConditionDepth || ++work_ > in_.options.limits.max_nodes) return std::nullopt;
  if (expression.kind == NodeKind::object && expression.members.size() == 1 && expression.members[0].key == "Condition") {
    const std::optional<std::string> name = scalar_text(&expression.members[0].value);
    return name ? named_condition(*name, depth + 1) : std::nullopt;
  }
  const std::optional<Call> call = as_call(expression);
  if (!call) return std::nullopt;
  const Node& arg = *call->argument;
  const std::string& f = call->function;
  if (f == "Condition") {
    const std::optional<std::string> name = scalar_text(&arg);
    return name ? named_condition(*name, depth + 1) : std::nullopt;
  }
  if (f == "Fn::Equals") {
    if (item(arg, 0) == nullptr || item(arg, 1) == nullptr) return std::nullopt;
    Value a = resolve_node(*item(arg, 0), depth + 1);
    Value b = resolve_node(*item(arg, 1), depth + 1);
    const std::optional<std::string> x = scalar_text(&a.node);
    const std::optional<std::string> y = scalar_text(&b.node);
    if (a.unknown || b.unknown || !x || !y) return std::nullopt;
    return *x == *y;
  }
  if (f == "Fn::Not") {
    if (item(arg, 0) == nullptr) return std::nullopt;
    const std::optional<bool> inner = evaluate_condition(*item(arg, 0), depth + 1);
    return inner ? std::optional<bool>(!*inner) : std::nullopt;
  }
  if (f == "Fn::And" || f == "Fn::Or") {
    const bool is_and = f == "Fn::And";
    bool undecided = false;
    for (const Node& operand : arg.items) {
      const std::optional<bool> v = evaluate_condition(operand, depth + 1);
      if (!v) undecided = true;
      else if (*v != is_and) return !is_and;  // a false operand decides And, a true one Or
    }
    return undecided ? std::nullopt : std::optional<bool>(is_and);
  }
  return std::nullopt;
}

}  // namespace trustlint::internal
