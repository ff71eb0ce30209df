#!/usr/bin/env bash
# The lint step of action.yml (tools/github-action-lint.sh) outside GitHub: with the variables a
# runner sets, it prints annotations, writes the Markdown summary, the SARIF file and the step
# outputs, and reports trustlint's exit code without failing itself; for a Terraform module too.
# usage: run.sh SOURCE_DIR TRUSTLINT_EXE     exit 77 (CTest: skipped) when lint lacks the formats
set -euo pipefail
src=$1
exe=$2
if ! "$exe" lint --help | grep -q sarif; then
  echo "skipped: this trustlint has no lint --format sarif/github/markdown"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src"
failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}

run() {  # run FAIL_ON: one action run on a bad and a good policy
  : >"$work/output"
  : >"$work/summary"
  TRUSTLINT="$exe" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" RUNNER_TEMP="$work" \
    INPUT_PATHS=$'fixtures/risky/owner-prefix-wildcard.json\nfixtures/good/vercel-docs-production.json' \
    INPUT_TEAM="acme" INPUT_FAIL_ON="$1" INPUT_SARIF=true INPUT_CONFIG="" INPUT_EXCLUDE="" \
    bash tools/github-action-lint.sh >"$work/log" 2>&1
}

check "the step itself succeeds" run error
check "exit-code=1 on an error finding" grep -qx "exit-code=1" "$work/output"
check "sarif-file output" grep -qx "sarif-file=$work/trustlint.sarif" "$work/output"
check "annotation for TL101" grep -q "^::error .*owner-prefix-wildcard.json" "$work/log"
check "summary names TL101" grep -q "TL101" "$work/summary"
check "SARIF 2.1.0 with TL101" grep -q '"2.1.0"' "$work/trustlint.sarif"
check "SARIF names TL101" grep -q 'TL101' "$work/trustlint.sarif"
# A Terraform module directory: the annotation lands on the .tf line of the offending value.
: >"$work/output"
: >"$work/summary"
check "the step succeeds on a Terraform module" env TRUSTLINT="$exe" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" \
  RUNNER_TEMP="$work" INPUT_PATHS=fixtures/terraform/vercel-module-risky INPUT_TEAM="acme" INPUT_FAIL_ON=error INPUT_SARIF=true \
  INPUT_CONFIG="" INPUT_EXCLUDE="" bash -c 'bash tools/github-action-lint.sh >"$0" 2>&1' "$work/log"
check "exit-code=1 on the module's role" grep -qx "exit-code=1" "$work/output"
check "annotation at main.tf:13:64 for TL306" grep -q "^::error file=fixtures/terraform/vercel-module-risky/main.tf,line=13,.*col=64.*TL306" "$work/log"
check "summary names TL306" grep -q "TL306" "$work/summary"
check "SARIF locates TL306 in main.tf" grep -q 'vercel-module-risky/main.tf' "$work/trustlint.sarif"
# Terraform JSON (cdktf's cdk.tf.json): the annotation lands on the .tf.json line of the value.
: >"$work/output"
check "the step succeeds on Terraform JSON" env TRUSTLINT="$exe" GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" \
  RUNNER_TEMP="$work" INPUT_PATHS=fixtures/terraform-json/cdktf-stack INPUT_TEAM="acme" INPUT_FAIL_ON=error INPUT_SARIF=true \
  INPUT_CONFIG="" INPUT_EXCLUDE="" bash -c 'bash tools/github-action-lint.sh >"$0" 2>&1' "$work/log"
check "exit-code=1 on the cdktf role" grep -qx "exit-code=1" "$work/output"
check "annotation at cdk.tf.json:37:28 for TL306" grep -q "^::error file=fixtures/terraform-json/cdktf-stack/cdk.tf.json,line=37,.*col=28.*TL306" "$work/log"
check "the step succeeds with fail-on never" run never
check "exit-code=0 with fail-on never" grep -qx "exit-code=0" "$work/output"

if [ "$failures" -ne 0 ]; then
  cat "$work/log"
  exit 1
fi
echo "action lint step: annotations, summary, SARIF and outputs written"
