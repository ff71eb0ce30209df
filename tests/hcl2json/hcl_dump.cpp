// hcl_dump: prints what trustlint's HCL reader read from a .tf file in the JSON shape of
// hcl2json (the cross-check's reference, HashiCorp's parser): blocks nested by type and labels,
// literal values decoded, templates with their interpolations as "${source}", any other
// expression as "${source}" (its exact bytes). Test-only (tests/hcl2json/crosscheck.js).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "source/hcl/hcl_syntax.h"

using namespace trustlint;
using namespace trustlint::internal;
using nlohmann::ordered_json;

namespace {

std::string source(const SourceFile& f, const HclExpr& e) { return std::string(f.text().substr(e.begin, e.end - e.begin)); }

bool literal_only(const HclExpr& e) {
  if (e.kind == HclExprKind::literal) return true;
  if (e.kind == HclExprKind::template_) {
    for (const auto& p : e.parts) {
      if (p.kind != HclTemplatePart::Kind::literal) return false;
    }
    return true;
  }
  if (e.kind == HclExprKind::tuple || e.kind == HclExprKind::object) {
    for (std::size_t i = 0; i < e.items.size(); ++i) {
      const bool key = e.kind == HclExprKind::object && i % 2 == 0;
      if (!(key && e.items[i]->kind == HclExprKind::variable) && !literal_only(*e.items[i])) return false;
    }
    return true;
  }
  return false;
}

ordered_json value(const SourceFile& f, const HclExpr& e) {
  switch (e.kind) {
    case HclExprKind::literal:
      if (e.value.kind == NodeKind::null) return nullptr;
      if (e.value.kind == NodeKind::boolean) return e.value.text == "true";
      return ordered_json::parse(e.value.text);
    case HclExprKind::template_: {
      std::string out;
      for (const auto& p : e.parts) {
        if (p.kind == HclTemplatePart::Kind::literal) out += p.literal.text;
        else if (p.kind == HclTemplatePart::Kind::interpolation) out += "${" + source(f, *p.expr) + "}";
        else return "%{directive}";  // not compared
      }
      return out;
    }
    case HclExprKind::tuple: {  // element by element, as hcl2json does
      ordered_json a = ordered_json::array();
      for (const auto& i : e.items) a.push_back(value(f, *i));
      return a;
    }
    case HclExprKind::object:
      if (literal_only(e)) {
        ordered_json o = ordered_json::object();
        for (std::size_t i = 0; i + 1 < e.items.size(); i += 2) {
          const HclExpr& k = *e.items[i];
          o[k.kind == HclExprKind::variable ? k.name : value(f, k).get<std::string>()] = value(f, *e.items[i + 1]);
        }
        return o;
      }
      break;
    default: break;
  }
  return "${" + source(f, e) + "}";
}

ordered_json body(const SourceFile& f, const HclBody& b) {
  ordered_json o = ordered_json::object();
  for (const auto& a : b.attributes) o[a.name] = value(f, *a.expr);
  for (const auto& blk : b.blocks) {
    ordered_json* at = &o[blk.type];
    for (const auto& label : blk.labels) at = &(*at)[label];
    if (at->is_null()) *at = ordered_json::array();
    at->push_back(body(f, blk.body));
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hcl_dump FILE.tf\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const SourceFile file(argv[1], text.str());
  Result<HclBody> r = read_hcl(file, Limits{});
  if (!r.has_value()) {
    for (const auto& d : r.diagnostics()) std::cerr << format_diagnostic(d) << "\n";
    return 1;
  }
  std::cout << body(file, r.value()).dump() << "\n";
  return 0;
}
