// open_input (query.h): an input read once, whole, with its roles; and the error list every
// face shows for it (at most max_errors errors, then DiagnosticSink's TL069 note).
#include "query/shown_errors.h"
#include "source/diagnostic_sink.h"
#include "source/source_file.h"
#include "trustlint/query.h"

namespace trustlint {

Input Input::file(std::string path) {
  if (path == "-") return standard_input();
  Input in;
  in.kind = Kind::path;
  in.path = std::move(path);
  return in;
}

Input Input::from_text(std::string text, std::string name) {
  Input in;
  in.kind = Kind::text;
  in.text = std::move(text);
  in.name = std::move(name);
  return in;
}

Input Input::standard_input() {
  Input in;
  in.kind = Kind::standard_input;
  return in;
}

std::string Input::given() const {
  switch (kind) {
    case Kind::path: return path;
    case Kind::text: return name;
    case Kind::standard_input: return "-";
  }
  return path;
}

std::string Input::span_name() const {
  switch (kind) {
    case Kind::path: return path;
    case Kind::text: return name;
    case Kind::standard_input: return "<stdin>";
  }
  return path;
}

namespace internal {

Diagnostics shown_errors(const Diagnostics& all, std::size_t max_errors, const std::string& file) {
  DiagnosticSink sink(max_errors);
  for (const auto& d : all) {
    if (d.severity == Severity::error) sink.add(d);
  }
  return std::move(sink).finish(file);
}

LoadOptions all_errors(const LoadOptions& options) {
  LoadOptions all = options;
  all.limits.max_errors = 0;
  return all;
}

Diagnostic not_valid(const std::string& given, const std::string& resource) {
  return make_error(kGateCode,
                    given + (resource.empty() ? "" : " (" + resource + ")") +
                        " is not a valid trust policy; fix the errors above (see: trustlint lint " + given + ")",
                    Span{});
}

}  // namespace internal

Result<OpenedInput> open_input(const Input& input, const LoadOptions& options) {
  OpenedInput opened;
  opened.given = input.given();
  opened.name = input.span_name();
  // Every error is collected, so that one hidden by max_errors still stops an answer when it
  // could change the policy's meaning; the limit applies to what is shown.
  const LoadOptions all = internal::all_errors(options);
  Result<std::vector<PolicySource>> found = Result<std::vector<PolicySource>>::failure(Diagnostics{});
  if (input.kind == Input::Kind::text) {
    opened.text = input.text;
    if (opened.text.starts_with("\xEF\xBB\xBF")) opened.text.erase(0, 3);
    found = find_trust_policies_text(input.text, opened.name, all, /*name_is_path=*/false);
  } else {
    auto file = internal::read_source_file(opened.given, options.limits);
    if (!file.has_value()) {
      found = Result<std::vector<PolicySource>>::failure(file.take_diagnostics());
    } else {
      opened.text = file.value().text();
      found = find_trust_policies_text(opened.text, opened.name, all, /*name_is_path=*/input.kind == Input::Kind::path);
    }
  }
  if (!found.has_value()) {
    Diagnostics shown = internal::shown_errors(found.diagnostics(), options.limits.max_errors, opened.name);
    shown.push_back(internal::not_valid(opened.given, ""));
    return Result<OpenedInput>::failure(std::move(shown));
  }
  opened.roles = std::move(found).value();
  return Result<OpenedInput>(std::move(opened), found.take_diagnostics());
}

}  // namespace trustlint
