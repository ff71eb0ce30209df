#!/usr/bin/env bash
# The npm package offline: `npm pack` of bindings/node (its prepack step puts the addon under
# prebuilds/PLATFORM-ARCH/), then `npm install --offline` of that tarball and of the package
# folder into scratch projects, each used from there. Usage: npm_package.sh ROOT SCRATCH ADDON
# ADDON is the addon this build made (TRUSTLINT_NODE_ADDON: install.js copies it rather than
# building); .ci/run also runs `npm install ./bindings/node` with install.js building through CMake.
set -euo pipefail
ROOT=$(cd "$1" && pwd)
SCRATCH=$2
ADDON=$(realpath "$3")
export TRUSTLINT_NODE_ADDON=$ADDON
command -v npm >/dev/null || { echo "npm_package.sh: npm not installed"; [ "${CI:-}" = 1 ] && exit 1; exit 77; }
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH/pkg" "$SCRATCH/from-tarball" "$SCRATCH/from-folder"
# a copy of the package folder, so that prebuilds/ is written there and not into the source tree
cp -r "$ROOT/bindings/node/package.json" "$ROOT/bindings/node/index.js" "$ROOT/bindings/node/index.d.ts" \
      "$ROOT/bindings/node/scripts" "$SCRATCH/pkg/"
export npm_config_cache="$SCRATCH/npm-cache" npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
(cd "$SCRATCH/pkg" && npm pack --offline --silent >/dev/null)
TARBALL=$(ls "$SCRATCH"/pkg/trustlint-*.tgz)
tar -tzf "$TARBALL" | sort > "$SCRATCH/contents"
grep -qx 'package/prebuilds/.*/trustlint.node' "$SCRATCH/contents" || { echo "no addon in the tarball:"; cat "$SCRATCH/contents"; exit 1; }
for f in index.js index.d.ts package.json scripts/install.js; do
  grep -qx "package/$f" "$SCRATCH/contents" || { echo "$f missing from the tarball"; exit 1; }
done

check() {  # a project that installed trustlint: the package answers from there
  (cd "$1" && node -e '
    const t = require("trustlint");
    const p = process.argv[1] + "/fixtures/good/vercel-docs-preview-production.json";
    const d = t.can(p, { project: "web", environment: "preview" });
    if (d.allowed !== true || d.decision !== "allow") throw new Error(JSON.stringify(d));
    if (!require.resolve("trustlint").startsWith(process.cwd())) throw new Error(require.resolve("trustlint"));
    console.log("npm package: ok from", require.resolve("trustlint"));' "$ROOT")
}
unset TRUSTLINT_NODE_ADDON   # the tarball carries its addon
(cd "$SCRATCH/from-tarball" && npm init -y >/dev/null && npm install --offline --silent "$TARBALL")
check "$SCRATCH/from-tarball"
export TRUSTLINT_NODE_ADDON=$ADDON
(cd "$SCRATCH/from-folder" && npm init -y >/dev/null && npm install --offline --silent --install-links "$SCRATCH/pkg")
check "$SCRATCH/from-folder"
