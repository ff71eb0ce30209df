#!/usr/bin/env bash
# Writes docs/rules/ID.md for every entry of rules/catalogue.yaml, and the index README.md, from
# the built binary (`trustlint rules ID --format markdown`). Run after changing the catalogue;
# tests/docs/check_rule_docs.cmake fails while the pages are not current.
# usage: tools/rule_docs.sh [path/to/trustlint] [output dir]   (defaults: build/cli/trustlint docs/rules)
set -euo pipefail
exe=${1:-build/cli/trustlint}
out=${2:-docs/rules}
mkdir -p "$out"
rm -f "$out"/TL*.md
"$exe" rules --format markdown > "$out/README.md"
for id in $("$exe" rules | awk 'NR > 1 { print $1 }'); do
  "$exe" rules "$id" --format markdown > "$out/$id.md"
done
