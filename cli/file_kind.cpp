// sniff_file (file_kind.h): the file's top-level keys (JSON parsed, YAML read from the lines
// that start in column 0) compared with what find_trust_policies() detects its forms by.
#include "cli/file_kind.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

namespace trustlint::cli {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

std::string_view file_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The keys of a JSON document's top-level object, read by nlohmann's SAX interface.
struct TopKeys : nlohmann::json_sax<nlohmann::json> {
  std::set<std::string>& keys;
  std::size_t depth = 0;
  bool object = false;  // the document is an object
  explicit TopKeys(std::set<std::string>& k) : keys(k) {}
  bool open(bool is_object) {
    if (depth++ == 0) object = is_object;
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return open(true); }
  bool key(string_t& k) override {
    if (depth == 1) keys.insert(k);
    return true;
  }
  bool end_object() override { return --depth, true; }
  bool start_array(std::size_t) override { return open(false); }
  bool end_array() override { return --depth, true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

// Top-level keys, or nullopt when there are none to judge by: JSON that does not parse or is no
// object, YAML without a top-level mapping (the reader says what is wrong with them).
std::optional<std::set<std::string>> top_level_keys(std::string_view text) {
  std::set<std::string> keys;
  const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    // Parsed without building a tree (an account export runs to tens of megabytes): the keys of
    // the top-level object, and whether the whole text parses.
    TopKeys sax{keys};
    if (!nlohmann::json::sax_parse(text.begin(), text.end(), &sax) || !sax.object) return std::nullopt;
    return keys;
  }
  // YAML: "Key:" at the start of a line (block mappings at the top level).
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || !(std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '"' || line[0] == '\'' || line[0] == '_')) continue;
    const bool quoted = line[0] == '"' || line[0] == '\'';
    const auto close = quoted ? line.find(line[0], 1) : line.find(':');
    if (close == std::string_view::npos) continue;
    const std::string_view key = quoted ? line.substr(1, close - 1) : line.substr(0, close);
    const auto colon = quoted ? line.find(':', close) : close;
    if (colon == std::string_view::npos || key.find_first_of(" \t") != std::string_view::npos) continue;
    keys.insert(std::string(key));
  }
  if (keys.empty()) return std::nullopt;
  return keys;
}

// Levenshtein distance, for "a key that is almost Statement".
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The keys by which find_trust_policies() (sources.h) recognises its forms.
bool read_by_a_reader(const std::set<std::string>& keys) {
  for (const char* k : {"Statement", "Resources", "AWSTemplateFormatVersion", "format_version", "RoleDetailList"}) {
    if (keys.count(k) != 0) return true;
  }
  return false;
}

// A top-level key that is nearly "Statement" (Statment, statement, Statements), or a Version
// (an IAM policy's date) and nothing else a policy needs.
std::string policy_shape(const std::set<std::string>& keys, std::string_view text) {
  for (const auto& k : keys) {
    if (k != "Statement" && distance(lower(k), "statement") <= 2) return "an IAM policy with \"" + k + "\" where \"Statement\" belongs";
  }
  const bool dated = text.find("2012-10-17") != std::string_view::npos || text.find("2008-10-17") != std::string_view::npos;
  if (keys.count("Version") != 0 && dated) return "an IAM policy with a Version and no Statement";
  return {};
}

std::string described(std::string_view path, const std::set<std::string>& keys) {
  const std::string name = lower(file_name(path));
  if (name == "serverless.yml" || name == "serverless.yaml" || name == "serverless.json") {
    return "a Serverless Framework configuration (lint the CloudFormation template `serverless package` writes to .serverless/)";
  }
  if (name == "package.json") return "an npm package manifest";
  if (name.starts_with("docker-compose") || name.starts_with("compose.")) return "a Docker Compose file";
  if (name.starts_with("tsconfig")) return "a TypeScript configuration";
  if (name == "cdk.json") return "a CDK app configuration (lint the template `cdk synth` writes to cdk.out/)";
  if (path.find(".github/workflows/") != std::string_view::npos) return "a GitHub Actions workflow";
  if (keys.count("openapi") != 0 || keys.count("swagger") != 0) return "an OpenAPI document";
  return "no trust policy, CloudFormation template, Terraform plan or account authorization details "
         "(none of Statement, Resources, AWSTemplateFormatVersion, format_version or RoleDetailList at the top level)";
}

}  // namespace

bool looks_like_trust_policy_source(std::string_view text) {
  for (std::string_view marker : {"AWS::IAM::Role", "aws_iam_role", "aws_iam_policy_document", "RoleDetailList"}) {
    if (text.find(marker) != std::string_view::npos) return true;
  }
  // A plain policy: a trust policy names a Principal; an identity policy (no Principal) is not
  // one and would only collect "missing Principal" errors.
  return text.find("Statement") != std::string_view::npos && text.find("Principal") != std::string_view::npos;
}

FileSniff sniff_file(std::string_view path, std::string_view text) {
  FileSniff out;
  out.mentions_role = looks_like_trust_policy_source(text);
  const std::string name = lower(file_name(path));
  // A .tf file is read by the HCL reader with the rest of its directory (one module): in a walk,
  // the files that declare a role are linted; variables.tf, locals and policy documents are read
  // through them.
  if (ends_with(name, ".tf")) {
    out.mentions_role = text.find("\"aws_iam_role\"") != std::string_view::npos;
    return out;
  }
  if (ends_with(name, ".tf.json")) {
    out.kind = FileKind::terraform_source;
    out.looks_like = "Terraform JSON source (.tf.json), which trustlint reads through a plan: terraform plan -out=tfplan && terraform show -json tfplan > plan.json";
    return out;
  }
  const auto keys = top_level_keys(text);
  if (!keys || read_by_a_reader(*keys)) return out;  // unparseable JSON: the reader says where
  if (std::string shape = policy_shape(*keys, text); !shape.empty()) {
    out.kind = FileKind::policy_shaped;
    out.looks_like = std::move(shape);
    return out;
  }
  out.kind = FileKind::unrecognized;
  out.looks_like = described(path, *keys);
  return out;
}

}  // namespace trustlint::cli
