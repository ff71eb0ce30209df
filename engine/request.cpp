// Request: context keys with case-insensitive lookup.
#include "trustlint/request.h"

#include <algorithm>
#include <cstring>

namespace trustlint {

std::string fold_key(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

static void put(std::vector<ContextEntry>& context, ContextEntry entry) {
  for (auto& e : context) {
    if (e.key_folded == entry.key_folded) {
      e = std::move(entry);
      return;
    }
  }
  context.push_back(std::move(entry));
}

void Request::set(std::string key, std::string value) {
  ContextEntry e;
  e.key_folded = fold_key(key);
  e.key = std::move(key);
  e.values.push_back(std::move(value));
  put(context, std::move(e));
}

void Request::set_multi(std::string key, std::vector<std::string> values) {
  ContextEntry e;
  e.key_folded = fold_key(key);
  e.key = std::move(key);
  e.values = std::move(values);
  e.multi_valued = true;
  put(context, std::move(e));
}

const ContextEntry* Request::find(std::string_view key) const {
  // Callers mostly pass a key already folded (a compiled condition's): compare bytes first.
  for (const auto& e : context) {
    if (e.key_folded.size() == key.size() && std::memcmp(e.key_folded.data(), key.data(), key.size()) == 0) return &e;
  }
  for (const auto& e : context) {
    if (e.key_folded.size() != key.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < key.size() && same; ++i) {
      char c = key[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = e.key_folded[i] == c;
    }
    if (same) return &e;
  }
  return nullptr;
}

}  // namespace trustlint
