// diff (query.h): the roles of two inputs paired (a plain policy is one role; IaC roles by name)
// and each pair's allowed sets compared exactly (policy_diff.h).
#include <algorithm>

#include "trustlint/query.h"
#include "trustlint/vercel_policy.h"

namespace trustlint {
namespace {

// The roles to compare, by name: those `resource` names, else those that trust Vercel on either
// side; in OLD's order, then NEW's.
std::vector<std::string> role_names(const OpenedInput& old_input, const OpenedInput& new_input, std::string_view resource) {
  std::vector<std::string> names;
  for (const OpenedInput* s : {&old_input, &new_input}) {
    for (const auto& role : s->roles) {
      const bool wanted = resource.empty()
                              ? role.policy.has_value() && trusts_provider(role.policy.value(), vercel_profile())
                              : role_named(role, resource);
      if (wanted && std::find(names.begin(), names.end(), role.resource) == names.end()) names.push_back(role.resource);
    }
  }
  return names;
}

const PolicySource* find_role(const OpenedInput& s, const std::string& name) {
  for (const auto& role : s.roles) {
    if (role.resource == name) return &role;
  }
  return nullptr;
}

void append(Diagnostics& to, Diagnostics from) {
  for (auto& d : from) to.push_back(std::move(d));
}

// One pair compared (either side may be missing); nullopt after adding the prover's error.
std::optional<RoleDiff> compare(const std::string& resource, const Role* old_role, const Role* new_role,
                                const WhoOptions& options, Diagnostics& said) {
  RoleDiff r;
  r.resource = resource;
  r.status = !old_role ? RoleDiff::Status::added : !new_role ? RoleDiff::Status::removed : RoleDiff::Status::compared;
  AllowedSet old_set, new_set;
  for (auto [role, set] : {std::pair{old_role, &old_set}, std::pair{new_role, &new_set}}) {
    if (!role) continue;
    auto computed = who(*role, options);
    if (!computed.ok()) {
      append(said, computed.take_diagnostics());
      return std::nullopt;
    }
    *set = std::move(computed).value();
  }
  auto diff = diff_allowed_sets(old_set, old_role ? &old_role->compiled : nullptr, new_set,
                                new_role ? &new_role->compiled : nullptr, vercel_profile(), options);
  if (!diff.ok()) {
    append(said, diff.take_diagnostics());
    return std::nullopt;
  }
  r.diff = std::move(diff).value();
  for (const auto* set : {&old_set, &new_set}) {
    for (const auto& n : set->notes) {
      if (std::find(r.diff.notes.begin(), r.diff.notes.end(), n) == r.diff.notes.end()) r.diff.notes.push_back(n);
    }
  }
  return r;
}

}  // namespace

Result<DiffAnswer> diff(const OpenedInput& old_input, const OpenedInput& new_input, std::string_view resource,
                        const LoadOptions& load, const WhoOptions& options) {
  DiffAnswer answer;
  Diagnostics said;
  // A failure keeps what was said before it (assumptions of the roles read), in order.
  const auto fail = [&] { return Result<DiffAnswer>(std::move(answer), std::move(said)); };
  const auto assume = [&](const Role& role) {
    for (const auto& a : role.assumptions) answer.assumptions.push_back({said.size(), a});
  };
  const OpenedInput* sides[2] = {&old_input, &new_input};
  if (old_input.plain() || new_input.plain()) {
    // A plain policy is one role: the other side must come down to one role too.
    std::optional<Role> roles[2];
    for (int i = 0; i < 2; ++i) {
      auto role = choose_role(*sides[i], sides[i]->plain() ? std::string_view() : resource, load);
      append(said, role.take_diagnostics());
      if (!role.has_value()) return fail();
      roles[i].emplace(std::move(role).value());
      assume(*roles[i]);
    }
    auto r = compare("", &*roles[0], &*roles[1], options, said);
    if (!r) return fail();
    answer.roles.push_back(std::move(*r));
    answer.answered = true;
    return Result<DiffAnswer>(std::move(answer), std::move(said));
  }
  const auto names = role_names(old_input, new_input, resource);
  if (names.empty()) {
    said.push_back(make_error(kQuestionCode,
                              "neither " + old_input.given + " nor " + new_input.given +
                                  (resource.empty() ? std::string(" holds a role that trusts Vercel")
                                                    : " has a role \"" + std::string(resource) + "\""),
                              Span{}));
    return fail();
  }
  for (const auto& name : names) {
    std::optional<Role> roles[2];
    for (int i = 0; i < 2; ++i) {
      const PolicySource* source = find_role(*sides[i], name);
      if (!source) continue;
      auto role = prepare_role(*source, *sides[i], load);
      append(said, role.take_diagnostics());
      if (!role.has_value()) return fail();
      roles[i].emplace(std::move(role).value());
      assume(*roles[i]);
    }
    auto r = compare(name, roles[0] ? &*roles[0] : nullptr, roles[1] ? &*roles[1] : nullptr, options, said);
    if (!r) return fail();
    answer.roles.push_back(std::move(*r));
  }
  answer.answered = true;
  return Result<DiffAnswer>(std::move(answer), std::move(said));
}

}  // namespace trustlint
