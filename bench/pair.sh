#!/usr/bin/env bash
# Paired whole-process timings: runs command A and command B alternately N times and prints the
# median wall time of each (milliseconds), and the peak resident memory of one more run of each
# (/usr/bin/time -v). Used for the figures of docs/benchmarks.md (before/after on the same work).
#
#   bench/pair.sh N CMD_A... -- CMD_B...
#   e.g. bench/pair.sh 41 /bin/true -- build/cli/trustlint lint fixtures/good/vercel-docs-preview-production.json
set -euo pipefail
N="$1"
shift
A=() B=() side=A
for a in "$@"; do
  if [ "$a" = "--" ] && [ "$side" = A ]; then side=B; continue; fi
  if [ "$side" = A ]; then A+=("$a"); else B+=("$a"); fi
done
ta=() tb=()
for _ in $(seq "$N"); do
  s=$(date +%s%N); "${A[@]}" >/dev/null 2>&1 || true; e=$(date +%s%N); ta+=($(((e - s) / 1000)))
  s=$(date +%s%N); "${B[@]}" >/dev/null 2>&1 || true; e=$(date +%s%N); tb+=($(((e - s) / 1000)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f ms", m / 1000}'; }
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
echo "A: median $(median "${ta[@]}"), peak $(peak "${A[@]}") KiB   ($N runs: ${A[*]})"
echo "B: median $(median "${tb[@]}"), peak $(peak "${B[@]}") KiB   ($N runs: ${B[*]})"
