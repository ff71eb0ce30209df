// Puts a binding's answers into its face's words (face_terms.h): a walk over the document that
// rewrites only the prose keys' strings, and the diagnostics' messages and notes.
#include "bindings/core/face_terms.h"

#include <array>

namespace trustlint::bindings {
namespace {

void walk(Json& value, Face face);

void rewrite_strings(Json& value, Face face) {
  if (value.is_string()) {
    value = in_face_terms(value.get_ref<const std::string&>(), face);
  } else if (value.is_array()) {
    for (auto& v : value) rewrite_strings(v, face);
  } else {
    walk(value, face);
  }
}

void walk(Json& value, Face face) {
  if (value.is_array()) {
    for (auto& v : value) walk(v, face);
    return;
  }
  if (!value.is_object()) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (is_prose_key(it.key())) rewrite_strings(it.value(), face);
    else walk(it.value(), face);
  }
}

}  // namespace

bool is_prose_key(std::string_view key) {
  static constexpr std::array<std::string_view, 8> keys = {"message", "notes", "assumptions", "error",
                                                           "fix", "description", "reason", "nobody_reasons"};
  for (auto k : keys) {
    if (k == key) return true;
  }
  return false;
}

Json document_in_face_terms(Json document, Face face) {
  if (face != Face::cli) walk(document, face);
  return document;
}

Diagnostics diagnostics_in_face_terms(Diagnostics diagnostics, Face face) {
  in_face_terms(diagnostics, face);
  return diagnostics;
}

}  // namespace trustlint::bindings
