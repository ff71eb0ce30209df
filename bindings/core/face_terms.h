// What a binding hands back, in the binding's own option names: the engine writes its messages
// in the CLI's words ("choose one with --resource"); every diagnostic and every prose field of a
// JSON document a binding returns or raises goes through here (trustlint/vocabulary.h), so a
// Python user reads "resource=" and a Node user "resource:". Stateless; safe on several threads.
#pragma once

#include "bindings/core/facade.h"
#include "trustlint/vocabulary.h"

namespace trustlint::bindings {

// The keys whose string values (or arrays of strings) are the engine's prose, anywhere in a
// document: message, notes, assumptions, error, fix, description, reason, nobody_reasons.
// Values taken from the input (files, resources, conditions, team names, spec text) are left
// exactly as they are.
bool is_prose_key(std::string_view key);

// `document` with its prose in `face`'s words (Face::cli: unchanged).
Json document_in_face_terms(Json document, Face face);
// `diagnostics` with every message and note in `face`'s words.
Diagnostics diagnostics_in_face_terms(Diagnostics diagnostics, Face face);

}  // namespace trustlint::bindings
