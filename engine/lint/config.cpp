// .trustlint.yaml: reading and validating the configuration (lint_config.h). Read through the
// located YAML reader, so every error points at the key or value it is about (TL011).
#include <filesystem>
#include <set>

#include "lint/registry.h"
#include "source/diagnostic_sink.h"
#include "source/read_tree.h"
#include "source/source_file.h"
#include "spec/expectation_reader.h"
#include "trustlint/lint_config.h"

namespace trustlint {
namespace {

using internal::Node;
using internal::NodeKind;

class ConfigReader {
 public:
  explicit ConfigReader(LintConfig& config) : config_(config) {}

  void read(const Node& root) {
    if (root.kind == NodeKind::null) return;  // an empty file
    if (root.kind != NodeKind::object) {
      error("the configuration must be a mapping of keys (teams, environments, projects, rules, overrides, ignore)", root.span);
      return;
    }
    for (const auto& m : root.members) {
      if (m.key == "teams") config_.teams = names(m.value, "team");
      else if (m.key == "environments") config_.environments = names(m.value, "environment");
      else if (m.key == "projects") config_.projects = names(m.value, "project");
      else if (m.key == "rules") config_.rules = rules(m.value);
      else if (m.key == "overrides") overrides(m.value);
      else if (m.key == "ignore") ignore(m.value);
      else unknown(m, "teams, environments, projects, rules, overrides, ignore");
    }
  }

  Diagnostics take() { return std::move(diagnostics_); }

 private:
  void error(std::string message, const Span& span) { diagnostics_.push_back(make_error("TL011", std::move(message), span)); }

  void unknown(const internal::Member& m, const char* known) {
    error("unknown key " + internal::quote(m.key) + "; expected one of: " + known, m.key_span);
  }

  std::optional<std::string> scalar(const Node& n, const std::string& what) {
    if (n.kind != NodeKind::string) {
      error(what + " must be a string, not " + std::string(internal::node_kind_name(n.kind)), n.span);
      return std::nullopt;
    }
    return n.text;
  }

  std::vector<const Node*> items(const Node& n, const std::string& what) {
    std::vector<const Node*> out;
    if (n.kind == NodeKind::string) out.push_back(&n);
    else if (n.kind == NodeKind::array) {
      for (const auto& i : n.items) out.push_back(&i);
    } else {
      error(what + " must be a list of strings", n.span);
    }
    return out;
  }

  std::vector<std::string> names(const Node& n, const char* segment) {
    std::vector<std::string> out;
    const SegmentSpec* spec = vercel_profile().segment(segment);
    for (const Node* i : items(n, std::string(segment) + "s")) {
      auto v = scalar(*i, std::string("a ") + segment);
      if (!v) continue;
      if (spec != nullptr) {
        if (auto why = check_segment(*spec, *v)) {
          error(*why, i->span);
          continue;
        }
      }
      out.push_back(*v);
    }
    return out;
  }

  std::optional<std::string> rule_id(const std::string& text, const Span& span) {
    const RuleInfo* info = find_rule(text);
    if (info == nullptr) {
      error("unknown rule " + internal::quote(text) + "; `trustlint rules` lists them", span);
      return std::nullopt;
    }
    return info->id;
  }

  std::optional<RuleSetting> setting(const Node& n) {
    const Node* level = &n;
    if (n.kind == NodeKind::object) {
      level = nullptr;
      for (const auto& m : n.members) {
        if (m.key == "severity") level = &m.value;
        else unknown(m, "severity");
      }
      if (level == nullptr) {
        error("a rule setting needs severity: error, warning, note or off", n.span);
        return std::nullopt;
      }
    }
    if (!level->is_scalar()) {
      error("severity must be error, warning, note or off", level->span);
      return std::nullopt;
    }
    RuleSetting s;
    if (level->text == "off" || (level->kind == NodeKind::boolean && level->text == "false")) {
      s.off = true;
      return s;
    }
    s.severity = internal::parse_severity(level->text);
    if (!s.severity) {
      error("severity " + internal::quote(level->text) + " is not one of error, warning, note, off", level->span);
      return std::nullopt;
    }
    return s;
  }

  std::map<std::string, RuleSetting> rules(const Node& n) {
    std::map<std::string, RuleSetting> out;
    if (n.kind != NodeKind::object) {
      error("rules must be a mapping such as {TL104: {severity: off}}", n.span);
      return out;
    }
    for (const auto& m : n.members) {
      auto id = rule_id(m.key, m.key_span);
      auto s = setting(m.value);
      if (id && s) out[*id] = *s;
    }
    return out;
  }

  void overrides(const Node& n) {
    if (n.kind != NodeKind::array) {
      error("overrides must be a list of {paths: [...], rules: {...}}", n.span);
      return;
    }
    for (const auto& item : n.items) {
      if (item.kind != NodeKind::object) {
        error("an override must be a mapping with paths and rules", item.span);
        continue;
      }
      RuleOverride o;
      bool has_paths = false;
      for (const auto& m : item.members) {
        if (m.key == "paths") {
          has_paths = true;
          for (const Node* p : items(m.value, "paths")) {
            if (auto v = scalar(*p, "a path glob")) o.paths.push_back(*v);
          }
        } else if (m.key == "rules") {
          o.rules = rules(m.value);
        } else if (m.key == "expect") {
          internal::read_expectations(m.value, "TL011", o.expect, diagnostics_);
        } else {
          unknown(m, "paths, rules, expect");
        }
      }
      if (!has_paths) error("an override needs paths", item.span);
      config_.overrides.push_back(std::move(o));
    }
  }

  void ignore(const Node& n) {
    if (n.kind != NodeKind::array) {
      error("ignore must be a list of {rule, path, pointer, reason}", n.span);
      return;
    }
    for (const auto& item : n.items) {
      if (item.kind != NodeKind::object) {
        error("an ignore entry must be a mapping with rule and reason", item.span);
        continue;
      }
      IgnoreEntry e;
      e.span = item.span;
      bool ok = true;
      for (const auto& m : item.members) {
        auto v = m.value.is_scalar() ? scalar(m.value, m.key) : std::nullopt;
        if (m.key != "rule" && m.key != "path" && m.key != "pointer" && m.key != "reason") {
          unknown(m, "rule, path, pointer, reason");
          ok = false;
          continue;
        }
        if (!v) {
          if (!m.value.is_scalar()) error(m.key + " must be a string", m.value.span);
          ok = false;
          continue;
        }
        if (m.key == "rule") {
          auto id = rule_id(*v, m.value.span);
          ok = ok && id.has_value();
          if (id) e.rule = *id;
        } else if (m.key == "path") {
          e.path = *v;
        } else if (m.key == "pointer") {
          if (!v->empty() && v->front() != '/') {
            error("pointer must be a JSON pointer such as /Statement/0/Condition", m.value.span);
            ok = false;
          }
          e.pointer = *v;
        } else {
          e.reason = *v;
        }
      }
      if (item.get("rule") == nullptr) {
        error("an ignore entry needs a rule", item.span);
        ok = false;
      }
      if (e.reason.empty()) {
        error("an ignore entry needs a reason: say why the finding is accepted", item.span);
        ok = false;
      }
      if (ok) config_.ignore.push_back(std::move(e));
    }
  }

  LintConfig& config_;
  Diagnostics diagnostics_;
};

}  // namespace

Result<LintConfig> load_lint_config(const std::string& path) {
  auto source = internal::read_source_file(path, Limits{});
  if (!source.has_value()) return Result<LintConfig>::failure(source.take_diagnostics());
  auto tree = internal::read_tree(source.value(), InputFormat::yaml, Limits{});
  if (!tree.has_value() || has_errors(tree.diagnostics())) {
    Diagnostics d = tree.take_diagnostics();
    if (d.empty()) d.push_back(make_error("TL005", "the configuration is not YAML", Span{path}));
    return Result<LintConfig>::failure(std::move(d));
  }
  LintConfig config;
  config.path = path;
  const std::filesystem::path parent = std::filesystem::absolute(path).parent_path();
  config.base_dir = parent.lexically_normal().string();
  ConfigReader reader(config);
  reader.read(tree.value());
  Diagnostics problems = reader.take();
  if (has_errors(problems)) return Result<LintConfig>::failure(std::move(problems));
  return config;
}

}  // namespace trustlint
