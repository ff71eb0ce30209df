// choose_role / prepare_role (query.h): which role of an input a question is about (`--resource`,
// else the only role that trusts Vercel), and the gate before answering about it: errors that
// leave the meaning intact (lint's meaning_preserved_despite) let the answer go on, others stop it.
#include <algorithm>

#include "query/shown_errors.h"
#include "trustlint/query.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {
namespace {

std::string list(const std::vector<const PolicySource*>& roles) {
  std::string out;
  for (const PolicySource* r : roles) out += (out.empty() ? "" : ", ") + r->resource;
  return out;
}

Diagnostic question_error(std::string message) { return make_error(kQuestionCode, std::move(message), Span{}); }

}  // namespace

bool role_named(const PolicySource& role, std::string_view resource) {
  if (role.resource == resource) return true;
  // Account details also answer to the role's name, the last segment of its ARN.
  if (role.form != "account-authorization-details" || resource.find('/') != std::string_view::npos) return false;
  const auto slash = role.resource.rfind('/');
  return slash != std::string::npos && std::string_view(role.resource).substr(slash + 1) == resource;
}

Result<Role> choose_role(const OpenedInput& input, std::string_view resource_view, const LoadOptions& options) {
  const std::string resource(resource_view);
  const std::string& name = input.name;
  const auto& sources = input.roles;
  if (sources.size() == 1 && sources.front().form == "policy") {
    if (resource.empty()) return prepare_role(sources.front(), input, options);
    return Result<Role>::failure(question_error("--resource " + resource + ": " + name +
                                                " is a trust policy, not a template, plan or account listing with roles"));
  }
  std::vector<const PolicySource*> all, vercel;
  for (const auto& s : sources) {
    all.push_back(&s);
    if (s.policy.has_value() && trusts_provider(s.policy.value(), vercel_profile())) vercel.push_back(&s);
  }
  if (all.empty()) return Result<Role>::failure(question_error(name + " holds no IAM role"));
  const PolicySource* chosen = nullptr;
  std::string assumption;
  if (!resource.empty()) {
    for (const PolicySource* r : all) {
      if (role_named(*r, resource)) {
        chosen = r;
        break;
      }
    }
    if (chosen == nullptr) {
      return Result<Role>::failure(question_error(name + " has no role \"" + resource + "\"; its roles: " + list(all)));
    }
  } else if (vercel.size() == 1) {
    chosen = vercel.front();
    assumption = "role " + chosen->resource + ": the only role in " + name + " that trusts Vercel (give --resource to choose another)";
  } else if (vercel.empty() && all.size() == 1) {
    chosen = all.front();
    assumption = "role " + chosen->resource + ": the only role in " + name;
  } else {
    const auto& candidates = vercel.empty() ? all : vercel;
    return Result<Role>::failure(question_error(name + " holds " + std::to_string(candidates.size()) + " roles" +
                                                (vercel.empty() ? "" : " that trust Vercel") +
                                                "; choose one with --resource: " + list(candidates)));
  }
  Result<Role> role = prepare_role(*chosen, input, options);
  if (role.has_value() && !assumption.empty()) {
    auto& a = role.value().assumptions;
    a.insert(a.begin(), assumption);
  }
  return role;
}

Result<Role> prepare_role(const PolicySource& source, const OpenedInput& input, const LoadOptions& options) {
  const std::size_t max_errors = options.limits.max_errors;
  const Result<Document>& loaded = source.policy;
  const bool usable = loaded.has_value() && std::all_of(loaded.diagnostics().begin(), loaded.diagnostics().end(),
                                                        [](const Diagnostic& d) { return meaning_preserved_despite(d); });
  Diagnostics said;
  if (!usable) {
    said = internal::shown_errors(loaded.diagnostics(), max_errors, input.name);
    said.push_back(internal::not_valid(input.given, source.resource));
    return Result<Role>::failure(std::move(said));
  }
  if (!loaded.ok()) {
    said = internal::shown_errors(loaded.diagnostics(), max_errors, input.name);
    said.push_back(make_note(kGateCode,
                             "answering anyway: the errors above do not change what the policy means, "
                             "but IAM may refuse to store it",
                             Span{}));
  }
  auto compiled = compile(loaded.value());
  if (!compiled.ok()) {
    for (auto& d : internal::shown_errors(compiled.diagnostics(), max_errors, input.name)) said.push_back(std::move(d));
    return Result<Role>::failure(std::move(said));
  }
  Role role{source.resource, source.form, loaded.value(), std::move(compiled).value(), source.assumptions};
  return Result<Role>(std::move(role), std::move(said));
}

Result<Role> open_role(const Input& input, std::string_view resource, const LoadOptions& options) {
  auto opened = open_input(input, options);
  if (!opened.has_value()) return Result<Role>::failure(opened.take_diagnostics());
  Diagnostics said = opened.take_diagnostics();
  auto role = choose_role(opened.value(), resource, options);
  for (auto& d : role.diagnostics()) said.push_back(std::move(d));
  if (!role.has_value()) return Result<Role>::failure(std::move(said));
  return Result<Role>(std::move(role).value(), std::move(said));
}

}  // namespace trustlint
