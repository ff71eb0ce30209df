// A trust policy written as a string inside another file: Terraform's assume_role_policy (JSON
// inside JSON), a URL-encoded AssumeRolePolicyDocument, a CloudFormation !Sub | JSON block.
// build_embedded_policy reads the string as a policy and maps every span of the Document and of
// its diagnostics (and the "line N, column M" in their text) back into the outer file.
// Stateless; safe to call from several threads.
#pragma once

#include "iac/mapped_text.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/policy.h"
#include "trustlint/result.h"

namespace trustlint::internal {

// `text` is the decoded string; `outer` the file it came from. JSON only (IAM takes nothing else).
Result<Document> build_embedded_policy(const MappedText& text, const SourceFile& outer, const LoadOptions& options);

// Applies `map` to every Span of the document.
template <typename MapSpan>
void remap_document(Document& doc, const MapSpan& map) {
  doc.span = map(doc.span);
  if (doc.version) doc.version->span = map(doc.version->span);
  if (doc.id) doc.id->span = map(doc.id->span);
  for (Statement& st : doc.statements) {
    st.span = map(st.span);
    if (st.sid) st.sid->span = map(st.sid->span);
    st.effect_span = map(st.effect_span);
    st.principal.span = map(st.principal.span);
    for (PrincipalEntry& e : st.principal.entries) e.value.span = map(e.value.span);
    st.action.span = map(st.action.span);
    for (Located& a : st.action.actions) a.span = map(a.span);
    st.resource_span = map(st.resource_span);
    st.condition_span = map(st.condition_span);
    for (Condition& c : st.conditions) {
      c.op_span = map(c.op_span);
      c.key_span = map(c.key_span);
      c.values_span = map(c.values_span);
      for (ConditionValue& v : c.values) v.span = map(v.span);
    }
  }
}

}  // namespace trustlint::internal
