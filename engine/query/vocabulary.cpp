// The face vocabulary (vocabulary.h): the table of option spellings, and the whole-word
// replacement that puts an engine message into a binding's words.
#include "trustlint/vocabulary.h"

#include <algorithm>

namespace trustlint {
namespace {

// A flag continues with a letter, a digit or '-' ("--team" is not "--teams"); a phrase may end
// in anything.
bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string_view words_of(const OptionWords& w, Face face) {
  switch (face) {
    case Face::cli: return w.cli;
    case Face::python: return w.python;
    case Face::node: return w.node;
  }
  return w.cli;
}

}  // namespace

const std::vector<OptionWords>& option_vocabulary() {
  // The options engine messages name (engine/query, engine/source, engine/iac, engine/policy,
  // engine/prove, engine/lint), and every option a binding has, so that a message naming one
  // tomorrow is already in the binding's words. Each binding column spells the binding's real
  // parameter (Python's keywords and limits keys, Node's option names and Limits fields);
  // tests/unit/query/vocabulary_test.cpp checks that every "--flag" in an engine message is
  // here, bindings/python/tests/test_vocabulary.py that both binding columns and the bindings'
  // signatures (Python) and index.d.ts (Node) agree. An option a binding lacks is named as the
  // CLI's. A phrase row (a message's own words around a flag) comes before its flag's row.
  static const std::vector<OptionWords> table = {
      // lint's expected teams are `teams` in both bindings (`can` takes one `team`)
      {"--team or `teams:`", "teams= or `teams:`", "teams: or `teams:`"},
      {"--team: ", "teams: ", "teams: "},  // lint's TL090 for a name Vercel never issues
      // can/who on a file of several roles: the roles follow
      {"choose one with --resource: ", "choose one with resource=NAME: ", "choose one with {resource: NAME}: "},
      {"--resource", "resource=", "resource:"},
      {"--team", "team=", "team:"},
      {"--project", "project=", "project:"},
      {"--env", "environment=", "environment:"},
      {"--issuer", "issuer=", "issuer:"},
      {"--aud", "aud=", "aud:"},
      // a binding gives a multi-valued key as a list (a dict cannot repeat a key)
      {"repeat --claim with the same KEY, or give a list,", "give a list", "give a list"},
      {"--claim", "claims=", "claims:"},
      {"--requests", "can_many()", "canMany()"},
      {"--any-audience", "any_audience=True", "anyAudience: true"},
      {"--config", "config=", "config:"},
      {"--max-bytes BYTES; Limits::max_bytes in the library", "limits={\"bytes\": N}", "limits: {bytes: N}"},
      {"--max-bytes", "limits={\"bytes\": N}", "limits: {bytes: N}"},
      {"--max-depth", "limits={\"depth\": N}", "limits: {depth: N}"},
      {"--max-nodes", "limits={\"nodes\": N}", "limits: {nodes: N}"},
      {"--max-string-length", "limits={\"string_length\": N}", "limits: {stringLength: N}"},
      {"--max-statements", "limits={\"statements\": N}", "limits: {statements: N}"},
      {"--max-values", "limits={\"values\": N}", "limits: {values: N}"},
      {"--max-states of lint, who, diff and test", "limits={\"states\": N}", "limits: {states: N}"},
      {"--max-states", "limits={\"states\": N}", "limits: {states: N}"},
      {"--max-errors", "limits={\"errors\": N}", "limits: {errors: N}"},
      {"--quota", "limits={\"quota\": N}", "limits: {quota: N}"},
      {"--tf-var-file", "the CLI's --tf-var-file", "the CLI's --tf-var-file"},
      {"--tf-var", "the CLI's --tf-var", "the CLI's --tf-var"},
      {"lint --write-baseline", "the CLI's lint --write-baseline", "the CLI's lint --write-baseline"},
      {"trustlint lint", "trustlint.lint() on", "trustlint.lint() on"},
  };
  return table;
}

std::string in_face_terms(std::string_view message, Face face) {
  if (face == Face::cli) return std::string(message);
  const auto& table = option_vocabulary();
  std::string out;
  out.reserve(message.size());
  std::size_t i = 0;
  while (i < message.size()) {
    const OptionWords* hit = nullptr;
    if (i == 0 || !word_char(message[i - 1])) {
      for (const auto& w : table) {
        if (message.substr(i, w.cli.size()) != w.cli) continue;
        const std::size_t end = i + w.cli.size();
        if (end < message.size() && word_char(message[end]) && word_char(w.cli.back())) continue;
        hit = &w;
        break;
      }
    }
    if (hit == nullptr) {
      out += message[i++];
      continue;
    }
    out += words_of(*hit, face);
    i += hit->cli.size();
  }
  return out;
}

void in_face_terms(Diagnostics& diagnostics, Face face) {
  if (face == Face::cli) return;
  for (auto& d : diagnostics) {
    d.message = in_face_terms(d.message, face);
    for (auto& n : d.notes) n = in_face_terms(n, face);
  }
}

}  // namespace trustlint
