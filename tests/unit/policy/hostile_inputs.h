// The hostile inputs of docs/hostile-inputs.md, generated in memory (none is committed: several
// are megabytes). Shared by the table test through load_policy_text (hostile_load_test.cpp) and
// the runs of the real binary (tests/unit/source/hostile_cli_test.cpp).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace trustlint::test {

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(TRUSTLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// fixtures/good/vercel-docs-production.json and fixtures/good/team-web-production-preview.yaml:
// the inputs that the byte-level rows corrupt.
inline std::string json_policy() { return read_fixture("fixtures/good/vercel-docs-production.json"); }
inline std::string yaml_policy() { return read_fixture("fixtures/good/team-web-production-preview.yaml"); }

// `text` with `insert` placed before the first occurrence of `before`.
inline std::string insert_before(std::string text, const std::string& before, const std::string& insert) {
  text.insert(text.find(before), insert);
  return text;
}

inline std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Every LF turned into CR LF (or into a lone CR).
inline std::string with_line_endings(const std::string& text, const std::string& eol) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += eol;
    else out += c;
  }
  return out;
}

// The classic "billion laughs": ten levels of anchors, each alias list nine wide (10^9 nodes
// once expanded) in 377 bytes.
inline std::string billion_laughs() {
  std::string s = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const std::string names = "abcdefghij";
  for (std::size_t i = 1; i < names.size(); ++i) {
    s += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int j = 0; j < 9; ++j) s += std::string(j ? "," : "") + "*" + names[i - 1];
    s += "]\n";
  }
  return s;
}

// A Vercel trust policy whose one condition is `op` on `key` with `value` written as is (a JSON
// number, say).
inline std::string policy_with_condition(const std::string& op, const std::string& key, const std::string& value) {
  return R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",)"
         R"( "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme"},)"
         R"( "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {")" +
         op + R"(": {")" + key + R"(": )" + value + "}}}]}";
}

}  // namespace trustlint::test
