// Decision-case loader: YAML case file → DecisionCase, with every problem reported as
// "path:line:col: message". yaml-cpp exceptions stop here.
#include "unit/cases/decision_case_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

namespace trustlint::cases {
namespace {

using Json = nlohmann::ordered_json;

// Collects errors located in one case file.
class Reporter {
 public:
  explicit Reporter(std::string path) : path_(std::move(path)) {}
  void error(const YAML::Node& at, const std::string& message) {
    std::ostringstream out;
    out << path_;
    const YAML::Mark mark = at.Mark();
    if (!mark.is_null()) out << ":" << mark.line + 1 << ":" << mark.column + 1;
    out << ": " << message;
    errors_.push_back(out.str());
  }
  std::vector<std::string> take() { return std::move(errors_); }
  std::size_t count() const { return errors_.size(); }

 private:
  std::string path_;
  std::vector<std::string> errors_;
};

std::size_t line_of(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : static_cast<std::size_t>(mark.line) + 1;
}

// Checks that `node` is a mapping whose keys are all in `allowed`, with no duplicates.
bool check_keys(const YAML::Node& node, const char* what, const std::set<std::string>& allowed,
                Reporter& report) {
  if (!node.IsMap()) {
    report.error(node, std::string(what) + " must be a mapping");
    return false;
  }
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (!allowed.count(key)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      report.error(it->first, "unknown key '" + key + "' in " + what + " (allowed: " + list + ")");
    }
    if (!seen.insert(key).second) report.error(it->first, "duplicate key '" + key + "' in " + what);
  }
  return true;
}

std::optional<std::string> scalar(const YAML::Node& node, const std::string& what, Reporter& report) {
  if (!node.IsScalar()) {
    report.error(node, what + " must be a scalar");
    return std::nullopt;
  }
  return node.Scalar();
}

// Inline policies: YAML → JSON. Quoted scalars stay strings; plain ones become booleans,
// numbers or null when they look like one, as a user writing YAML would expect.
std::optional<Json> to_json(const YAML::Node& node, Reporter& report) {
  static const std::regex kNumber(R"(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        if (out.contains(key)) {
          report.error(it->first, "duplicate key '" + key + "' in inline policy (write it as a JSON string to test duplicate keys)");
          continue;
        }
        auto value = to_json(it->second, report);
        if (!value) return std::nullopt;
        out[key] = std::move(*value);
      }
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : node) {
        auto value = to_json(item, report);
        if (!value) return std::nullopt;
        out.push_back(std::move(*value));
      }
      return out;
    }
    case YAML::NodeType::Null:
      return Json(nullptr);
    case YAML::NodeType::Scalar: {
      const std::string& text = node.Scalar();
      if (node.Tag() != "?") return Json(text);  // quoted or block scalar
      if (text == "true" || text == "false") return Json(text == "true");
      if (std::regex_match(text, kNumber)) return Json::parse(text);
      return Json(text);
    }
    case YAML::NodeType::Undefined:
      break;
  }
  report.error(node, "unsupported node in inline policy");
  return std::nullopt;
}

std::optional<DeploymentFacts> parse_facts(const YAML::Node& node, Reporter& report) {
  if (!check_keys(node, "facts", {"team", "project", "environment", "issuer", "aud", "claims"}, report))
    return std::nullopt;
  const std::size_t errors_before = report.count();
  DeploymentFacts facts;
  for (const char* required : {"team", "project", "environment"}) {
    if (!node[required]) report.error(node, std::string("facts needs '") + required + "'");
  }
  if (report.count() != errors_before) return std::nullopt;
  facts.team = scalar(node["team"], "team", report).value_or("");
  facts.project = scalar(node["project"], "project", report).value_or("");
  facts.environment = scalar(node["environment"], "environment", report).value_or("");
  if (node["issuer"]) {
    const auto issuer = scalar(node["issuer"], "issuer", report).value_or("");
    if (issuer == "global") facts.issuer = IssuerMode::global;
    else if (issuer == "team") facts.issuer = IssuerMode::team;
    else report.error(node["issuer"], "issuer must be 'global' or 'team', not '" + issuer + "'");
  }
  if (node["aud"]) facts.audience = scalar(node["aud"], "aud", report);
  if (const YAML::Node claims = node["claims"]) {
    if (!claims.IsMap()) {
      report.error(claims, "claims must be a mapping KEY: VALUE");
    } else {
      for (auto it = claims.begin(); it != claims.end(); ++it) {
        auto value = scalar(it->second, "claim '" + it->first.Scalar() + "'", report);
        if (value) facts.extra_context.emplace_back(it->first.Scalar(), *value);
      }
    }
  }
  if (report.count() != errors_before) return std::nullopt;
  return facts;
}

std::optional<Request> parse_context(const YAML::Node& node, Reporter& report) {
  if (!check_keys(node, "context", {"provider", "action", "keys"}, report)) return std::nullopt;
  const std::size_t errors_before = report.count();
  Request request;
  if (!node["provider"]) {
    report.error(node, "context needs 'provider' (e.g. oidc.vercel.com/acme)");
    return std::nullopt;
  }
  request.provider = scalar(node["provider"], "provider", report).value_or("");
  if (node["action"]) request.action = scalar(node["action"], "action", report).value_or("");
  if (const YAML::Node keys = node["keys"]) {
    if (!keys.IsMap()) {
      report.error(keys, "keys must be a mapping KEY: VALUE or KEY: [VALUES]");
      return std::nullopt;
    }
    std::set<std::string> seen;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
      const std::string key = it->first.Scalar();
      if (!seen.insert(fold_key(key)).second)
        report.error(it->first, "key '" + key + "' given twice (key names are case-insensitive)");
      // A named copy: it->second belongs to a temporary proxy that dies before a range-for's
      // body runs (ASan: stack-use-after-scope).
      const YAML::Node value_node = it->second;
      if (value_node.IsSequence()) {
        std::vector<std::string> values;
        for (const auto& v : value_node) {
          if (auto s = scalar(v, "a value of '" + key + "'", report)) values.push_back(*s);
        }
        request.set_multi(key, std::move(values));
      } else if (auto s = scalar(it->second, "the value of '" + key + "'", report)) {
        request.set(key, *s);
      }
    }
  }
  if (report.count() != errors_before) return std::nullopt;
  return request;
}

void parse_request(const YAML::Node& node, std::size_t number, DecisionCase& out, Reporter& report) {
  const std::string what = "request " + std::to_string(number);
  if (!check_keys(node, what.c_str(), {"note", "facts", "context", "want", "want_statement"}, report))
    return;
  CaseRequest request;
  request.number = number;
  request.line = line_of(node);
  if (node["note"]) request.note = scalar(node["note"], "note", report).value_or("");
  const bool has_facts = static_cast<bool>(node["facts"]);
  const bool has_context = static_cast<bool>(node["context"]);
  if (has_facts == has_context) {
    report.error(node, what + " needs exactly one of 'facts' and 'context'");
    return;
  }
  if (has_facts) request.facts = parse_facts(node["facts"], report);
  if (has_context) request.context = parse_context(node["context"], report);
  if (!node["want"]) {
    report.error(node, what + " has no 'want' (allow, implicit_deny or explicit_deny)");
    return;
  }
  const auto want_text = scalar(node["want"], "want", report).value_or("");
  const auto want = parse_outcome(want_text);
  if (!want) {
    report.error(node["want"], "want must be allow, implicit_deny or explicit_deny, not '" + want_text + "'");
    return;
  }
  request.want = *want;
  if (const YAML::Node ws = node["want_statement"]) {
    const auto text = scalar(ws, "want_statement", report).value_or("");
    StatementRef ref;
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      ref.index = static_cast<std::size_t>(std::stoul(text));
    } else {
      ref.sid = text;
    }
    if (*want == Outcome::implicit_deny)
      report.error(ws, "want_statement makes no sense with implicit_deny (no statement decides)");
    request.want_statement = ref;
  }
  out.requests.push_back(std::move(request));
}

}  // namespace

std::string StatementRef::describe() const {
  if (index) return "statement #" + std::to_string(*index) + " (0-based)";
  return "statement with Sid \"" + sid + "\"";
}

std::string DecisionCase::where(const CaseRequest& request) const {
  return path + ":" + std::to_string(request.line) + ": request " + std::to_string(request.number);
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  if (text == "allow") return Outcome::allow;
  if (text == "implicit_deny") return Outcome::implicit_deny;
  if (text == "explicit_deny") return Outcome::explicit_deny;
  return std::nullopt;
}

LoadedCase parse_decision_case(std::string_view text, const std::string& path) {
  LoadedCase result;
  Reporter report(path);
  YAML::Node loaded;
  try {
    loaded = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    result.errors.push_back(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                            std::to_string(e.mark.column + 1) + ": YAML error: " + e.msg);
    return result;
  }
  const YAML::Node& root = loaded;  // const: lookups must never insert keys
  try {
    if (!check_keys(root, "the case", {"note", "fixture", "policy", "requests"}, report)) {
      result.errors = report.take();
      return result;
    }
    DecisionCase c;
    c.path = path;
    if (!root["note"] || !root["note"].IsScalar() || root["note"].Scalar().empty())
      report.error(root, "the case needs a 'note' saying why it exists (cite docs/semantics.md)");
    else
      c.note = root["note"].Scalar();
    const bool has_fixture = static_cast<bool>(root["fixture"]);
    const bool has_policy = static_cast<bool>(root["policy"]);
    if (has_fixture == has_policy) report.error(root, "the case needs exactly one of 'fixture' and 'policy'");
    if (has_fixture) c.fixture = scalar(root["fixture"], "fixture", report).value_or("");
    if (has_policy) {
      const YAML::Node policy = root["policy"];
      if (policy.IsScalar()) {
        c.policy_text = policy.Scalar();
      } else if (policy.IsMap()) {
        if (auto json = to_json(policy, report)) {
          c.policy_text = json->dump(2) + "\n";
          c.policy_format = InputFormat::json;
        }
      } else {
        report.error(policy, "policy must be a mapping or a string holding JSON or YAML text");
      }
    }
    const YAML::Node requests = root["requests"];
    if (!requests || !requests.IsSequence() || requests.size() == 0) {
      report.error(root, "the case has no requests: every case needs expectations");
    } else {
      std::size_t number = 0;
      for (const auto& r : requests) parse_request(r, ++number, c, report);
    }
    result.value = std::move(c);
  } catch (const YAML::Exception& e) {
    report.error(root, std::string("unexpected YAML structure: ") + e.what());
  }
  result.errors = report.take();
  return result;
}

LoadedCase load_decision_case(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadedCase result;
    result.errors.push_back(path + ": cannot read the case file");
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_decision_case(text.str(), path);
}

std::vector<std::string> find_case_files(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace trustlint::cases
