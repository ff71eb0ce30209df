// STUB: replaced by the yaml helper's file at merge.
// read_yaml without yaml-cpp: every YAML input fails with TL005 so that the JSON path can be
// built and tested on its own.
#include "source/read_tree.h"

namespace trustlint::internal {

Result<Node> read_yaml(const SourceFile& file, const Limits& /*limits*/) {
  Span where;
  where.file = file.name();
  return Result<Node>::failure(make_error("TL005", "YAML support not built", where));
}

}  // namespace trustlint::internal
