#!/usr/bin/env bash
# The diff step of action.yml (tools/github-action-diff.sh) outside GitHub, on a scratch git
# repository with a base commit and a head commit: a widened policy, a rewritten-but-equal one,
# an unrelated JSON file, and a CloudFormation template whose head adds a role and removes one.
# Checks the job summary, the annotations, the outputs and the gate (fail-on-new-access); also
# `trustlint diff git:REV:PATH` directly, and its located error for a revision git does not know.
# usage: diff.sh SOURCE_DIR TRUSTLINT_EXE     exit 77 (CTest: skipped) without git
set -euo pipefail
src=$1
exe=$2
if ! command -v git >/dev/null 2>&1; then
  echo "skipped: git is not installed"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
mkdir -p "$HOME"
repo="$work/repo"
mkdir -p "$repo/infra"
git -C "$repo" init -q -b main
cp "$src/fixtures/diff/widened/old.json" "$repo/infra/web.json"
cp "$src/fixtures/diff/reordered/old.json" "$repo/infra/equal.json"
cp "$src/fixtures/diff/cloudformation-roles/old.yaml" "$repo/infra/roles.yaml"
echo '{"name": "web"}' >"$repo/package.json"
git -C "$repo" add -A
git -C "$repo" commit -q -m base
git -C "$repo" checkout -q -b feature
cp "$src/fixtures/diff/widened/new.json" "$repo/infra/web.json"
cp "$src/fixtures/diff/reordered/new.json" "$repo/infra/equal.json"
cp "$src/fixtures/diff/cloudformation-roles/new.yaml" "$repo/infra/roles.yaml"
echo '{"name": "web", "private": true}' >"$repo/package.json"
git -C "$repo" add -A
git -C "$repo" commit -q -m head

failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}
run() {  # run FAIL_ON_NEW_ACCESS [BASE]
  : >"$work/output"
  : >"$work/summary"
  (cd "$repo" && TRUSTLINT="$exe" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" \
    INPUT_PATHS="." INPUT_BASE="${2-main}" INPUT_FAIL_ON_NEW_ACCESS="$1" \
    bash "$src/tools/github-action-diff.sh") >"$work/log" 2>&1
}

check "the step itself succeeds" run true
check "exit-code=1 with fail-on-new-access" grep -qx "exit-code=1" "$work/output"
check "new-access=true" grep -qx "new-access=true" "$work/output"
check "summary has the widened policy's gained row" grep -q '➕ gained | — | team | `acme` | `web` | `preview`' "$work/summary"
check "summary shows the equal rewrite as no difference" grep -q "No difference" "$work/summary"
check "summary reports the added role" grep -q '`PreviewRole` (added)' "$work/summary"
check "summary reports the removed role" grep -q '`LegacyRole` (removed)' "$work/summary"
check "package.json is not compared" bash -c "! grep -q package.json '$work/summary'"
check "a warning annotation on the widened file" grep -q "^::warning file=infra/web.json::" "$work/log"
check "no annotation on the equal file" bash -c "! grep -q 'file=infra/equal.json' '$work/log'"
check "the step succeeds without the gate" run false
check "exit-code=0 without the gate" grep -qx "exit-code=0" "$work/output"
check "new-access=true without the gate" grep -qx "new-access=true" "$work/output"
check "an unknown base is an error, exit-code=2" run true no-such-branch
check "exit-code=2 for an unknown base" grep -qx "exit-code=2" "$work/output"

# trustlint diff git:REV:PATH directly, from inside the repository.
rc=0
(cd "$repo" && "$exe" diff git:main:infra/web.json infra/web.json) >"$work/out" 2>&1 || rc=$?
check "diff git:main:... exits 1 (new access)" test "$rc" = 1
check "diff git:main:... prints the gained part" grep -q "team acme · project web · environment preview · issuer team" "$work/out"
rc=0
(cd "$repo" && "$exe" diff git:no-such-rev:infra/web.json infra/web.json) >"$work/out" 2>&1 || rc=$?
check "diff git:no-such-rev exits 2" test "$rc" = 2
check "a located TL001 for an unknown revision" grep -q "^git:no-such-rev:infra/web.json: error: cannot read git:no-such-rev:infra/web.json through git: .*\[TL001\]" "$work/out"

if [ "$failures" -ne 0 ]; then
  cat "$work/log"
  cat "$work/summary"
  exit 1
fi
echo "action diff step: summary, annotations, outputs and gate as expected"
