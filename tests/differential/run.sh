#!/bin/sh
# Differential test of trustlint's evaluator against iam-simulate (tests/differential/README.md).
# Not part of ctest: it needs node, npm and the npm registry.
#
#   tests/differential/run.sh [BUILD_DIR]          # default: build
#
# Environment: IAMSIM_DIR (scratch dir for npm, default ${TMPDIR:-/tmp}/trustlint-iamsim),
# IAMSIM_VERSION (default 0.1.173, the version docs/differential.md was written against),
# SEED (default 20261129), POLICIES (default 3000), REQUESTS (requests per policy, default 8),
# OUT (default BUILD_DIR/differential). Exit 0 when every disagreement is in a known class.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
simdir=${IAMSIM_DIR:-${TMPDIR:-/tmp}/trustlint-iamsim}
version=${IAMSIM_VERSION:-0.1.173}

command -v node >/dev/null || { echo "run.sh: node is needed" >&2; exit 2; }
installed=$(node -p "try { require('$simdir/node_modules/@cloud-copilot/iam-simulate/package.json').version } catch { '' }")
if [ "$installed" != "$version" ]; then
  command -v npm >/dev/null || { echo "run.sh: npm is needed to install iam-simulate" >&2; exit 2; }
  mkdir -p "$simdir"
  npm install --prefix "$simdir" --no-audit --no-fund "@cloud-copilot/iam-simulate@$version" >&2
fi

if [ ! -f "$build/CMakeCache.txt" ]; then cmake -S "$root" -B "$build" >&2; fi
cmake --build "$build" -j2 --target trustlint_decide >&2

# Date.parse reads an ISO date without a zone in local time: pin it.
TZ=UTC exec node "$root/tests/differential/differential.mjs" \
  --decide "$build/tests/differential/trustlint_decide" --root "$root" --sim-dir "$simdir" \
  --seed "${SEED:-20261129}" --policies "${POLICIES:-3000}" --requests "${REQUESTS:-8}" \
  --out "${OUT:-$build/differential}"
