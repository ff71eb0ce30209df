#!/bin/sh
# Output that cannot be written is an error, never a verdict: every verb writing to a full device
# (/dev/full: each write fails with ENOSPC) exits 2 with TL093, whatever it would have answered.
# Usage: unwritten.sh TRUSTLINT REPO_ROOT. Exit 77 (skipped) where /dev/full does not exist.
set -u
exe=$1
root=$2
[ -w /dev/full ] || { echo "skipped: no /dev/full"; exit 77; }
policy=$root/fixtures/good/vercel-docs-production.json
requests=$(mktemp)
small=$(mktemp)
trap 'rm -f "$requests" "$small"' EXIT
echo '{"team": "acme", "project": "web", "environment": "preview"}' >"$small"
i=0
while [ $i -lt 3000 ]; do  # more than one 128 KiB block of answers, so the writer thread runs
  echo '{"team": "acme", "project": "web", "environment": "production"}' >>"$requests"
  i=$((i + 1))
done
failed=0
check() {  # DESCRIPTION ARGS...: the run must exit 2 and print TL093 on stderr
  what=$1
  shift
  err=$("$exe" "$@" 2>&1 >/dev/full)
  code=$?
  if [ $code -ne 2 ] || ! printf '%s' "$err" | grep -q 'TL093'; then
    echo "FAIL: $what: exit $code, stderr: $err"
    failed=1
  else
    echo "ok: $what"
  fi
}
check "can (allowed)" can "$policy" --team acme --project web --env production
check "can (denied)" can "$policy" --team acme --project web --env preview
check "can --format json" can "$policy" --team acme --project web --env production --format json
check "can --requests (one block)" can "$policy" --requests "$small"
check "can --requests (many blocks)" can "$policy" --requests "$requests"
check "who" who "$policy"
check "lint (findings)" lint "$root/fixtures/risky/allow-team-deny-development.json"
check "lint --format json" lint "$policy" --format json
check "lint --format sarif" lint "$policy" --format sarif
check "rules" rules
# The same runs into a working output still succeed (the check does not fail every run), and a
# clean text lint, which writes nothing to standard output, is not an output failure.
"$exe" lint "$policy" >/dev/full || { echo "FAIL: clean lint writes nothing, yet failed"; failed=1; }
"$exe" can "$policy" --requests "$requests" >/dev/null || { echo "FAIL: can --requests to /dev/null"; failed=1; }
"$exe" lint "$policy" >/dev/null || { echo "FAIL: lint to /dev/null"; failed=1; }
exit $failed
