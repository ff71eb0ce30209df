// SourceFile: line index and code-point columns; read_source_file: bounded reading of a file
// or stdin.
#include "source/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source/diagnostic_sink.h"
#include "source/utf8.h"

namespace trustlint::internal {

void OffsetList::reserve(std::size_t n, bool wide) {
  wide_ = wide;
  if (wide_) big_.reserve(n);
  else small_.reserve(n);
}

void OffsetList::push_back(std::size_t value) {
  if (wide_) big_.push_back(value);
  else small_.push_back(static_cast<std::uint32_t>(value));
}

std::size_t OffsetList::upper_bound(std::size_t value) const {
  if (wide_) return static_cast<std::size_t>(std::upper_bound(big_.begin(), big_.end(), value) - big_.begin());
  if (value > 0xFFFFFFFFu) return small_.size();
  return static_cast<std::size_t>(std::upper_bound(small_.begin(), small_.end(), static_cast<std::uint32_t>(value)) -
                                  small_.begin());
}

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)) {
  auto owned = std::make_shared<const std::string>(std::move(text));
  text_ = *owned;
  keep_ = std::move(owned);
  index();
}

SourceFile::SourceFile(std::string name, std::string_view text, std::shared_ptr<const void> keep, std::size_t mapped_from)
    : name_(std::move(name)), keep_(std::move(keep)), text_(text), mapped_from_(mapped_from), mapped_(true) {
  index();
}

void SourceFile::index() {
  // A line ends at LF, CR LF or a lone CR (as editors count them).
  const bool wide = text_.size() > 0xFFFFFFFFu;
  line_starts_.reserve(0, wide);
  line_starts_.push_back(0);
  code_point_checkpoints_.reserve(text_.size() / kStride + 1, wide);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i % kStride == 0) {
      code_point_checkpoints_.push_back(code_points);
      if (mapped_ && i % (1u << 22) == 0) release_before(i);
    }
    const char ch = text_[i];
    if (!is_utf8_continuation(ch)) ++code_points;
    if (ch == '\n' || (ch == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
  if (text_.size() % kStride == 0) code_point_checkpoints_.push_back(code_points);
  if (mapped_) release_before(text_.size());
}

void SourceFile::release_before(std::size_t offset) const {
  if (!mapped_) return;
  static const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  // The mapping starts on a page boundary mapped_from_ bytes before text_.
  const std::size_t end = (mapped_from_ + std::min(offset, text_.size())) / page * page;
  if (end == 0) return;
  madvise(const_cast<char*>(text_.data() - mapped_from_), end, MADV_DONTNEED);
}

std::size_t SourceFile::code_points_before(std::size_t offset) const {
  std::size_t block = offset / kStride;
  std::size_t n = code_point_checkpoints_[block];
  for (std::size_t i = block * kStride; i < offset; ++i) n += is_utf8_continuation(text_[i]) ? 0 : 1;
  return n;
}

Span SourceFile::span(std::size_t begin, std::size_t end) const {
  auto locate = [this](std::size_t offset, std::uint32_t& line, std::uint32_t& col) {
    std::size_t index = line_starts_.upper_bound(offset) - 1;
    line = static_cast<std::uint32_t>(index + 1);
    col = static_cast<std::uint32_t>(code_points_before(offset) - code_points_before(line_starts_[index]) + 1);
  };
  Span s;
  s.file = name_;
  s.offset = begin;
  s.end_offset = end;
  locate(begin, s.line, s.col);
  locate(end, s.end_line, s.end_col);
  return s;
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

Diagnostic too_large_error(const std::string& name, std::string_view head, const Limits& limits) {
  std::size_t at = limits.max_bytes;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {
    head.remove_prefix(3);
    at = at >= 3 ? at - 3 : 0;
  }
  head = head.substr(0, at + 1);
  Diagnostic d = make_error("TL002", "input is larger than the limit of " + group_thousands(limits.max_bytes) + " bytes",
                            SourceFile(name, std::string(head)).point(std::min(at, head.size())));
  if (head.substr(0, 4096).find("\"RoleDetailList\"") != std::string_view::npos) {
    // An account export grows with the account: tens of megabytes for a large organisation.
    d.notes.push_back("account authorization details run to about 3.5 KB per role (20,000 roles: 70 MB); raise the limit "
                      "(--max-bytes BYTES; Limits::max_bytes in the library) to read this export whole");
  } else {
    d.notes.push_back("a role trust policy is at most a few kilobytes; raise the limit (--max-bytes) if this input is genuine");
  }
  return d;
}

Result<SourceFile> read_source_file(const std::string& path, const Limits& limits) {
  const bool from_stdin = path == "-";
  const std::string name = from_stdin ? "<stdin>" : path;
  Span where;
  where.file = name;

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  std::FILE* in = stdin;
  if (!from_stdin) {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) {
      return Result<SourceFile>::failure(
          make_error("TL001", "cannot open input: " + std::generic_category().message(errno), where));
    }
    in = owned.get();
  }

  // Read at most max_bytes + 1 bytes: enough to know the input is too large, never more.
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t left = limits.max_bytes - text.size();
    const std::size_t room = left == static_cast<std::size_t>(-1) ? left : left + 1;
    const std::size_t want = std::min(sizeof buffer, room);
    const std::size_t got = std::fread(buffer, 1, want, in);
    text.append(buffer, got);
    if (text.size() > limits.max_bytes) return Result<SourceFile>::failure(too_large_error(name, text, limits));
    if (got < want) {
      if (std::ferror(in)) {
        return Result<SourceFile>::failure(
            make_error("TL001", "cannot read input: " + std::generic_category().message(errno), where));
      }
      break;
    }
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  return SourceFile(name, std::move(text));
}

std::optional<SourceFile> map_source_file(const std::string& path, const Limits& limits) {
  if (path == "-") return std::nullopt;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return std::nullopt;
  std::shared_ptr<const void> keep(base, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  std::string_view text(static_cast<const char*>(base), size);
  std::size_t skipped = 0;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    skipped = 3;
  }
  return SourceFile(path, text, std::move(keep), skipped);
}

}  // namespace trustlint::internal
