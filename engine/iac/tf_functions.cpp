// TfEvaluator::call (tf_module.h): the Terraform functions trust policies are written with:
// jsonencode, file and templatefile (read relative to the module, located in that file), and the
// collection and string functions that build lists of subjects (concat, merge, flatten, distinct,
// compact, join, format with %s, lower, upper, trimspace, replace, length, lookup, element,
// coalesce, try, tolist, toset, tomap). Any other function is a placeholder (TL080).
#include <filesystem>

#include <algorithm>

#include "source/diagnostic_sink.h"
#include "iac/iac_source.h"
#include "iac/tf_module.h"

namespace trustlint::internal {

const TfFile* TfEvaluator::load_file(const std::string& path, const TfFile& from, std::size_t begin, std::size_t end) {
  std::filesystem::path p(path);
  if (p.is_relative() && !module_.directory.empty() && path.rfind(module_.directory + "/", 0) != 0) p = std::filesystem::path(module_.directory) / p;
  Result<SourceFile> read = read_source_file(p.lexically_normal().generic_string(), options_.limits);
  if (!read.has_value()) {
    Diagnostics why = read.take_diagnostics();
    Diagnostic d = make_error("TL088", "cannot read " + quote(p.generic_string()) + ", the file this call reads", from.file.span(begin, end));
    for (const Diagnostic& w : why) d.notes.push_back(w.message);
    diagnostics_.push_back(std::move(d));
    return nullptr;
  }
  loaded_.push_back(TfFile{std::move(read).value(), HclBody{}, {}});
  return &loaded_.back();
}

std::vector<std::string> TfEvaluator::loaded_names() const {
  std::vector<std::string> out;
  for (const TfFile& f : loaded_) {
    if (std::find(out.begin(), out.end(), f.file.name()) == out.end()) out.push_back(f.file.name());
  }
  return out;
}

TfValue TfEvaluator::call(const HclExpr& e, const TfFile& f) {
  TfValue out;
  out.file = &f.file;
  const Span span = f.file.span(e.begin, e.end);
  const std::string text(f.text(e.begin, e.end));
  const std::string& fn = e.name;
  auto arg = [&](std::size_t i) { return eval(*e.items[i], f); };
  auto give_up = [&](const std::string& why) {
    out.node = unknown(text, why, f, e.begin, e.end);
    out.mapped.reset();
    return out;
  };
  if (e.expand) return give_up("a call with an expanded argument (...) is not evaluated");
  const std::size_t n = e.items.size();
  if (fn == "jsonencode" && n == 1) {
    out.node = tf_string("", span);
    out.node.tag = kEncodedTag;
    out.node.items.push_back(arg(0).node);
    return out;
  }
  if ((fn == "file" || fn == "templatefile") && n >= 1) {
    const Node path = arg(0).node;
    if (path.kind != NodeKind::string || tf_is_unknown(path)) return give_up("the path of " + fn + "() is not known offline");
    const TfFile* loaded = load_file(path.text, f, e.begin, e.end);
    if (loaded == nullptr) return give_up(fn + "() reads a file that cannot be read");
    if (fn == "file") {
      out.file = &loaded->file;
      out.node = tf_string(loaded->file.text(), loaded->file.span(0, loaded->file.text().size()));
      MappedText m;
      tf_append_run(m, loaded->file.text(), 0);
      m.finish(loaded->file.text().size());
      out.mapped = std::move(m);
      return out;
    }
    Result<std::vector<HclTemplatePart>> parts = read_hcl_template(loaded->file, options_.limits);
    if (!parts.has_value()) {
      for (Diagnostic& d : parts.take_diagnostics()) diagnostics_.push_back(std::move(d));
      return give_up("the template of templatefile() does not parse");
    }
    std::map<std::string, Node> scope;
    if (n >= 2) {
      const Node vars = arg(1).node;
      for (const Member& m : vars.members) scope[m.key] = m.value;
    }
    scopes_.push_back(std::move(scope));
    out = templated(parts.value(), *loaded, 0, loaded->file.text().size());
    scopes_.pop_back();
    return out;
  }
  if (fn == "tolist" || fn == "toset" || fn == "tomap" || fn == "tostring") {
    if (n != 1) return give_up(fn + "() takes one argument");
    return arg(0);
  }
  if (fn == "try" || fn == "coalesce") {
    for (std::size_t i = 0; i < n; ++i) {
      TfValue v = arg(i);
      if (tf_is_unknown(v.node)) return give_up(fn + "() of a value known only at apply");
      if (fn == "try" || !(v.node.kind == NodeKind::null || (v.node.kind == NodeKind::string && v.node.text.empty()))) return v;
    }
    return give_up(fn + "() has no usable argument");
  }
  std::vector<Node> args;
  for (std::size_t i = 0; i < n; ++i) {
    args.push_back(arg(i).node);
    if (tf_is_unknown(args.back())) return give_up(fn + "() of a value known only at apply");
  }
  out.node.span = span;
  auto all = [&](NodeKind k) { return std::all_of(args.begin(), args.end(), [k](const Node& a) { return a.kind == k; }); };
  if ((fn == "concat" || fn == "flatten" || fn == "distinct" || fn == "compact") && all(NodeKind::array)) {
    out.node.kind = NodeKind::array;
    std::vector<const Node*> pending;
    for (const Node& a : args) {
      for (const Node& i : a.items) pending.push_back(&i);
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const Node& item = *pending[i];
      if (fn == "flatten" && item.kind == NodeKind::array) {
        out.node.items.insert(out.node.items.end(), item.items.begin(), item.items.end());
        continue;
      }
      if (fn == "compact" && item.kind == NodeKind::string && item.text.empty()) continue;
      if (fn == "distinct" && std::any_of(out.node.items.begin(), out.node.items.end(), [&](const Node& o) { return o.text == item.text && o.kind == item.kind && item.is_scalar(); })) continue;
      out.node.items.push_back(item);
    }
    return out;
  }
  if (fn == "merge" && all(NodeKind::object)) {
    out.node.kind = NodeKind::object;
    for (const Node& a : args) {
      for (const Member& m : a.members) {
        bool replaced = false;
        for (Member& o : out.node.members) {
          if (o.key == m.key) {
            o = m;
            replaced = true;
          }
        }
        if (!replaced) out.node.members.push_back(m);
      }
    }
    return out;
  }
  if (fn == "join" && n == 2 && args[0].kind == NodeKind::string && args[1].kind == NodeKind::array) {
    std::string s;
    for (std::size_t i = 0; i < args[1].items.size(); ++i) s += (i ? args[0].text : "") + args[1].items[i].text;
    out.node = tf_string(s, span);
    return out;
  }
  if (fn == "format" && n >= 1 && args[0].kind == NodeKind::string) {
    std::string s;
    std::size_t next = 1;
    const std::string& fmt = args[0].text;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
      if (fmt[i] != '%') {
        s += fmt[i];
      } else if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
        s += '%';
        ++i;
      } else if (i + 1 < fmt.size() && (fmt[i + 1] == 's' || fmt[i + 1] == 'd') && next < n && args[next].is_scalar()) {
        s += args[next++].text;
        ++i;
      } else {
        return give_up("format() with verbs other than %s and %d is not evaluated");
      }
    }
    out.node = tf_string(s, span);
    return out;
  }
  if ((fn == "lower" || fn == "upper" || fn == "trimspace") && n == 1 && args[0].kind == NodeKind::string) {
    std::string s = args[0].text;
    if (fn == "trimspace") {
      const std::size_t b = s.find_first_not_of(" \t\r\n");
      s = b == std::string::npos ? "" : s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
    } else {
      for (char& c : s) c = fn == "lower" ? (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) : (c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    }
    out.node = tf_string(s, span);
    return out;
  }
  if (fn == "replace" && n == 3 && all(NodeKind::string) && !args[1].text.empty() && args[1].text.front() != '/') {
    std::string s = args[0].text;
    for (std::size_t p = s.find(args[1].text); p != std::string::npos; p = s.find(args[1].text, p + args[2].text.size())) {
      s.replace(p, args[1].text.size(), args[2].text);
    }
    out.node = tf_string(s, span);
    return out;
  }
  if (fn == "length" && n == 1) {
    const std::size_t len = args[0].kind == NodeKind::array ? args[0].items.size()
                            : args[0].kind == NodeKind::object ? args[0].members.size()
                                                               : args[0].text.size();
    out.node = Node{NodeKind::number, std::to_string(len), span, {}, {}, {}};
    return out;
  }
  if (fn == "lookup" && n >= 2 && args[0].kind == NodeKind::object) {
    if (const Node* v = args[0].get(args[1].text)) {
      out.node = *v;
      return out;
    }
    if (n == 3) {
      out.node = args[2];
      return out;
    }
  }
  if (fn == "element" && n == 2 && args[0].kind == NodeKind::array && !args[0].items.empty() && args[1].kind == NodeKind::number) {
    out.node = args[0].items[std::strtoull(args[1].text.c_str(), nullptr, 10) % args[0].items.size()];
    return out;
  }
  return give_up(fn + "() is not evaluated offline");
}

}  // namespace trustlint::internal
