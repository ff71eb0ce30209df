// ChunkedText and re-indented JSON dumps (chunked_text.h).
#include "report/chunked_text.h"

#include <algorithm>

namespace trustlint::internal {
namespace {

constexpr std::size_t kChunk = std::size_t{32} << 10;

template <typename Sink>
void indented(std::string_view dumped, std::size_t spaces, Sink&& sink) {
  const std::string pad(spaces, ' ');
  for (std::size_t at = 0; at < dumped.size();) {
    const std::size_t nl = dumped.find('\n', at);
    if (nl == std::string_view::npos) {
      sink(dumped.substr(at));
      return;
    }
    sink(dumped.substr(at, nl + 1 - at));
    sink(pad);
    at = nl + 1;
  }
}

}  // namespace

void ChunkedText::append(std::string_view text) {
  while (!text.empty()) {
    if (chunks_.empty() || chunks_.back().size() >= kChunk) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunk);
    }
    std::string& last = chunks_.back();
    const std::size_t take = std::min(text.size(), kChunk - last.size());
    last.append(text.substr(0, take));
    text.remove_prefix(take);
  }
}

void ChunkedText::write_to(std::ostream& out) const {
  for (const auto& chunk : chunks_) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
}

void append_indented(ChunkedText& out, std::string_view dumped, std::size_t spaces) {
  indented(dumped, spaces, [&](std::string_view part) { out.append(part); });
}

void write_indented(std::ostream& out, std::string_view dumped, std::size_t spaces) {
  indented(dumped, spaces, [&](std::string_view part) { out.write(part.data(), static_cast<std::streamsize>(part.size())); });
}

}  // namespace trustlint::internal
