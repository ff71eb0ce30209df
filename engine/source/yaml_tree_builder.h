// YamlTreeBuilder: turns yaml-cpp's parse events into a located Node tree. yaml-cpp reports where
// each node starts; the builder finds where it ends (yaml_span.h), types plain scalars by the
// core schema (yaml_scalar.h), keeps custom tags, expands aliases by copying (counting every copy
// against Limits::max_nodes), and reports duplicate keys (TL006), non-scalar keys and recursive
// aliases (TL010). Exceeding a limit, a second document or an unterminated quoted scalar throws
// YamlStop, which only yaml_reader.cpp catches. One builder per parse; not thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include "source/node.h"
#include "source/source_file.h"
#include "trustlint/diagnostic.h"
#include "trustlint/options.h"

namespace trustlint::internal {

// Thrown from inside yaml-cpp's parser to stop it; carries the diagnostic to report.
struct YamlStop {
  Diagnostic diagnostic;
};

class YamlTreeBuilder final : public YAML::EventHandler {
 public:
  // `base`: offset in file.text() of the first byte given to yaml-cpp (after a byte-order mark).
  YamlTreeBuilder(const SourceFile& file, std::size_t base, const Limits& limits);

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { close_collection(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { close_collection(); }

  // The byte offset in file.text() of a yaml-cpp mark (clamped to the text).
  std::size_t offset(const YAML::Mark& mark) const;
  // Non-fatal diagnostics so far (TL006, TL010): the first Limits::max_errors errors (0: all).
  Diagnostics& diagnostics() { return diagnostics_; }
  // The document's root once parsing is done; nullopt when there was no document.
  std::optional<Node>& root() { return root_; }

 private:
  struct Frame {
    Node node;
    bool is_map = false;
    bool bracketed = false;     // '[...]' or '{...}': the node ends at its closing bracket
    std::size_t start = 0;      // the node's first byte (its first property, if any)
    std::size_t content = 0;    // the '[', '{', '-' or first key, after any properties
    std::size_t cursor = 0;     // end of the last child so far
    std::size_t first_child = std::string::npos;
    YAML::anchor_t anchor = 0;
    std::size_t nodes_before = 0;  // node count before this collection started
    std::size_t height = 0;        // collection nesting of its deepest child
    // Maps: the key waiting for its value, and the first span of every key seen.
    bool has_key = false;
    bool drop_value = false;  // the waiting key was not a scalar
    std::string key;
    Span key_span;
    std::unordered_map<std::string, Span> seen;
  };
  struct AnchorRecord {
    std::vector<std::size_t> path;  // child indices from the root, when the node is in the tree
    std::optional<Node> owned;      // a copy, when it is not (a mapping key, or a dropped value)
    std::size_t nodes = 0;          // nodes one use of the alias adds
    std::size_t height = 0;         // collection nesting inside the node
  };

  Span span(std::size_t begin, std::size_t end) const;
  void count_node(std::size_t at);
  void add_error(Diagnostic d);
  void check_length(const Node& node);
  [[noreturn]] void stop(const char* code, std::string message, std::size_t at) const;
  [[noreturn]] void stop_too_many_nodes(std::size_t at) const;
  [[noreturn]] void stop_too_deep(std::size_t at) const;
  void open_collection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool is_map);
  void close_collection();
  // Places a finished node in the open collection (or as the root).
  void deliver(Node node, YAML::anchor_t anchor, std::size_t nodes_before, std::size_t height);
  void remember_anchor(YAML::anchor_t anchor, const Node& node, std::size_t nodes_before,
                       std::size_t height, bool in_tree);
  bool outside_tree() const;
  const Node* find_in_tree(const std::vector<std::size_t>& path) const;
  void apply_scalar_tag(Node& node, const std::string& tag, bool plain);
  void apply_collection_tag(Node& node, const std::string& tag, std::size_t at);

  const SourceFile& file_;
  std::string_view text_;
  std::size_t base_;
  const Limits& limits_;
  std::size_t nodes_ = 0;
  std::size_t documents_ = 0;
  std::size_t errors_ = 0;
  std::size_t document_start_ = 0;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, AnchorRecord> anchors_;
  std::optional<Node> root_;
  Diagnostics diagnostics_;
};

}  // namespace trustlint::internal
