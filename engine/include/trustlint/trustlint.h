// trustlint: exact answers about AWS role trust policies federated to OIDC providers.
// This header includes the whole API; each header it includes opens with its own example.
//
// Example:
//   auto doc = trustlint::load_policy_file("trust-policy.json");
//   if (!doc.ok()) { for (auto& d : doc.diagnostics()) puts(format_diagnostic(d).c_str()); }
//   auto policy = trustlint::compile(doc.value());
//
//   // can: one deployment, concretely (docs/semantics.md#decision-procedure)
//   trustlint::DeploymentFacts facts{.team = "acme", .project = "web", .environment = "preview"};
//   auto request = trustlint::make_request(trustlint::vercel_profile(), facts);
//   trustlint::Decision d = trustlint::evaluate(policy.value(), request.value());
//   d.allowed();              // true/false; d.outcome; d.deciding_statement; d.statements (trace)
//
//   // can, many times: JSON request lines answered as `can --requests` answers them (batch.h)
//   trustlint::RequestBatch batch(policy.value());
//   std::string out;
//   batch.decide_line(R"({"project":"web","environment":"preview"})", 1, out);
//
//   // who: every deployment that gets in, exactly (allowed_set.h)
//   auto who = trustlint::allowed_set(policy.value(), trustlint::vercel_profile());
//
//   // lint: findings proven from that set, each with a location and a replayed witness (lint.h)
//   trustlint::LintOptions options;
//   options.teams = {"acme"};
//   auto report = trustlint::lint(doc.value(), policy.value(), options);
//   for (const auto& f : report.value().findings) { /* f.rule, f.span, f.witness, f.fix */ }
//
// Every fallible call returns Result<T> (value + located Diagnostics); no exception crosses
// this API.
// Ownership: every type is a value that owns what it holds (CompiledPolicy is move-only); no
// result points into an input text or into another result, except where a header says so
// (Request::find(), SourceSnapshot's views, the catalogue and profile references).
// Thread safety: no global mutable state. All functions are safe to call from several threads
// on different inputs, and the read-only ones (evaluate, allowed_set, lint, the renderers) also
// on one shared CompiledPolicy, Document or profile.
#pragma once

#include "trustlint/allowed_set.h"
#include "trustlint/batch.h"
#include "trustlint/decision.h"
#include "trustlint/diagnostic.h"
#include "trustlint/engine.h"
#include "trustlint/finding.h"
#include "trustlint/lint.h"
#include "trustlint/options.h"
#include "trustlint/policy.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"
#include "trustlint/result.h"
