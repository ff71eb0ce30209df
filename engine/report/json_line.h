// JsonLine: a compact JSON writer for the one-line documents of `can --requests`, written
// straight into a string. Its output is byte for byte what nlohmann's dump(-1) prints for the
// same ordered_json (ensure_ascii off): the same escapes, no spaces. It takes valid UTF-8 only;
// callers check with ok() and fall back to nlohmann, which replaces invalid bytes.
// One writer per document; not shared between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trustlint::internal {

// Appends `s` as a JSON string ("…", escaped as nlohmann's dump with ensure_ascii off) to `out`.
// False when `s` is not valid UTF-8 (what was appended is then not to be used).
bool append_json_string(std::string& out, std::string_view s);

class JsonLine {
 public:
  JsonLine() { out_.reserve(1024); }  // a `can --requests` line is about 700 bytes
  // Containers; the writer puts the commas.
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // A member's key; the value follows.
  void key(std::string_view k);

  void string(std::string_view s);
  void number(std::uint64_t n);
  void boolean(bool b);
  void null();
  void strings(const std::vector<std::string>& values);  // an array of strings

  // False when some string was not valid UTF-8 (the output is then not to be used).
  bool ok() const { return ok_; }
  std::string take() && { return std::move(out_); }

 private:
  void open(char c);
  void close(char c);
  void before_value();
  void escaped(std::string_view s);

  std::string out_;
  std::vector<bool> first_;  // per open container: no member or item written yet
  bool after_key_ = false;
  bool ok_ = true;
};

}  // namespace trustlint::internal
