#!/usr/bin/env bash
# Runs the README's first quick-start command verbatim (the first ```sh block under "Quick
# start") in a scratch clone of the committed tree, as CI's user (root in a container), and
# checks that it ends with `who`'s answer. usage: first_command.sh <source dir> [--check-only]
# (--check-only: extract it and check that it has no bare sudo, without running it; CTest).
set -euo pipefail
root=$(cd "$1" && pwd)
cmd=$(awk '/^## Quick start/ { q = 1 } q && /^```sh$/ { getline; print; exit }' "$root/README.md")
if [ -z "$cmd" ]; then echo "no command under \"Quick start\" in README.md" >&2; exit 1; fi
case "$cmd" in
  sudo\ *|*"&& sudo "*) echo "the command uses a bare sudo, which a root container lacks: $cmd" >&2; exit 1 ;;
esac
if [ "${2:-}" = "--check-only" ]; then echo "ok: $cmd"; exit 0; fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
git clone --quiet "$root" "$scratch/trustlint"
cd "$scratch/trustlint"
echo "running: $cmd"
out=$(bash -c "$cmd" 2>&1) || { echo "$out" >&2; echo "the README's first command failed" >&2; exit 1; }
echo "$out" | tail -n 15
echo "$out" | grep -q "^These deployments can assume this role" || { echo "the command did not end with who's answer" >&2; exit 1; }
