// Finding: one result of `lint`. A rule id, a severity, the exact location of the offending
// value, and where one exists a concrete witness replayed through evaluate(): a deployment (or a
// request) that gets in, or that is wrongly kept out, so every claim can be checked with `can`.
//
// Example:
//   auto report = trustlint::lint(doc.value(), policy.value(), options);
//   for (const trustlint::Finding& f : report.value().findings) {
//     std::cout << f.span.line << ":" << f.span.col << " " << f.rule << " " << f.message << "\n";
//     if (f.witness) std::cout << "  example: " << f.witness->description << "\n";
//   }
//
// Ownership: Witness and Finding are plain values owning their strings.
// Thread safety: none needed: immutable data, safe to copy and read between threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trustlint/diagnostic.h"
#include "trustlint/provider.h"
#include "trustlint/request.h"

namespace trustlint {

// Who the finding is about, concretely. `allowed` is the evaluator's decision on the replayed
// request: true = gets in (the finding says it should not), false = kept out (the finding says
// the policy meant to let it in, or that a Deny meant to stop it does not).
struct Witness {
  // A Vercel deployment; nullopt when the witness is another provider's token.
  std::optional<DeploymentFacts> deployment;
  // The request that was replayed when it is not just the deployment's own (another provider's
  // token, another action); nullopt otherwise.
  std::optional<Request> request;
  bool allowed = true;
  // One line for people: "acme-evil/web/production (issuer global) can assume the role".
  std::string description;
};

struct Finding {
  std::string rule;   // "TL101", or a grammar code such as "TL042"
  std::string name;   // the rule's short name, e.g. "other-team" (empty for grammar codes)
  Severity severity = Severity::error;
  std::string message;
  Span span;             // the offending value (a condition value, a principal, ...)
  std::string pointer;   // JSON pointer of that value, e.g. "/Statement/0/Condition/StringLike/…"
  std::optional<Witness> witness;
  std::string fix;
  std::vector<std::string> notes;  // (u) readings the finding rests on, and other context
  bool suppressed = false;         // matched an `ignore` entry of the configuration
  std::string suppression_reason;
};

}  // namespace trustlint
