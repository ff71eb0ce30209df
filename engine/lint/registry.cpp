// The rule catalogue: RuleInfo values built once from the table generated from
// rules/catalogue.yaml at build time (or, for the test that checks that table, from the embedded
// YAML itself), and the per-file severity of a rule (catalogue default, then the options' settings).
#include "lint/registry.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>

#include "data/embedded.h"
#include "data/generated_tables.h"
#include "source/read_tree.h"
#include "source/source_file.h"

namespace trustlint {
namespace {

std::string text_of(const internal::Node& entry, const char* key) {
  const internal::Node* n = entry.get(key);
  return n != nullptr && n->is_scalar() ? n->text : std::string();
}

// Block scalars end with a newline; examples and prose are stored without it.
std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// One entry from its raw fields, as the YAML or the generated table gives them.
RuleInfo info_of(const internal::GeneratedRule& e) {
  RuleInfo r;
  r.id = e.id;
  r.name = e.is_rule ? e.name : "";
  r.severity = internal::parse_severity(e.severity).value_or(Severity::error);
  r.title = e.title;
  r.explanation = trimmed(e.explanation);
  r.bad_example = trimmed(e.bad);
  r.good_example = trimmed(e.good);
  r.fix = trimmed(e.fix);
  r.help = "docs/rules/" + r.id + ".md";
  return r;
}

RuleInfo info_of(const internal::Node& entry, bool is_rule) {
  const std::string id = text_of(entry, is_rule ? "id" : "code"), name = text_of(entry, "name"),
                    severity = text_of(entry, "severity"), title = text_of(entry, "title"),
                    explanation = text_of(entry, "explanation"), bad = text_of(entry, "bad"),
                    good = text_of(entry, "good"), fix = text_of(entry, "fix");
  return info_of(internal::GeneratedRule{is_rule, id.c_str(), name.c_str(), severity.c_str(), title.c_str(),
                                         explanation.c_str(), bad.c_str(), good.c_str(), fix.c_str()});
}

}  // namespace

std::vector<RuleInfo> internal::rule_catalogue_from_yaml() {
  std::vector<RuleInfo> out;
  const auto text = internal::embedded_file("rules/catalogue.yaml");
  if (!text) return out;
  const internal::SourceFile file("rules/catalogue.yaml", std::string(*text));
  auto tree = internal::read_yaml(file, Limits{});
  if (!tree.has_value()) return out;
  for (const auto& [key, is_rule] : {std::pair{"diagnostics", false}, std::pair{"rules", true}}) {
    const internal::Node* list = tree.value().get(key);
    if (list == nullptr) continue;
    for (const auto& entry : list->items) out.push_back(info_of(entry, is_rule));
  }
  return out;
}

namespace {

std::vector<RuleInfo> load_catalogue() {
  std::vector<RuleInfo> out;
  for (const auto& e : internal::generated_rules()) out.push_back(info_of(e));
  return out;
}

}  // namespace

const std::vector<RuleInfo>& rule_catalogue() {
  static const std::vector<RuleInfo> catalogue = load_catalogue();  // thread-safe initialisation
  return catalogue;
}

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The catalogue's positions by upper-cased ID and by name, each the first entry with it, built
// once (find_rule runs for every finding of every file).
struct CatalogueIndex {
  std::unordered_map<std::string, std::size_t> by_id, by_name;
  CatalogueIndex() {
    const auto& rules = rule_catalogue();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      by_id.emplace(upper(rules[i].id), i);
      if (!rules[i].name.empty()) by_name.emplace(rules[i].name, i);
    }
  }
};

}  // namespace

// The first entry whose ID equals id_or_name up to case, or whose name equals it.
const RuleInfo* find_rule(std::string_view id_or_name) {
  static const CatalogueIndex index;  // thread-safe initialisation
  std::size_t first = SIZE_MAX;
  if (auto it = index.by_id.find(upper(id_or_name)); it != index.by_id.end()) first = it->second;
  if (auto it = index.by_name.find(std::string(id_or_name)); it != index.by_name.end()) first = std::min(first, it->second);
  return first == SIZE_MAX ? nullptr : &rule_catalogue()[first];
}

}  // namespace trustlint

namespace trustlint::internal {

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "note") return Severity::note;
  return std::nullopt;
}

RuleDecision rule_decision(const LintOptions& options, const std::string& id, Severity fallback) {
  RuleDecision d;
  const RuleInfo* info = find_rule(id);
  d.severity = info != nullptr ? info->severity : fallback;
  const auto it = options.rules.find(id);
  if (it != options.rules.end()) {
    d.enabled = !it->second.off;
    if (it->second.severity) {
      d.severity = *it->second.severity;
      d.overridden = true;
    }
  }
  return d;
}

}  // namespace trustlint::internal
