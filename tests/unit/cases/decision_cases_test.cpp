// Runs every decision case (tests/cases/**/*.yaml) through the library: load the policy,
// compile it, build each request, evaluate, and check the outcome and the deciding statement
// against the hand-derived expectation. Messages name the case file, line and request number.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "trustlint/allowed_set.h"
#include "trustlint/trustlint.h"
#include "unit/cases/decision_case_loader.h"

TEST_SUITE_BEGIN("cases");

namespace {

using trustlint::cases::CaseRequest;
using trustlint::cases::DecisionCase;

const std::string kRoot = TRUSTLINT_SOURCE_DIR;

std::string outcome_text(trustlint::Outcome o) {
  switch (o) {
    case trustlint::Outcome::allow: return "allow";
    case trustlint::Outcome::implicit_deny: return "implicit_deny";
    case trustlint::Outcome::explicit_deny: return "explicit_deny";
  }
  return "?";
}

std::string diagnostics_text(const trustlint::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + trustlint::format_diagnostic(d);
  return out;
}

// The evaluator's own account of the decision, appended to failure messages.
std::string trace_text(const trustlint::Decision& decision) {
  std::ostringstream out;
  for (const auto& st : decision.statements) {
    out << "\n  " << st.label << (st.effect == trustlint::Effect::deny ? " (Deny)" : " (Allow)")
        << ": principal " << (st.principal_matched ? "matched" : "no") << ", action "
        << (st.action_matched ? "matched" : "no") << ", applied " << (st.applied ? "yes" : "no");
    if (!st.reason.empty()) out << " — " << st.reason;
    for (const auto& c : st.conditions) {
      out << "\n    " << c.op << " " << c.key << (c.key_present ? "" : " (absent)") << " → "
          << (c.result ? "true" : "false");
      if (!c.reason.empty()) out << " — " << c.reason;
    }
  }
  for (const auto& note : decision.notes) out << "\n  note: " << note;
  return out.str();
}

std::optional<trustlint::Request> build_request(const DecisionCase& c, const CaseRequest& r) {
  if (r.context) return *r.context;
  auto made = trustlint::make_request(trustlint::vercel_profile(), *r.facts);
  if (!made.ok()) {
    FAIL_CHECK(c.where(r) << ": make_request rejected the facts:" << diagnostics_text(made.diagnostics()));
    return std::nullopt;
  }
  return made.value();
}

void check_request(const DecisionCase& c, const CaseRequest& r, const trustlint::CompiledPolicy& policy) {
  const auto request = build_request(c, r);
  if (!request) return;
  const trustlint::Decision decision = trustlint::evaluate(policy, *request);
  const std::string trace = trace_text(decision);
  CHECK_MESSAGE(decision.outcome == r.want, c.where(r) << ": want " << outcome_text(r.want) << ", got "
                                                       << outcome_text(decision.outcome)
                                                       << (r.note.empty() ? "" : " (" + r.note + ")") << trace);
  if (!r.want_statement || decision.outcome != r.want) return;
  const auto& ref = *r.want_statement;
  if (!decision.deciding_statement) {
    FAIL_CHECK(c.where(r) << ": want " << ref.describe() << " to decide, but no statement is reported" << trace);
    return;
  }
  const std::size_t got = *decision.deciding_statement;
  if (ref.index) {
    CHECK_MESSAGE(got == *ref.index, c.where(r) << ": want " << ref.describe() << " to decide, got #" << got << trace);
    return;
  }
  const auto& statements = policy.document().statements;
  const bool same = got < statements.size() && statements[got].sid && statements[got].sid->text == ref.sid;
  CHECK_MESSAGE(same, c.where(r) << ": want " << ref.describe() << " to decide, got #" << got << trace);
}

// The prover must agree with the hand-derived answers too: every deployment request of the case
// belongs to `who`'s answer exactly when its expected decision is allow.
void check_who(const DecisionCase& c, const trustlint::CompiledPolicy& policy) {
  for (const bool any_audience : {false, true}) {
    trustlint::WhoOptions options;
    options.any_audience = any_audience;
    auto set = trustlint::allowed_set(policy, trustlint::vercel_profile(), options);
    REQUIRE_MESSAGE(set.ok(), c.path << ": who failed:" << diagnostics_text(set.diagnostics()));
    const bool conditional = std::any_of(set->parts.begin(), set->parts.end(),
                                         [](const trustlint::AllowedPart& p) { return !p.extra_conditions.empty(); });
    if (conditional) return;  // parts that hold only under aws:/sts: conditions are not memberships
    for (const auto& r : c.requests) {
      if (!r.facts || !r.facts->extra_context.empty() || r.facts->audience.has_value() != any_audience) continue;
      const bool who = trustlint::allowed_by_description(set.value(), trustlint::vercel_profile(), *r.facts);
      CHECK_MESSAGE(who == (r.want == trustlint::Outcome::allow),
                    c.where(r) << ": who says " << std::string(who ? "allowed" : "denied") << ", the case wants " << outcome_text(r.want));
    }
  }
}

void run_case(const std::string& path) {
  auto loaded = trustlint::cases::load_decision_case(path);
  for (const auto& e : loaded.errors) FAIL_CHECK(e);
  if (!loaded.ok()) return;
  const DecisionCase& c = *loaded.value;

  trustlint::LoadOptions options;
  options.format = c.policy_format;
  trustlint::Result<trustlint::Document> document =
      c.inline_policy() ? trustlint::load_policy_text(c.policy_text, c.policy_name(), options)
                        : trustlint::load_policy_file(kRoot + "/" + c.fixture);
  if (!document.has_value()) {
    FAIL_CHECK(path << ": the policy did not load:" << diagnostics_text(document.diagnostics()));
    return;
  }
  // Grammar errors (e.g. Principal "*", docs/semantics.md#principal) do not stop evaluation: the decision is still
  // defined, and risky fixtures carry some on purpose.
  auto compiled = trustlint::compile(document.value());
  if (!compiled.ok()) {
    FAIL_CHECK(path << ": the policy did not compile:" << diagnostics_text(compiled.diagnostics()));
    return;
  }
  for (const auto& r : c.requests) check_request(c, r, compiled.value());
  check_who(c, compiled.value());
}

std::string relative_to_root(const std::filesystem::path& p) {
  return std::filesystem::relative(p, kRoot).generic_string();
}

}  // namespace

TEST_CASE("cases::decision_cases") {
  const auto files = trustlint::cases::find_case_files(kRoot + "/tests/cases");
  REQUIRE_MESSAGE(!files.empty(), "no decision cases under " << kRoot << "/tests/cases");
  for (const auto& path : files) run_case(path);
}

// Every fixture that is meant to parse (good/, risky/) is exercised by at least one case.
TEST_CASE("cases::every_clean_fixture_has_a_case") {
  std::set<std::string> referenced;
  for (const auto& path : trustlint::cases::find_case_files(kRoot + "/tests/cases")) {
    auto loaded = trustlint::cases::load_decision_case(path);
    if (loaded.value && !loaded.value->fixture.empty()) {
      referenced.insert(loaded.value->fixture);
      CHECK_MESSAGE(std::filesystem::exists(kRoot + "/" + loaded.value->fixture),
                    path << ": fixture " << loaded.value->fixture << " does not exist");
    }
  }
  for (const char* dir : {"fixtures/good", "fixtures/risky"}) {
    for (const auto& entry : std::filesystem::directory_iterator(kRoot + "/" + dir)) {
      const std::string rel = relative_to_root(entry.path());
      CHECK_MESSAGE(referenced.count(rel) == 1, rel << " has no decision case in tests/cases");
    }
  }
}

TEST_SUITE_END();
