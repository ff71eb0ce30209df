// The lint of one policy as some source loaded it (a plain file, or one role of an IaC input):
// its grammar diagnostics become findings, then the security rules run when those leave the
// policy's meaning intact. Shared by lint_file() and lint_sources(). Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/lint.h"
#include "trustlint/sources.h"

namespace trustlint::internal {

// `path` names the file when `loaded` carries no document. A non-empty `skip_security` keeps the
// Vercel rules from running; unless `skip_all`, the prover-free rules (rules_plain.h: other
// providers, keys, actions) still run. The note says which.
LintReport lint_loaded(const Result<Document>& loaded, const std::string& path, const LintOptions& options,
                       std::string_view skip_security, bool skip_all = false);

// lint_sources() on text already read (a byte-order mark removed): `path` as given ("-" for
// stdin) names a report of a file that does not parse, `file` names spans ("<stdin>");
// `on_disk`: a .tf file's directory is its module. Every report keeps `source`.
std::vector<LintReport> lint_read(std::shared_ptr<const std::string> source, const std::string& path, const std::string& file,
                                  bool on_disk, const LintOptions& options, const LoadOptions& load);

// lint_read() of a file its caller has read (`source`, its text, a byte-order mark removed) and
// parsed (`tree`: read_tree(SourceFile(path, *source), load.format, load.limits)) to judge it:
// the same reports without a second parse. Not for Terraform source (.tf, .tf.json).
std::vector<LintReport> lint_parsed(std::shared_ptr<const std::string> source, const std::string& path, Result<Node> tree,
                                    const LintOptions& options, const LoadOptions& load);

// lint_read's reports of what find_trust_policies found in `source`.
std::vector<LintReport> lint_found(Result<std::vector<PolicySource>> found, std::shared_ptr<const std::string> source,
                                   const std::string& path, const std::string& file, const LintOptions& options);

// One role of an input (find_trust_policies), linted and named (lint_read's step per role).
// Moves what it reports out of `source`.
LintReport lint_role(PolicySource& source, const std::string& file, const LintOptions& options);

// lint_sources() of an account export on disk (get-account-authorization-details, JSON) read as a
// stream (lint_export.cpp): the same reports as lint_read gives, but the file is mapped
// (`file`, map_source_file() of `path`), not read, each role is read, linted and dropped in
// turn, and each report quotes only its own lines (LintReport::quoted), so that memory stays
// bounded whatever the export's size. nullopt when `file` is not such a file (the caller lints
// its text whole).
std::optional<std::vector<LintReport>> lint_account_export(const SourceFile& file, const std::string& path,
                                                           const LintOptions& options, const LoadOptions& load);

}  // namespace trustlint::internal
