// TfEvaluator (tf_module.h): literals, templates, tuples, objects, references (var., local.,
// data.aws_iam_policy_document, count., each., for variables), operators, conditionals and for
// expressions. Evaluation is bounded: limits.max_depth of nested references and expressions,
// limits.max_nodes steps (TL008), and a local that refers to itself is a placeholder.
#include <algorithm>

#include "source/diagnostic_sink.h"
#include "iac/iac_source.h"
#include "iac/tf_module.h"

namespace trustlint::internal {

Node tf_string(std::string text, const Span& span) {
  Node n;
  n.kind = NodeKind::string;
  n.text = std::move(text);
  n.span = span;
  return n;
}

bool tf_is_unknown(const Node& n) {
  if (n.tag == kUnknownTag) return true;
  for (const Node& i : n.items) {
    if (n.tag != kEncodedTag && tf_is_unknown(i)) return true;
  }
  for (const Member& m : n.members) {
    if (tf_is_unknown(m.value)) return true;
  }
  return false;
}

std::string tf_render(const Node& n) {
  switch (n.kind) {
    case NodeKind::string: return n.tag == kEncodedTag ? "jsonencode(...)" : quote(n.text, 80);
    case NodeKind::null: return "null";
    case NodeKind::array: {
      std::string out = "[";
      for (const Node& i : n.items) out += (out.size() > 1 ? ", " : "") + tf_render(i);
      return out + "]";
    }
    case NodeKind::object: {
      std::string out = "{";
      for (const Member& m : n.members) out += (out.size() > 1 ? ", " : "") + m.key + " = " + tf_render(m.value);
      return out + "}";
    }
    default: return n.text;
  }
}

void tf_append_run(MappedText& out, std::string_view bytes, std::size_t from) {
  out.text.append(bytes);
  for (std::size_t i = 0; i < bytes.size(); ++i) out.origin.push_back(from + i);
}

void tf_untag(Node& n) {
  if (n.tag == kEncodedTag) {
    n.items.clear();
    n.text = "UNRESOLVED-jsonencode";
  }
  n.tag.clear();
  for (Node& i : n.items) tf_untag(i);
  for (Member& m : n.members) tf_untag(m.value);
}

Node TfEvaluator::unknown(const std::string& what, const std::string& why, const TfFile& f, std::size_t begin, std::size_t end) {
  Node n = tf_string(placeholder_text(what), f.file.span(begin, end));
  n.tag = kUnknownTag;
  Diagnostic d = make_warning("TL080", why + "; read as the placeholder " + quote(n.text, 100), n.span);
  d.notes.push_back("a placeholder equals no real value: a condition on it never holds, a negated one always does");
  push_once(std::move(d));
  const std::string assumption = quote(n.text, 100) + " stands for " + why;
  if (told_.insert(assumption).second) assumptions_.push_back(assumption);
  return n;
}

void TfEvaluator::push_once(Diagnostic d) {
  for (const Diagnostic& e : diagnostics_) {
    if (e.code == d.code && e.span.file == d.span.file && e.span.offset == d.span.offset && e.span.end_offset == d.span.end_offset &&
        e.message == d.message) {
      return;
    }
  }
  diagnostics_.push_back(std::move(d));
}

// A placeholder made elsewhere (a local, a variable without value) and used in a template: a
// TL080 at the use too, so that lint drops the findings about the text it lands in (a
// placeholder is not literal text: UNRESOLVED-… is no name Vercel issues, but the real value may be).
void TfEvaluator::used_here(const Node& v, const TfFile& f, std::size_t begin, std::size_t end) {
  const bool made_here = v.span.file == f.file.name() && v.span.offset >= begin && v.span.end_offset <= end;
  if (made_here) return;
  const std::string what(f.text(begin, end));
  Diagnostic d = make_warning("TL080", quote(what, 100) + " is known only when Terraform runs; its placeholder text is not checked as written here",
                              f.file.span(begin, end));
  d.notes.push_back("the placeholder comes from " + (v.span.known() ? v.span.file + ":" + std::to_string(v.span.line) : std::string("elsewhere")));
  push_once(std::move(d));
}

bool TfEvaluator::step(const TfFile& f, std::size_t at) {
  if (over_budget_) return false;
  if (++steps_ <= options_.limits.max_nodes) return true;
  over_budget_ = true;
  diagnostics_.push_back(make_error("TL008", "evaluating the Terraform expressions takes more than the limit of " +
                                                 group_thousands(options_.limits.max_nodes) + " steps",
                                    f.file.point(at)));
  return false;
}

TfValue TfEvaluator::eval(const HclExpr& e, const TfFile& f) {
  TfValue out;
  out.file = &f.file;
  const Span span = f.file.span(e.begin, e.end);
  if (!step(f, e.begin) || depth_ >= options_.limits.max_depth) {
    if (!over_budget_ && depth_ >= options_.limits.max_depth) {
      diagnostics_.push_back(make_error("TL007", "Terraform values refer to each other deeper than the limit of " +
                                                     std::to_string(options_.limits.max_depth) + " levels",
                                        span));
      over_budget_ = true;
    }
    out.node = tf_string(placeholder_text("too-deep"), span);
    out.node.tag = kUnknownTag;
    return out;
  }
  ++depth_;
  struct Leave {
    std::size_t& d;
    ~Leave() { --d; }
  } leave{depth_};
  switch (e.kind) {
    case HclExprKind::literal:
      out.node = e.value;
      out.node.span = span;
      return out;
    case HclExprKind::template_: return templated(e.parts, f, e.begin, e.end);
    case HclExprKind::parens: return eval(*e.items[0], f);
    case HclExprKind::tuple:
      out.node.kind = NodeKind::array;
      out.node.span = span;
      for (const HclExprPtr& item : e.items) out.node.items.push_back(eval(*item, f).node);
      return out;
    case HclExprKind::object:
      out.node.kind = NodeKind::object;
      out.node.span = span;
      for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
        const HclExpr& key = *e.items[i];
        const std::string text = key.kind == HclExprKind::variable ? key.name : eval(key, f).node.text;
        out.node.members.push_back(Member{text, f.file.span(key.begin, key.end), eval(*e.items[i + 1], f).node});
      }
      return out;
    case HclExprKind::variable:
    case HclExprKind::get_attr:
    case HclExprKind::index: return reference(e, f);
    case HclExprKind::call: return call(e, f);
    case HclExprKind::for_tuple:
    case HclExprKind::for_object: return for_expression(e, f);
    case HclExprKind::conditional: {
      const Node cond = eval(*e.items[0], f).node;
      if (cond.kind == NodeKind::boolean) return eval(*e.items[cond.text == "true" ? 1 : 2], f);
      out.node = unknown(f.text(e.begin, e.end),
                         "the condition " + quote(f.text(e.items[0]->begin, e.items[0]->end)) +
                             " cannot be evaluated offline",
                         f, e.begin, e.end);
      return out;
    }
    case HclExprKind::unary:
    case HclExprKind::binary: return operation(e, f);
    case HclExprKind::splat: break;
  }
  out.node = unknown(f.text(e.begin, e.end), "a splat expression is not evaluated", f,
                     e.begin, e.end);
  return out;
}

TfValue TfEvaluator::templated(const std::vector<HclTemplatePart>& parts, const TfFile& f, std::size_t begin, std::size_t end) {
  TfValue out;
  out.file = &f.file;
  // "${x}" alone is x itself, of whatever type (HCL's template unwrapping).
  if (parts.size() == 1 && parts[0].kind == HclTemplatePart::Kind::interpolation) {
    TfValue inner = eval(*parts[0].expr, f);
    if (inner.node.kind != NodeKind::string || inner.node.tag == kEncodedTag || tf_is_unknown(inner.node)) return inner;
    // "${file("trust.json")}" (how Terraform JSON writes a call): located in the file read.
    for (const TfFile& loaded : loaded_) {
      if (inner.mapped && inner.file == &loaded.file) return inner;
    }
  }
  MappedText text;
  bool is_unknown = false;
  append_parts(parts, f, text, is_unknown);
  text.finish(end > begin ? end - 1 : end);
  out.node = tf_string(text.text, f.file.span(begin, end));
  out.mapped = std::move(text);
  return out;
}

void TfEvaluator::append_parts(const std::vector<HclTemplatePart>& parts, const TfFile& f, MappedText& out, bool& is_unknown) {
  for (const HclTemplatePart& part : parts) {
    switch (part.kind) {
      case HclTemplatePart::Kind::literal:
        for (std::size_t i = 0; i < part.literal.text.size();) {  // runs of bytes from consecutive offsets
          const std::size_t from = part.literal.origin_of(i);
          std::size_t j = i + 1;
          while (j < part.literal.text.size() && part.literal.origin_of(j) == from + (j - i)) ++j;
          tf_append_run(out, std::string_view(part.literal.text).substr(i, j - i), from);
          i = j;
        }
        break;
      case HclTemplatePart::Kind::interpolation: {
        Node v = eval(*part.expr, f).node;
        const bool scalar = (v.kind == NodeKind::string && v.tag != kEncodedTag) || v.kind == NodeKind::number || v.kind == NodeKind::boolean;
        if (!scalar && !tf_is_unknown(v)) {  // Terraform refuses it: "Cannot include the given value in a string template"
          v = unknown(f.text(part.expr->begin, part.expr->end),
                      v.tag == kEncodedTag ? std::string("a jsonencode() value inside a longer template is not rendered")
                                           : "a " + std::string(v.kind == NodeKind::array ? "list" : v.kind == NodeKind::object ? "map or object" : "null") +
                                                 " is not a string: Terraform refuses it inside a template",
                      f, part.expr->begin, part.expr->end);
        } else if (tf_is_unknown(v)) {
          used_here(v, f, part.begin, part.end);
        }
        is_unknown = is_unknown || tf_is_unknown(v);
        std::string text = v.kind == NodeKind::string || v.kind == NodeKind::number || v.kind == NodeKind::boolean
                               ? v.text
                               : placeholder_text(f.text(part.expr->begin, part.expr->end));
        for (char c : text) out.append(std::string_view(&c, 1), part.begin);
        break;
      }
      case HclTemplatePart::Kind::if_directive: {
        const Node cond = eval(*part.expr, f).node;
        if (cond.kind == NodeKind::boolean) {
          append_parts(cond.text == "true" ? part.body : part.else_body, f, out, is_unknown);
        } else {
          const Node u = unknown("template-if", "a %{if} on a value known only at apply is not evaluated", f, part.begin, part.end);
          out.append(u.text, part.begin);
          is_unknown = true;
        }
        break;
      }
      case HclTemplatePart::Kind::for_directive: {
        const Node coll = eval(*part.expr, f).node;
        if (coll.kind != NodeKind::array && coll.kind != NodeKind::object) {
          const Node u = unknown("template-for", "a %{for} over a value known only at apply is not evaluated", f, part.begin, part.end);
          out.append(u.text, part.begin);
          is_unknown = true;
          break;
        }
        const std::size_t n = coll.kind == NodeKind::array ? coll.items.size() : coll.members.size();
        for (std::size_t i = 0; i < n && step(f, part.begin); ++i) {
          std::map<std::string, Node> scope;
          const bool arr = coll.kind == NodeKind::array;
          if (!part.key_var.empty()) {
            Node key = arr ? Node{NodeKind::number, std::to_string(i), coll.span, {}, {}, {}} : tf_string(coll.members[i].key, coll.members[i].key_span);
            scope[part.key_var] = std::move(key);
          }
          scope[part.value_var] = arr ? coll.items[i] : coll.members[i].value;
          scopes_.push_back(std::move(scope));
          append_parts(part.body, f, out, is_unknown);
          scopes_.pop_back();
        }
        break;
      }
    }
  }
}

TfValue TfEvaluator::for_expression(const HclExpr& e, const TfFile& f) {
  TfValue out;
  out.file = &f.file;
  const Node coll = eval(*e.items[0], f).node;
  const bool to_tuple = e.kind == HclExprKind::for_tuple;
  if (coll.kind != NodeKind::array && coll.kind != NodeKind::object) {
    out.node = unknown(f.text(e.begin, e.end),
                       "a for expression over a value known only at apply is not evaluated", f, e.begin, e.end);
    return out;
  }
  out.node.kind = to_tuple ? NodeKind::array : NodeKind::object;
  out.node.span = f.file.span(e.begin, e.end);
  const bool arr = coll.kind == NodeKind::array;
  const std::size_t n = arr ? coll.items.size() : coll.members.size();
  for (std::size_t i = 0; i < n && step(f, e.begin); ++i) {
    std::map<std::string, Node> scope;
    if (!e.key_var.empty()) {
      scope[e.key_var] = arr ? Node{NodeKind::number, std::to_string(i), coll.span, {}, {}, {}} : tf_string(coll.members[i].key, coll.members[i].key_span);
    }
    scope[e.value_var] = arr ? coll.items[i] : coll.members[i].value;
    scopes_.push_back(std::move(scope));
    const HclExpr* cond = e.items.back().get();
    bool keep = true;
    if (cond != nullptr) {
      const Node c = eval(*cond, f).node;
      keep = c.kind != NodeKind::boolean || c.text == "true";  // unknown: kept (never drop a value silently)
    }
    if (keep && to_tuple) out.node.items.push_back(eval(*e.items[1], f).node);
    if (keep && !to_tuple) {
      const Node key = eval(*e.items[1], f).node;
      out.node.members.push_back(Member{key.text, key.span, eval(*e.items[2], f).node});
    }
    scopes_.pop_back();
  }
  return out;
}

TfValue TfEvaluator::operation(const HclExpr& e, const TfFile& f) {
  TfValue out;
  out.file = &f.file;
  const Span span = f.file.span(e.begin, e.end);
  const std::string text(f.text(e.begin, e.end));
  const Node a = eval(*e.items[0], f).node;
  const Node b = e.kind == HclExprKind::binary ? eval(*e.items[1], f).node : Node{};
  auto boolean = [&](bool v) {
    out.node = Node{NodeKind::boolean, v ? "true" : "false", span, {}, {}, {}};
    return out;
  };
  if (!tf_is_unknown(a) && !tf_is_unknown(b)) {
    if (e.name == "!" && a.kind == NodeKind::boolean) return boolean(a.text != "true");
    if ((e.name == "&&" || e.name == "||") && a.kind == NodeKind::boolean && b.kind == NodeKind::boolean) {
      return boolean(e.name == "&&" ? (a.text == "true" && b.text == "true") : (a.text == "true" || b.text == "true"));
    }
    if ((e.name == "==" || e.name == "!=") && a.is_scalar() && b.is_scalar()) {
      return boolean((a.kind == b.kind && a.text == b.text) == (e.name == "=="));
    }
    if (a.kind == NodeKind::number && (e.kind == HclExprKind::unary || b.kind == NodeKind::number)) {
      try {
        const double x = std::stod(a.text), y = e.kind == HclExprKind::unary ? 0 : std::stod(b.text);
        double r = 0;
        bool ok = true;
        if (e.name == "-" && e.kind == HclExprKind::unary) r = -x;
        else if (e.name == "+") r = x + y;
        else if (e.name == "-") r = x - y;
        else if (e.name == "*") r = x * y;
        else if (e.name == "<" || e.name == ">" || e.name == "<=" || e.name == ">=") {
          return boolean(e.name == "<" ? x < y : e.name == ">" ? x > y : e.name == "<=" ? x <= y : x >= y);
        } else ok = false;
        if (ok && r == static_cast<double>(static_cast<long long>(r))) {
          out.node = Node{NodeKind::number, std::to_string(static_cast<long long>(r)), span, {}, {}, {}};
          return out;
        }
      } catch (...) {  // NOLINT: a number too large for stod; left unknown
      }
    }
  }
  out.node = unknown(text, "the expression " + quote(text) + " is not evaluated offline", f, e.begin, e.end);
  return out;
}

}  // namespace trustlint::internal
