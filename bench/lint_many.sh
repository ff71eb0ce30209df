#!/usr/bin/env bash
# Times `trustlint lint DIR` on COUNT (default 1,000) policy files: variants of every fixture under
# fixtures/good and fixtures/risky (JSON and YAML), each with its team renamed (acme → acmeN), spread
# over 20 directories, in a scratch folder. Prints the wall, user and system time of the run, for
# the text and the JSON output. The aim (issue 6): under a second of wall time on 2 cores.
#
#   bench/lint_many.sh [COUNT]     # env: SCRATCH (/tmp/trustlint-lint-many), TRUSTLINT (build/cli/trustlint), RUNS (5)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-1000}"
SCRATCH="${SCRATCH:-/tmp/trustlint-lint-many}"
TRUSTLINT="${TRUSTLINT:-$ROOT/build/cli/trustlint}"
if [ ! -x "$TRUSTLINT" ]; then
  cmake -S "$ROOT" -B "$ROOT/build" >/dev/null && cmake --build "$ROOT/build" -j2 --target trustlint
fi

DIR="$SCRATCH/policies"
rm -rf "$DIR" && mkdir -p "$DIR"
mapfile -t FIXTURES < <(ls "$ROOT"/fixtures/good/*.json "$ROOT"/fixtures/good/*.yaml "$ROOT"/fixtures/risky/*.json "$ROOT"/fixtures/risky/*.yaml)
i=0
while [ "$i" -lt "$COUNT" ]; do
  src="${FIXTURES[$((i % ${#FIXTURES[@]}))]}"
  sub="$DIR/repo$((i % 20))/roles"
  mkdir -p "$sub"
  name="$(basename "$src")"
  sed "s/acme/acme$i/g" "$src" >"$sub/$i-$name"
  i=$((i + 1))
done
BYTES="$(cat "$DIR"/*/roles/* | wc -c)"
echo "== $COUNT policy files ($BYTES bytes) in $DIR; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"

# Each format is run RUNS times (default 5) into the same output file; the median run (by wall
# time) is printed with its user and system time, then every run's wall time. The first run comes
# right after the files were written, so it also meets the kernel's write-back of them.
RUNS="${RUNS:-5}"
TIMEFORMAT='%R %U %S'
for format in text json; do
  echo "-- $TRUSTLINT lint $DIR --format $format ($RUNS runs)"
  : >"$SCRATCH/times.$format"
  for run in $(seq "$RUNS"); do
    set +e
    { time "$TRUSTLINT" lint "$DIR" --format "$format" >"$SCRATCH/out.$format" 2>"$SCRATCH/err.$format"; } 2>>"$SCRATCH/times.$format"
    code=$?
    set -e
    if [ "$code" -ge 2 ]; then
      echo "lint_many.sh: trustlint failed:" >&2
      head -20 "$SCRATCH/err.$format" >&2
      exit 1
    fi
  done
  sort -n "$SCRATCH/times.$format" | awk -v runs="$RUNS" '{ w[NR] = $0 } END { split(w[int((NR + 1) / 2)], m, " ");
    printf "%s s wall, %s s user, %s s system (median of %d runs)\n", m[1], m[2], m[3], runs }'
  echo "   all runs: $(cut -d' ' -f1 "$SCRATCH/times.$format" | tr '\n' ' ')s wall"
  echo "   exit code $code; $(wc -l <"$SCRATCH/out.$format") lines of output"
done
