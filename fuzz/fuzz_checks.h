// Invariants every fuzz target checks on what the readers and the loader return: a failure
// carries an error, and every diagnostic and node is located inside the input. A broken
// invariant aborts (libFuzzer then saves the input as a crash).
// Header-only; used by the fuzz targets alone.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "source/node.h"
#include "trustlint/diagnostic.h"
#include "trustlint/result.h"

namespace trustlint::fuzz {

// The name a fuzz input is read under: a leading '{' or '[' is read as JSON (content
// detection), anything else as YAML (by extension).
inline const char* input_name(std::string_view text) {
  return !text.empty() && (text[0] == '{' || text[0] == '[') ? "fuzz" : "fuzz.yaml";
}

// The size spans are checked against: a UTF-8 byte-order mark is dropped before anything is
// located, so spans count from after it.
inline std::size_t located_size(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? text.size() - 3 : text.size();
}

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

// A span within an input of `size` bytes: ordered offsets, a line when it is known.
inline void check_span(const Span& s, std::size_t size) {
  require(s.offset <= s.end_offset, "span ends before it begins");
  require(s.end_offset <= size, "span past the end of the input");
  require(s.line == 0 || s.col != 0, "span with a line but no column");
}

// Every diagnostic but the TL069 summary names a position (line >= 1) inside the input.
inline void check_diagnostics(const Diagnostics& diagnostics, std::string_view file, std::size_t size) {
  for (const Diagnostic& d : diagnostics) {
    require(!d.code.empty() && !d.message.empty(), "diagnostic without a code or message");
    require(d.span.file == file, "diagnostic names another file");
    if (d.code == "TL069") continue;
    require(d.span.known(), "diagnostic without a location");
    check_span(d.span, size);
  }
}

template <typename T>
void check_result(const Result<T>& r, std::string_view file, std::size_t size) {
  require(r.has_value() || has_errors(r.diagnostics()), "no value and no error");
  check_diagnostics(r.diagnostics(), file, size);
}

// Every node and key of a tree is located inside the input (iterative: trees may be deep).
inline void check_tree(const internal::Node& root, std::size_t size) {
  std::vector<const internal::Node*> todo{&root};
  while (!todo.empty()) {
    const internal::Node* n = todo.back();
    todo.pop_back();
    check_span(n->span, size);
    require(n->span.known(), "node without a location");
    for (const internal::Node& item : n->items) todo.push_back(&item);
    for (const internal::Member& m : n->members) {
      check_span(m.key_span, size);
      todo.push_back(&m.value);
    }
  }
}

}  // namespace trustlint::fuzz
