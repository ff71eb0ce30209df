// CompiledCondition: validation of a condition's values, dispatch to the operator family, and
// the evaluation glue (keys.h decides, verdict_reason.h explains).
#include "condition/compiled_condition.h"

#include <algorithm>
#include <tuple>

#include "condition/keys.h"
#include "condition/text.h"
#include "condition/value_matcher.h"
#include "condition/verdict_reason.h"

namespace trustlint::internal {

namespace {

bool is_numeric(MatchKind k) { return k >= MatchKind::numeric_equals && k <= MatchKind::numeric_greater_than_equals; }
bool is_date(MatchKind k) { return k >= MatchKind::date_equals && k <= MatchKind::date_greater_than_equals; }

const char* family_name(MatchKind k) {
  if (is_numeric(k)) return "Numeric operators";
  if (is_date(k)) return "Date operators";
  switch (k) {
    case MatchKind::binary_equals: return "BinaryEquals";
    case MatchKind::ip_address: return "IpAddress and NotIpAddress";
    case MatchKind::null_check: return "Null";
    default: return "this operator";
  }
}

}  // namespace

struct CompiledCondition::Impl {
  Condition condition;
  std::unique_ptr<ValueMatcher> values;  // null for Null
  std::vector<bool> null_values;     // Null only

  Outcome run(const ContextEntry* entry, MatchContext& ctx) const {
    const OperatorSpec& op = condition.op;
    if (op.kind == MatchKind::null_check) return decide_null(op, entry, null_values);
    Outcome o = decide(op, entry, condition.values.size(),
                       [&](std::string_view v) { return values->find_match(v, ctx); });
    if (ctx.unverified) o.unverified = true;
    // An unresolved variable among several values: AWS only describes the single-value case.
    if (ctx.unresolved > 0 && condition.values.size() > 1) o.unverified = true;
    return o;
  }
};

Result<CompiledCondition> CompiledCondition::compile(const Condition& condition, bool variables_enabled) {
  Diagnostics diagnostics;
  const OperatorSpec& op = condition.op;
  const bool allows_variables = op.allows_variables();
  std::vector<PreparedValue> prepared;
  prepared.reserve(condition.values.size());
  for (const ConditionValue& value : condition.values) {
    PreparedValue pv;
    pv.source = &value;
    const bool variable_syntax = contains_variable_syntax(value.text);
    if (variables_enabled && allows_variables) {
      std::string error;
      if (!parse_policy_variables(value.text, pv.tmpl, error)) {
        diagnostics.push_back(make_error("TL075", quote(value.text) + ": " + error, value.span));
        continue;
      }
    } else {
      if (variable_syntax && variables_enabled) {
        diagnostics.push_back(make_error("TL076",
                                         quote(value.text) + ": " + family_name(op.kind) +
                                             " cannot use policy variables; IAM reads the value as literal text",
                                         value.span));
        continue;
      }
      if (variable_syntax && allows_variables) {
        Diagnostic d = make_warning("TL077",
                                    quote(value.text) +
                                        " is literal text: policy variables need \"Version\": \"2012-10-17\"",
                                    value.span);
        d.notes.push_back("without that Version, ${…} is plain text (and in a Like operator its * is a wildcard)");
        diagnostics.push_back(std::move(d));
      }
      pv.tmpl = ValueTemplate::plain(value.text);
    }
    prepared.push_back(std::move(pv));
  }

  auto impl = std::make_unique<Impl>();
  switch (op.kind) {
    case MatchKind::string_equals:
    case MatchKind::string_equals_ignore_case:
    case MatchKind::string_like: impl->values = compile_string_values(op.kind, prepared); break;
    case MatchKind::arn_like: impl->values = compile_arn_values(prepared); break;
    case MatchKind::bool_equals: impl->values = compile_bool_values(prepared, diagnostics); break;
    case MatchKind::binary_equals: impl->values = compile_binary_values(prepared, diagnostics); break;
    case MatchKind::ip_address: impl->values = compile_ip_values(prepared, diagnostics); break;
    case MatchKind::null_check: impl->null_values = compile_null_values(prepared, diagnostics); break;
    default:
      if (is_numeric(op.kind)) impl->values = compile_numeric_values(op.kind, prepared, diagnostics);
      else impl->values = compile_date_values(op.kind, prepared, diagnostics);
      break;
  }
  // In the order of the values, whichever pass found them.
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.offset != b.span.offset ? a.span.offset < b.span.offset
                                          : std::tie(a.span.line, a.span.col) < std::tie(b.span.line, b.span.col);
  });
  if (has_errors(diagnostics)) return Result<CompiledCondition>::failure(std::move(diagnostics));
  // Copied last: the prepared values point into `condition`, not into this copy.
  impl->condition = condition;
  return Result<CompiledCondition>(CompiledCondition(std::move(impl)), std::move(diagnostics));
}

bool CompiledCondition::evaluate_fast(const Request& request, bool* unverified) const {
  MatchContext ctx(request);
  const Outcome o = impl_->run(request.find(impl_->condition.key_folded), ctx);
  if (unverified != nullptr) *unverified = o.unverified;
  return o.result;
}

ConditionVerdict CompiledCondition::evaluate(const Request& request) const {
  MatchContext ctx(request);
  const ContextEntry* entry = request.find(impl_->condition.key_folded);
  const Outcome o = impl_->run(entry, ctx);
  ConditionVerdict v;
  v.result = o.result;
  v.key_present = entry != nullptr;
  if (entry != nullptr) v.request_values = entry->values;
  v.unverified = o.unverified;
  v.reason = describe_outcome(impl_->condition, entry, o, ctx);
  return v;
}

const Condition& CompiledCondition::condition() const { return impl_->condition; }

CompiledCondition::CompiledCondition(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledCondition::CompiledCondition(CompiledCondition&&) noexcept = default;
CompiledCondition& CompiledCondition::operator=(CompiledCondition&&) noexcept = default;
CompiledCondition::~CompiledCondition() = default;

}  // namespace trustlint::internal
