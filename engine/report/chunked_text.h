// Text kept for later in small chunks (a streaming writer's parts that the document puts after
// something only its end knows), and nlohmann's indented dumps re-indented to sit deeper in a
// document being written piece by piece. Internal.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::internal {

// Appended text in chunks of at most 32 KiB: no copy of the whole on growth, and chunks small
// enough for malloc to place them in memory that dropped reports freed. Plain value.
class ChunkedText {
 public:
  void append(std::string_view text);
  bool empty() const { return chunks_.empty(); }
  void write_to(std::ostream& out) const;

 private:
  std::vector<std::string> chunks_;
};

// `dumped` (nlohmann's dump(2), so every '\n' in it is layout: strings escape theirs) with
// `spaces` more spaces after each line break: the value as dump(2) prints it that deep.
void append_indented(ChunkedText& out, std::string_view dumped, std::size_t spaces);
void write_indented(std::ostream& out, std::string_view dumped, std::size_t spaces);

}  // namespace trustlint::internal
