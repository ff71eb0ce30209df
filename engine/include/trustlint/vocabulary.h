// The face vocabulary: how each face of trustlint (the CLI, the Python module, the Node addon)
// names the options that engine messages ask the user for ("choose one with --resource", "raise
// the limit (--max-bytes)", "see: trustlint lint FILE"). The engine writes those messages in the
// CLI's words, and the CLI's column of the table is the identity, so the CLI's output is what it
// always was; a binding puts a message into its own words with in_face_terms() before showing it.
//
// Example:
//   trustlint::Diagnostics d = role.take_diagnostics();
//   trustlint::in_face_terms(d, trustlint::Face::python);  // "--resource" -> "resource="
//   std::string m = trustlint::in_face_terms("give --issuer to choose", trustlint::Face::node);  // "give issuer: to choose"
//
// Ownership: the table (OptionWords rows) is static and immutable; in_face_terms returns a new
// string or edits the caller's diagnostics.
// Thread safety: no function has state; safe from several threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trustlint/diagnostic.h"

namespace trustlint {

enum class Face { cli, python, node };

// One option as each face spells it in a message.
struct OptionWords {
  std::string_view cli;     // "--resource": as engine messages name it
  std::string_view python;  // "resource="
  std::string_view node;    // "resource:"
};

// Every option that an engine message names and every option a binding has, by its CLI
// spelling (longest first where one spelling begins another; a phrase before its flag).
const std::vector<OptionWords>& option_vocabulary();

// `message` with each CLI option spelling (a whole word: not inside a longer flag or a name)
// replaced by the face's. Face::cli returns the message unchanged.
std::string in_face_terms(std::string_view message, Face face);
// Every message and note of `diagnostics`, in place.
void in_face_terms(Diagnostics& diagnostics, Face face);

}  // namespace trustlint
