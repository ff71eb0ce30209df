// *.trustspec.yaml: a policy (relative to the spec), its resource, a default team and the
// `expect:` list, read through the located YAML reader so every error points at its key or
// value (TL501). See trustlint/spec.h.
#include <filesystem>

#include "source/diagnostic_sink.h"
#include "source/read_tree.h"
#include "source/source_file.h"
#include "spec/expectation_reader.h"
#include "trustlint/spec.h"

namespace trustlint {
namespace {

using internal::Node;
using internal::NodeKind;

constexpr const char* kCode = "TL501";

void error(Diagnostics& d, std::string message, const Span& span) { d.push_back(make_error(kCode, std::move(message), span)); }

std::optional<std::string> string_value(const Node& n, const std::string& what, Diagnostics& d) {
  if (n.kind != NodeKind::string || n.text.empty()) {
    error(d, what + " must be a non-empty string", n.span);
    return std::nullopt;
  }
  return n.text;
}

}  // namespace

Result<Spec> load_spec(const std::string& path) {
  auto source = internal::read_source_file(path, Limits{});
  if (!source.has_value()) return Result<Spec>::failure(source.take_diagnostics());
  auto tree = internal::read_tree(source.value(), InputFormat::yaml, Limits{});
  if (!tree.has_value() || has_errors(tree.diagnostics())) {
    Diagnostics d = tree.take_diagnostics();
    if (d.empty()) d.push_back(make_error("TL005", "the spec is not YAML", Span{path}));
    return Result<Spec>::failure(std::move(d));
  }
  const Node& root = tree.value();
  Spec spec;
  spec.file = path;
  Diagnostics problems;
  Span file_span;
  file_span.file = path;
  if (root.kind != NodeKind::object) {
    error(problems, "a spec is a mapping with policy, expect and optionally resource and team", root.kind == NodeKind::null ? file_span : root.span);
    return Result<Spec>::failure(std::move(problems));
  }
  bool has_expect = false;
  for (const auto& m : root.members) {
    if (m.key == "policy") {
      if (auto v = string_value(m.value, "policy", problems)) {
        spec.policy = *v;
        spec.policy_span = m.value.span;
      }
    } else if (m.key == "resource") {
      if (auto v = string_value(m.value, "resource", problems)) spec.resource = *v;
    } else if (m.key == "team") {
      if (auto v = string_value(m.value, "team", problems)) {
        if (auto why = check_segment(*vercel_profile().segment("team"), *v)) error(problems, *why, m.value.span);
        else spec.team = *v;
      }
    } else if (m.key == "expect") {
      has_expect = true;
      internal::read_expectations(m.value, kCode, spec.expect, problems);
    } else {
      error(problems, "unknown key " + internal::quote(m.key) + "; expected one of: policy, resource, team, expect", m.key_span);
    }
  }
  if (spec.policy.empty() && !has_errors(problems)) error(problems, "the spec names no policy (policy: PATH)", root.span);
  if (!has_expect) error(problems, "the spec states no expectation (expect: [...])", root.span);
  if (has_errors(problems)) return Result<Spec>::failure(std::move(problems));
  if (spec.policy == "-") {
    spec.policy_path = "-";
  } else {
    const std::filesystem::path p(spec.policy);
    spec.policy_path = p.is_absolute() ? spec.policy
                                       : (std::filesystem::path(path).parent_path() / p).lexically_normal().string();
  }
  return spec;
}

}  // namespace trustlint
