// Build-time generator (engine/data/generated_tables.h): reads rules/catalogue.yaml with yaml-cpp
// into a table of its entries' raw fields, and the other data files (provider profiles,
// condition keys) with the engine's own YAML reader into preorder node tables, and writes them as
// C++, so that a start does not parse YAML. The YAML stays the source of truth;
// tests/unit/lint/generated_tables_test.cpp checks the tables against parses of the files.
//   gen_tables OUT.cpp SOURCE_ROOT CATALOGUE FILE...   (paths relative to SOURCE_ROOT)
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "source/read_tree.h"
#include "source/source_file.h"

namespace {

// A C++ string literal: printable ASCII as is, everything else as a three-digit octal escape
// (bounded, unlike \x).
std::string literal(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

std::string scalar(const YAML::Node& entry, const char* key) {
  const YAML::Node v = entry[key];
  return v && v.IsScalar() ? v.as<std::string>() : std::string();
}

using trustlint::internal::Node;
using trustlint::internal::NodeKind;

// The node and everything under it, in preorder, one {depth, kind, key, text, tag} each.
void emit(const Node& n, int depth, const std::string& key, std::string& out, std::size_t& count) {
  out += "    {" + std::to_string(depth) + ", " + std::to_string(static_cast<int>(n.kind)) + ", " + literal(key) + ", " +
         literal(n.text) + ", " + literal(n.tag) + "},\n";
  ++count;
  for (const auto& item : n.items) emit(item, depth + 1, "", out, count);
  for (const auto& m : n.members) emit(m.value, depth + 1, m.key, out, count);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every data file as a node table, and the list of them.
std::string trees(const std::string& root, char** files, int count) {
  std::string body, list;
  for (int i = 0; i < count; ++i) {
    const std::string rel = files[i];
    const trustlint::internal::SourceFile file(rel, read_file(root + "/" + rel));
    auto tree = trustlint::internal::read_yaml(file, trustlint::Limits{});
    if (!tree.has_value()) throw std::runtime_error(rel + ": " + tree.diagnostics().front().message);
    std::string nodes;
    std::size_t n = 0;
    emit(tree.value(), 0, "", nodes, n);
    body += "static const GeneratedNode kTree" + std::to_string(i) + "[] = {\n" + nodes + "};\n";
    list += "    {" + literal(rel) + ", {kTree" + std::to_string(i) + ", " + std::to_string(n) + "}},\n";
  }
  return body + "\nstatic const GeneratedTree kTrees[] = {\n" + list + "};\n\n" +
         "std::span<const GeneratedTree> generated_trees() { return {kTrees, " + std::to_string(count) + "}; }\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: gen_tables OUT.cpp SOURCE_ROOT CATALOGUE FILE...\n");
    return 2;
  }
  const std::string out_path = argv[1], root_dir = argv[2];
  try {
    const YAML::Node root = YAML::LoadFile(root_dir + "/" + argv[3]);
    std::string body =
        "// Generated at build time by tools/gen_tables/gen_tables.cpp from rules/. Do not edit.\n"
        "#include \"data/generated_tables.h\"\n\nnamespace trustlint::internal {\n\n"
        "static const GeneratedRule kRules[] = {\n";
    std::size_t count = 0;
    for (const auto& [list, is_rule] : {std::pair{"diagnostics", false}, std::pair{"rules", true}}) {
      const YAML::Node entries = root[list];
      // A catalogue without either list would build a tool that knows no rule and passes
      // everything: refuse it here, at build time.
      if (!entries || !entries.IsSequence() || entries.size() == 0) {
        throw std::runtime_error(std::string(argv[3]) + ": no \"" + list + "\" list (or it is empty)");
      }
      for (const auto& e : entries) {
        body += "    {" + std::string(is_rule ? "true" : "false");
        for (const char* key : {is_rule ? "id" : "code", "name", "severity", "title", "explanation", "bad", "good", "fix"}) {
          body += ", " + literal(is_rule || std::string(key) != "name" ? scalar(e, key) : std::string());
        }
        body += "},\n";
        ++count;
      }
    }
    body += "};\n\nstd::span<const GeneratedRule> generated_rules() { return {kRules, " + std::to_string(count) +
            "}; }\n\n" + trees(root_dir, argv + 4, argc - 4) + "\n}  // namespace trustlint::internal\n";
    std::ofstream out(out_path, std::ios::binary);
    out << body;
    if (!out) {
      std::fprintf(stderr, "gen_tables: cannot write %s\n", out_path.c_str());
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gen_tables: %s\n", e.what());
    return 1;
  }
  return 0;
}
