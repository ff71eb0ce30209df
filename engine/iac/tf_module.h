// A Terraform module read from its HCL source (.tf files of one directory) and the evaluator of
// its expressions: variables (defaults, terraform.tfvars, *.auto.tfvars, --tf-var and
// --tf-var-file), locals, data "aws_iam_policy_document" blocks, count/for_each keys and the
// functions trust policies are written with. What cannot be evaluated offline becomes an
// UNRESOLVED-… placeholder with a TL080 warning. One module and one evaluator per input file.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "source/hcl/hcl_syntax.h"
#include "iac/mapped_text.h"
#include "iac/tf_json.h"
#include "trustlint/options.h"

namespace trustlint::internal {

struct TfFile {
  SourceFile file;
  HclBody body;
  TfJsonStrings json_strings;  // a .tf.json file's string literals (tf_json.h); empty for HCL
  // Bytes [begin, end) as HCL reads them (in a .tf.json string, its JSON escapes decoded).
  std::string text(std::size_t begin, std::size_t end) const { return tf_json_text(file, json_strings, begin, end); }
};

// A .tf or .tfvars file (HCL), or a .tf.json or .tfvars.json file (Terraform's JSON syntax).
Result<HclBody> read_tf_body(const SourceFile& file, const Limits& limits, bool tfvars, TfJsonStrings& strings);

struct TfModule {
  std::string directory;                          // "" for the current directory
  std::vector<std::unique_ptr<TfFile>> files;     // the .tf files read, the linted one first
  std::map<std::string, std::pair<const HclBlock*, const TfFile*>> variables;
  std::map<std::string, std::pair<const HclAttribute*, const TfFile*>> locals;
  std::map<std::string, std::pair<const HclBlock*, const TfFile*>> policy_documents;
  std::map<std::string, std::pair<const HclBlock*, const TfFile*>> oidc_providers;
  // Variable values given outside the defaults, with where they came from.
  struct Given {
    Node value;
    std::string origin;  // "--tf-var", "terraform.tfvars", ...
  };
  std::map<std::string, Given> given;
  Diagnostics problems;  // unreadable --tf-var-file, a bad --tf-var
  void index(const TfFile& f);
};

// Reads `first` and the other .tf and .tf.json files of its directory, the auto-loaded .tfvars
// (and .tfvars.json) files and
// the --tf-var / --tf-var-file values of `options`.
// Without `read_directory` (text from memory or stdin) only `first` and the options are read.
std::unique_ptr<TfModule> load_tf_module(const SourceFile& first, HclBody body, TfJsonStrings strings, const LoadOptions& options,
                                          bool read_directory);

// An evaluated value: `node` (strings, numbers, booleans, null, tuples, objects) located where
// it is written. A string made by a template also has `mapped`, the origin of each byte in
// `file`. Placeholders are strings tagged kUnknownTag; jsonencode() and a policy document's
// .json are strings tagged kEncodedTag whose items[0] is the value encoded.
inline constexpr const char* kUnknownTag = "tf:unknown";
inline constexpr const char* kEncodedTag = "tf:encoded";

struct TfValue {
  Node node;
  const SourceFile* file = nullptr;
  std::optional<MappedText> mapped;
};

class TfEvaluator {
 public:
  TfEvaluator(TfModule& module, const LoadOptions& options, Diagnostics& diagnostics, std::vector<std::string>& assumptions)
      : module_(module), options_(options), diagnostics_(diagnostics), assumptions_(assumptions) {}

  TfValue eval(const HclExpr& e, const TfFile& f);
  // count.index / each.key / each.value of the resource being read (unset: not counted).
  std::map<std::string, Node> instance;
  // A placeholder for `what`, located at [begin, end) of `f`, with its TL080 warning.
  Node unknown(const std::string& what, const std::string& why, const TfFile& f, std::size_t begin, std::size_t end);
  // data.aws_iam_policy_document.NAME rendered as a policy tree (tf_document.cpp).
  std::optional<Node> policy_document(const std::string& name, const TfFile& from, std::size_t begin, std::size_t end);
  std::vector<std::string>& assumptions() { return assumptions_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  const LoadOptions& options() const { return options_; }
  const TfModule& module() const { return module_; }
  // A file a call reads (file(), templatefile()), kept for as long as the evaluator.
  const TfFile* load_file(const std::string& path, const TfFile& from, std::size_t begin, std::size_t end);
  // The names of the files load_file() read, in order.
  std::vector<std::string> loaded_names() const;

 private:
  friend class TfCalls;
  TfValue reference(const HclExpr& e, const TfFile& f);
  TfValue call(const HclExpr& e, const TfFile& f);  // tf_functions.cpp
  TfValue templated(const std::vector<HclTemplatePart>& parts, const TfFile& f, std::size_t begin, std::size_t end);
  void append_parts(const std::vector<HclTemplatePart>& parts, const TfFile& f, MappedText& out, bool& unknown);
  TfValue for_expression(const HclExpr& e, const TfFile& f);
  TfValue operation(const HclExpr& e, const TfFile& f);
  bool step(const TfFile& f, std::size_t at);
  void push_once(Diagnostic d);  // a TL080 said once per place
  // The blocks of `type` in `body`, a dynamic "type" block expanded once per element of its known
  // for_each (its content block, with the iterator in `scope`); unknown for_each: TL080 (tf_document.cpp).
  struct Expanded {
    const HclBlock* block;
    std::map<std::string, Node> scope;
  };
  std::vector<Expanded> expand_blocks(const HclBody& body, const std::string& type, const TfFile& f, const std::string& address);
  void used_here(const Node& v, const TfFile& f, std::size_t begin, std::size_t end);

  TfModule& module_;
  const LoadOptions& options_;
  Diagnostics& diagnostics_;
  std::vector<std::string>& assumptions_;
  std::vector<std::map<std::string, Node>> scopes_;  // for-expression and template variables
  std::set<std::string> evaluating_;                 // locals being evaluated (cycles)
  std::set<std::string> told_;                       // assumptions already printed
  std::deque<TfFile> loaded_;
  std::size_t steps_ = 0;
  std::size_t depth_ = 0;
  bool over_budget_ = false;
};

// Helpers shared by the evaluator's files.
Node tf_string(std::string text, const Span& span);
bool tf_is_unknown(const Node& n);
std::string tf_render(const Node& n);  // a value for an assumption: "\"acme\"", "[\"a\", \"b\"]"
void tf_untag(Node& n);                // drops the evaluator's tags before the policy is built
// Appends `bytes` that are file bytes [from, from + bytes.size()) (MappedText::append gives all
// of them the one offset, as for an escape).
void tf_append_run(MappedText& out, std::string_view bytes, std::size_t from);

}  // namespace trustlint::internal
