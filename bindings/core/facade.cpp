// Routes a binding's arguments to the engine's query layer (query.h) and batch decisions
// (batch.h), and renders each answer with the renderer the CLI uses (report.h) into JSON.
// Everything that decides (which role, the gate, the facts filled in, the request lines) is the
// engine's; this file only converts between the bindings' plain values and those calls.
#include "bindings/core/facade.h"

#include <algorithm>
#include <initializer_list>

#include "trustlint/batch.h"
#include "trustlint/lint_config.h"
#include "trustlint/lint_paths.h"
#include "trustlint/query.h"
#include "trustlint/report.h"
#include "trustlint/test_report.h"

namespace trustlint::bindings {
namespace {

Input input_of(const PolicyArg& policy) {
  return policy.is_path ? Input::file(policy.text) : Input::from_text(policy.text, policy.name);
}

Diagnostic question_error(std::string message) {
  return make_error(kQuestionCode, std::move(message), Span{});
}

// A request line (the `can --requests` format) as a `can` question.
Result<CanQuestion> question_of(const std::string& line) {
  RequestLine read;
  if (auto error = parse_request_line(line, read)) {
    return Result<CanQuestion>::failure(question_error("request: " + visible_text(error->message) + " (column " +
                                                       std::to_string(error->column) + ")"));
  }
  CanQuestion q;
  if (read.team_given) q.team = read.facts.team;
  q.project = read.facts.project;
  q.environment = read.facts.environment;
  if (read.issuer) {
    if (*read.issuer == "global") q.issuer = IssuerMode::global;
    else if (*read.issuer == "team") q.issuer = IssuerMode::team;
    else return Result<CanQuestion>::failure(question_error("request: issuer must be \"global\" or \"team\""));
  }
  q.audience = read.facts.audience;
  q.claims = read.facts.extra_context;
  q.multi_claims = read.multi_claims;
  return Result<CanQuestion>(std::move(q));
}

Json parse_rendered(const std::string& text) { return Json::parse(text); }

template <typename T>
Result<Json> refused(Result<T>& r) {
  return Result<Json>::failure(r.take_diagnostics());
}

// Diagnostics met on the way to an answer (the CLI prints them on stderr and answers anyway:
// warnings, "answering anyway" notes, errors the gate found harmless), in order.
Diagnostics along(std::initializer_list<const Diagnostics*> parts) {
  Diagnostics out;
  for (const auto* p : parts) out.insert(out.end(), p->begin(), p->end());
  return out;
}

class QueryBatch final : public BatchPolicy {
 public:
  explicit QueryBatch(std::unique_ptr<Role> role, std::string name)
      : role_(std::move(role)), batch_(role_->compiled, BatchOptions{std::move(name), std::nullopt, role_->assumptions}) {}

  Json decide(const std::string& request, std::size_t line) const override {
    std::string out;
    const LineOutcome outcome = batch_.decide_line(request, line, out);
    if (outcome.status == LineStatus::blank) return Json{{"line", line}, {"error", "blank request"}};
    return Json::parse(out);
  }

 private:
  std::unique_ptr<Role> role_;  // RequestBatch borrows role_->compiled: it must not move
  RequestBatch batch_;
};

}  // namespace

Result<Json> can(const PolicyArg& policy, const CommonArgs& common, const std::string& request) {
  auto question = question_of(request);
  if (!question.ok()) return refused(question);
  auto role = open_role(input_of(policy), common.resource, common.load);
  if (!role.has_value()) return refused(role);
  auto answer = trustlint::can(role.value(), question.value());
  if (!answer.has_value()) return refused(answer);
  return Result<Json>(parse_rendered(render_can_json(answer.value().decision, answer.value().query, false)),
                      along({&role.diagnostics(), &answer.diagnostics()}));
}

Result<Json> who(const PolicyArg& policy, const CommonArgs& common, bool any_audience) {
  const Input input = input_of(policy);
  auto role = open_role(input, common.resource, common.load);
  if (!role.has_value()) return refused(role);
  WhoOptions options;
  options.any_audience = any_audience;
  options.limits = common.load.limits;
  auto set = trustlint::who(role.value(), options);
  if (!set.has_value()) return refused(set);
  return Result<Json>(parse_rendered(render_who_json(set.value(), WhoQuery{input.given(), any_audience})),
                      along({&role.diagnostics(), &set.diagnostics()}));
}

Result<Json> lint(const PolicyArg& policy, const CommonArgs& common, const std::vector<std::string>& teams,
                  const std::string& config) {
  if (auto bad = check_expected_teams(teams)) return Result<Json>::failure(std::move(*bad));
  LintOptions options;
  options.teams = teams;
  options.limits = common.load.limits;
  const std::optional<std::string> config_path =
      !config.empty() ? std::optional(config) : policy.is_path ? find_lint_config(policy.text) : std::nullopt;
  if (config_path) {
    auto loaded = load_lint_config(*config_path);
    if (!loaded.ok()) return refused(loaded);
    options = lint_options_for(loaded.value(), policy.is_path ? policy.text : policy.name, options);
  }
  auto reports = lint_input(input_of(policy), options, common.load);
  Diagnostics unread;
  int exit_code = 0;
  for (const auto& r : reports) {
    if (fails(r, FailOn::error)) exit_code = 1;
    if (!r.input_failed) continue;
    for (const auto& f : r.findings) {
      if (f.severity != Severity::error) continue;
      Diagnostic d{f.rule, f.severity, f.message, f.span, f.notes};
      unread.push_back(std::move(d));
    }
  }
  if (!unread.empty()) return Result<Json>::failure(std::move(unread));
  return Result<Json>(parse_rendered(render_lint_json(reports, fail_on_name(FailOn::error), exit_code)));
}

Result<Json> lint_paths(const std::vector<std::string>& paths, const CommonArgs& common,
                        const std::vector<std::string>& teams, const std::string& config) {
  LintPathsOptions options;
  options.paths = paths;
  options.teams = teams;
  options.config = config;
  options.load = common.load;
  const LintRun run = trustlint::lint_paths(options);
  const int code = run.status();
  if (code == 2) {  // what the CLI prints on stderr, then the inputs it could not read
    Diagnostics met = run.diagnostics;
    for (const auto& r : run.reports) {
      if (!r.input_failed) continue;
      for (const auto& f : r.findings) {
        if (f.severity == Severity::error) met.push_back(Diagnostic{f.rule, f.severity, f.message, f.span, f.notes});
      }
    }
    return Result<Json>::failure(std::move(met));
  }
  return Result<Json>(parse_rendered(render_lint_json(run.reports, fail_on_name(options.fail_on), code, run.summary.skipped)),
                      run.diagnostics);
}

Result<Json> diff(const PolicyArg& old_policy, const PolicyArg& new_policy, const CommonArgs& common, bool any_audience) {
  const Input old_input = input_of(old_policy), new_input = input_of(new_policy);
  auto old_side = open_input(old_input, common.load);
  if (!old_side.has_value()) return refused(old_side);
  auto new_side = open_input(new_input, common.load);
  if (!new_side.has_value()) return Result<Json>::failure(along({&old_side.diagnostics(), &new_side.diagnostics()}));
  WhoOptions options;
  options.any_audience = any_audience;
  options.limits = common.load.limits;
  auto answer = trustlint::diff(old_side.value(), new_side.value(), common.resource, common.load, options);
  Diagnostics met = along({&old_side.diagnostics(), &new_side.diagnostics(), &answer.diagnostics()});
  if (!answer.value().answered) return Result<Json>::failure(std::move(met));
  const DiffQuery query{old_input.given(), new_input.given(), any_audience};
  return Result<Json>(parse_rendered(render_diff_json(answer.value().roles, query)), std::move(met));
}

Result<Json> test(const std::vector<std::string>& paths, const CommonArgs& common) {
  Diagnostics unsearched;
  const auto files = find_spec_files(paths, unsearched);
  Diagnostics met = unsearched;
  if (files.empty() && met.empty()) met.push_back(no_spec_found());
  WhoOptions options;
  options.limits = common.load.limits;
  std::vector<SpecResult> specs;
  for (const auto& f : files) {
    specs.push_back(run_spec(f, options));
    const auto& s = specs.back();
    met.insert(met.end(), s.diagnostics.begin(), s.diagnostics.end());
    const bool said = std::any_of(s.diagnostics.begin(), s.diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (!s.error.empty() && !said) met.push_back(question_error(s.file + ": " + s.error));
  }
  const int code = test_exit_code(specs, !unsearched.empty());
  if (code == 2) return Result<Json>::failure(std::move(met));
  return Result<Json>(parse_rendered(render_test_json(specs, code)), std::move(met));
}

Result<std::unique_ptr<BatchPolicy>> BatchPolicy::open(const PolicyArg& policy, const CommonArgs& common) {
  const Input input = input_of(policy);
  auto role = open_role(input, common.resource, common.load);
  if (!role.has_value()) return Result<std::unique_ptr<BatchPolicy>>::failure(role.take_diagnostics());
  Diagnostics met = role.diagnostics();
  auto owned = std::make_unique<Role>(std::move(role).value());
  std::unique_ptr<BatchPolicy> batch = std::make_unique<QueryBatch>(std::move(owned), "<requests>");
  return Result<std::unique_ptr<BatchPolicy>>(std::move(batch), std::move(met));
}

Json diagnostic_json(const Diagnostic& d) {
  Json notes = Json::array();
  for (const auto& n : d.notes) notes.push_back(visible_text(n));
  return Json{{"code", d.code},
              {"severity", severity_name(d.severity)},
              {"message", visible_text(d.message)},
              {"location",
               {{"file", visible_text(d.span.file)},
                {"line", d.span.line},
                {"column", d.span.col},
                {"end_line", d.span.end_line},
                {"end_column", d.span.end_col},
                {"offset", d.span.offset},
                {"end_offset", d.span.end_offset}}},
              {"notes", notes}};
}

std::string diagnostics_text(const Diagnostics& diagnostics) { return render_query_diagnostics(diagnostics); }

std::string engine_version() { return version(); }

}  // namespace trustlint::bindings
