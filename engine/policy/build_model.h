// build_model: turns a located Node tree into the policy model (trustlint/policy.h) and reports
// every grammar problem IAM rejects or Access Analyzer flags (codes TL020–TL069), each located
// at the offending value. Keeps going after errors (collect, don't stop), up to
// limits.max_errors. Stateless; safe to call from several threads.
#pragma once

#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/options.h"
#include "trustlint/policy.h"
#include "trustlint/result.h"

namespace trustlint::internal {

Result<Document> build_model(const Node& root, const SourceFile& file, const LoadOptions& options);

}  // namespace trustlint::internal
